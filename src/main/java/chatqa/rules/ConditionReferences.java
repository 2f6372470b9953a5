package chatqa.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import chatqa.config.YamlTree;
import chatqa.model.Role;

/**
 * Resolves the conditions that take their phrases from a rule ({@code phrases_of: apology.after_complaint},
 * {@code trigger_of: apology.after_complaint}), so a composed rule says "the apology" or "the complaint"
 * without copying a phrase list that would then drift. Resolved once every rule is read; a condition
 * without its own {@code role} takes the rule's role (a trigger's: customer).
 */
final class ConditionReferences {
    private ConditionReferences() {
    }

    static List<Rule> resolve(List<Rule> rules, YamlTree list, List<String> problems) {
        Map<String, Rule> byId = rules.stream().collect(Collectors.toMap(Rule::id, Function.identity()));
        List<YamlTree> items = list.items();
        List<Rule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (!(r.kind() instanceof RuleKind.Composition k)) {
                out.add(r);
                continue;
            }
            List<RuleCondition> conditions = new ArrayList<>();
            boolean changed = false;
            for (RuleCondition c : k.conditions()) {
                if (!(c.matcher() instanceof ConditionMatcher.Phrases p) || p.set() != null) {
                    conditions.add(c);
                    continue;
                }
                YamlTree node = items.get(i).required("conditions");
                node = node.isMap() ? node.required(c.name()) : node.items().get(Integer.parseInt(c.name()) - 1);
                boolean trigger = p.from().startsWith("trigger_of");
                String id = p.from().substring(p.from().indexOf(':') + 1).trim();
                Rule target = byId.get(id);
                PhraseSet set = target == null ? null : trigger ? target.trigger() : target.phrases();
                if (set == null) {
                    String key = trigger ? "trigger_of" : "phrases_of";
                    problems.add(node.required(key).error(target == null ? "no rule with id '" + id + "' (" + key
                            + " takes a rule id" + (trigger ? "" : ", scenario.<name>, outcome.<signal> or transfers") + ")"
                            : "rule '" + id + "' has no " + (trigger ? "trigger" : "phrases")).problems().get(0) + " [rule " + r.id() + "]");
                    conditions.add(c);
                    continue;
                }
                Role role = node.get("role") != null ? c.role() : trigger ? Role.CUSTOMER : target.role();
                conditions.add(c.with(new ConditionMatcher.Phrases(set, p.from()), role));
                changed = true;
            }
            out.add(changed ? r.withKind(new RuleKind.Composition(conditions, k.fails(), k.expression(), k.applies(), k.perMessage())) : r);
        }
        return out;
    }
}
