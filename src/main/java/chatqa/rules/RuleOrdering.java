package chatqa.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import chatqa.config.YamlTree;

/**
 * Resolves {@code before: <rule id>}: an ordering check between two rules ("apology before the
 * solution") uses the phrases of the rule it names. Names are resolved once every rule is read,
 * so a rule may name one further down the book.
 */
final class RuleOrdering {
    private RuleOrdering() {
    }

    static List<Rule> resolve(List<Rule> rules, YamlTree list, List<String> problems) {
        Map<String, Rule> byId = rules.stream().collect(Collectors.toMap(Rule::id, Function.identity()));
        List<YamlTree> items = list.items();
        List<Rule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!(r.kind() instanceof RuleKind.Ordering o) || o.before() != null) {
                out.add(r);
                continue;
            }
            Rule target = byId.get(o.beforeName());
            YamlTree node = items.get(i).get("before");
            if (target == null || target == r || target.phrases() == null) {
                problems.add(node.error(target == null ? "no rule with id '" + o.beforeName() + "' (give a rule id, or "
                        + "'phrases' / 'regex' of its own)" : target == r ? "a rule cannot be ordered before itself"
                        : "rule '" + target.id() + "' limits length; it has no phrases to order by").problems().get(0)
                        + " [rule " + r.id() + "]");
                out.add(r);
                continue;
            }
            out.add(r.withKind(new RuleKind.Ordering(o.phrases(), target.phrases(), target.id())));
        }
        return out;
    }
}
