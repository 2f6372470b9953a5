package chatqa.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import chatqa.config.YamlTree;
import chatqa.model.Role;

/**
 * Reads the composed rules of a rule book: named {@code conditions:} (phrases, a regex, an entity
 * or similar sentences, each with its role, range, anchor and hit counts) and the boolean
 * expression over them ({@code fail_when:} or {@code pass_when:}, optional {@code applies_when:});
 * and the hit-count rules ({@code hits: {at_most: 3, per: message}}), which are compositions of one
 * condition. Unknown names, bad expressions and anchors that lead back to themselves are refused
 * with their line.
 */
final class CompositionLoader {
    static final Set<String> RULE_KEYS = Set.of("conditions", "fail_when", "pass_when", "applies_when", "per", "hits");
    private static final Set<String> CONDITION_KEYS = Set.of("role", "range", "anchor", "at_least", "at_most", "entity", "similar",
            "phrases_of", "trigger_of", "label", "any_message",
            "phrases", "regex", "exclude", "whole_words", "unless_near", "requires_near", "near_chars", "ignore_quoted");
    private static final Set<String> ANCHOR_KEYS = Set.of("after", "before", "around", "hit", "within_messages");
    private static final Set<String> SIMILAR_KEYS = Set.of("examples", "threshold");
    private static final Set<String> HITS_KEYS = Set.of("at_least", "at_most", "per");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** How {@code phrases_of} names the book's shared phrase sets other than rules'. */
    static final String SCENARIO = "scenario.";
    static final String OUTCOME = "outcome.";
    static final String TRANSFERS = "transfers";
    /** The keys of the rule kinds a composed rule replaces: its scope is in its conditions. */
    private static final String[] NOT_WITH_CONDITIONS = {"position", "count", "expect", "phrases", "regex", "exclude", "whole_words",
            "unless_near", "requires_near", "near_chars", "ignore_quoted", "trigger", "within_messages", "within_agent_messages", "where",
            "before", "max_chars", "max_messages", "repeat", "silence", "hits"};

    private CompositionLoader() {
    }

    static boolean composes(YamlTree item) {
        return item.get("conditions") != null;
    }

    /** A rule with {@code conditions:}: its kind, checked on messages of {@code role} when it is judged per message. */
    static RuleKind.Composition read(YamlTree item, int[] nextSetId, Map<String, Condition> named) {
        RuleFields.rejectKeys(item, "a rule with 'conditions' finds everything through them; it cannot also have", NOT_WITH_CONDITIONS);
        YamlTree list = item.required("conditions");
        Map<String, RuleCondition> byName = new LinkedHashMap<>();
        Map<String, YamlTree> nodes = new HashMap<>();
        if (list.isMap()) {
            list.entries().forEach((name, node) -> add(byName, nodes, name, node, nextSetId, named));
        } else {
            int n = 0;
            for (YamlTree node : list.items()) {
                add(byName, nodes, String.valueOf(++n), node, nextSetId, named);
            }
        }
        if (byName.isEmpty()) {
            throw list.error("needs at least one condition");
        }
        checkAnchors(byName, nodes);
        YamlTree failNode = item.get("fail_when");
        YamlTree passNode = item.get("pass_when");
        if ((failNode == null) == (passNode == null)) {
            throw item.error(failNode == null ? "a rule with 'conditions' needs 'fail_when' or 'pass_when' (the expression over them)"
                    : "give 'fail_when' or 'pass_when', not both");
        }
        YamlTree exprNode = failNode != null ? failNode : passNode;
        BoolExpr expr = expression(exprNode, byName);
        BoolExpr fails = failNode != null ? expr : new BoolExpr.Not(expr);
        YamlTree appliesNode = item.get("applies_when");
        BoolExpr applies = appliesNode == null ? null : expression(appliesNode, byName);
        String text = (failNode != null ? "fail_when: " : "pass_when: ") + exprNode.text().trim();
        return new RuleKind.Composition(List.copyOf(byName.values()), fails, text, applies, perMessage(item.get("per")));
    }

    /**
     * A hit-count rule ({@code hits:} beside the rule's phrases): one condition over the rule's role and
     * phrases that must hit between {@code at_least} and {@code at_most} times, in each message or in the
     * whole conversation.
     */
    static RuleKind.Composition hits(YamlTree item, Role role, PhraseSet match) {
        YamlTree node = item.required("hits");
        node.rejectUnknownKeys(HITS_KEYS);
        RuleFields.rejectKeys(item, "a 'hits' rule counts the hits of its phrases; it cannot also have", "expect", "trigger", "where",
                "before", "max_chars", "max_messages", "repeat", "silence", "count", "within_messages", "within_agent_messages");
        if (item.get("position") != null && !"any".equals(item.get("position").text().trim())) {
            throw item.get("position").error("a 'hits' rule counts in every message of its role or the whole conversation; "
                    + "its position must be any (or left out)");
        }
        if (match.isEmpty()) {
            throw item.error("a 'hits' rule needs the 'phrases' or 'regex' it counts");
        }
        int[] bounds = bounds(node, false);
        RuleCondition c = new RuleCondition("hits", new ConditionMatcher.Phrases(match), role, 0, 0, null, bounds[0], bounds[1], null,
                node.line());
        String shown = "hits " + (bounds[1] == Integer.MAX_VALUE ? "at least " + bounds[0] : bounds[0] == 0 ? "at most " + bounds[1]
                : bounds[0] + " to " + bounds[1]);
        return new RuleKind.Composition(List.of(c), new BoolExpr.Not(new BoolExpr.Ref("hits")), shown, null, perMessage(node.get("per")));
    }

    private static boolean perMessage(YamlTree node) {
        if (node == null) {
            return false;
        }
        return switch (node.text().trim()) {
            case "message" -> true;
            case "conversation" -> false;
            default -> throw node.error("expected 'message' or 'conversation', got '" + node.text() + "'");
        };
    }

    private static void add(Map<String, RuleCondition> byName, Map<String, YamlTree> nodes, String name, YamlTree node, int[] nextSetId,
                            Map<String, Condition> named) {
        if (!NAME.matcher(name).matches()) {
            throw node.error("condition name '" + name + "': expected letters, digits, '_' or '-' (names are used in the expression)");
        }
        if (!node.isMap()) {
            throw node.error("condition '" + name + "' needs a matcher: phrases, regex, phrases_of, trigger_of, entity, similar or any_message");
        }
        node.rejectUnknownKeys(CONDITION_KEYS);
        byName.put(name, condition(name, node, nextSetId, named));
        nodes.put(name, node);
    }

    private static RuleCondition condition(String name, YamlTree node, int[] nextSetId,
                            Map<String, Condition> named) {
        String r = node.string("role", "any").trim();
        Role role = null;
        if (!"any".equals(r)) {
            try {
                role = Role.fromCode(r);
            } catch (IllegalArgumentException e) {
                throw node.required("role").error("unknown role '" + r + "' (expected agent, customer, bot, system or any)");
            }
        }
        List<ConditionMatcher> matchers = new ArrayList<>();
        if (node.get("entity") != null) {
            String kind = node.get("entity").text().trim();
            Pattern p = Entities.pattern(kind);
            if (p == null) {
                throw node.get("entity").error("unknown entity '" + kind + "' (expected one of: " + String.join(", ", Entities.kinds()) + ")");
            }
            matchers.add(new ConditionMatcher.Entity(kind, p));
        }
        if (node.get("similar") != null) {
            matchers.add(similar(node.get("similar"), nextSetId));
        }
        if (node.get("any_message") != null) {
            if (!node.bool("any_message", false)) {
                throw node.get("any_message").error("'any_message' is true or left out");
            }
            matchers.add(new ConditionMatcher.AnyMessage());
        }
        for (String key : List.of("phrases_of", "trigger_of")) {
            YamlTree ref = node.get(key);
            if (ref == null) {
                continue;
            }
            String target = ref.text().trim();
            Condition shared = named.get(target);
            if (key.equals("phrases_of") && shared != null) {
                matchers.add(new ConditionMatcher.Phrases(shared.phrases(), key + ": " + target));
                if (node.get("role") == null) {
                    role = shared.role();
                }
            } else if (target.startsWith(SCENARIO) || target.startsWith(OUTCOME) || target.equals(TRANSFERS)) {
                throw ref.error(key.equals("trigger_of") ? "'trigger_of' names a rule with a trigger; use 'phrases_of' for " + target
                        : "no " + target + " in this rule book (phrases_of takes a rule id, scenario.<name>, outcome.<signal> or transfers)");
            } else {
                // A rule's phrases or trigger: resolved once every rule is read (ConditionReferences).
                matchers.add(new ConditionMatcher.Phrases(null, key + ": " + target));
            }
        }
        if (node.get("phrases") != null || node.get("regex") != null) {
            matchers.add(new ConditionMatcher.Phrases(RuleBookLoader.phraseSet(node, nextSetId)));
        } else {
            RuleFields.rejectKeys(node, "only phrases or a regex take", "exclude", "whole_words", "unless_near", "requires_near",
                    "near_chars", "ignore_quoted");
        }
        if (matchers.size() != 1) {
            throw node.error("condition '" + name + "' needs exactly one matcher: phrases/regex, phrases_of, trigger_of, entity, similar or any_message");
        }
        int[] range = range(node.get("range"));
        RuleCondition.Anchor anchor = anchor(node.get("anchor"));
        int[] bounds = bounds(node, true);
        return new RuleCondition(name, matchers.get(0), role, range[0], range[1], anchor, bounds[0], bounds[1], node.string("label", null),
                node.line());
    }

    /** [at_least, at_most]: at least once by default; with only {@code at_most}, from none. */
    private static int[] bounds(YamlTree node, boolean defaultOnce) {
        YamlTree least = node.get("at_least");
        YamlTree most = node.get("at_most");
        if (!defaultOnce && least == null && most == null) {
            throw node.error("needs 'at_least' or 'at_most'");
        }
        int max = most == null ? Integer.MAX_VALUE : most.asInt();
        int min = least == null ? (most == null ? 1 : 0) : least.asInt();
        if (min < 0 || max < 0) {
            throw (min < 0 ? least : most).error("expected a number of 0 or more");
        }
        if (min > max) {
            throw most.error("'at_most' " + max + " is below 'at_least' " + min);
        }
        return new int[] {min, max};
    }

    private static int[] range(YamlTree node) {
        if (node == null) {
            return new int[] {0, 0};
        }
        List<YamlTree> items = node.items();
        if (items.size() != 2) {
            throw node.error("a range is [first, last]: message numbers of the condition's role, from 1 at the start or -1 at the end");
        }
        int from = items.get(0).asInt();
        int to = items.get(1).asInt();
        if (from == 0 || to == 0) {
            throw node.error("message numbers start at 1 (from the start) or -1 (from the end); 0 is neither");
        }
        if (Integer.signum(from) == Integer.signum(to) && from > to) {
            throw node.error("the range [" + from + ", " + to + "] is empty: its first message comes after its last");
        }
        return new int[] {from, to};
    }

    private static RuleCondition.Anchor anchor(YamlTree node) {
        if (node == null) {
            return null;
        }
        node.rejectUnknownKeys(ANCHOR_KEYS);
        RuleCondition.Relation relation = null;
        String target = null;
        for (RuleCondition.Relation r : RuleCondition.Relation.values()) {
            YamlTree t = node.get(r.code());
            if (t != null) {
                if (relation != null) {
                    throw t.error("an anchor has one of 'after', 'before' or 'around'");
                }
                relation = r;
                target = t.text().trim();
            }
        }
        if (relation == null) {
            throw node.error("an anchor needs 'after', 'before' or 'around' naming another condition");
        }
        int within = node.integer("within_messages", 0);
        if (within < 0 || (relation == RuleCondition.Relation.AROUND && within == 0)) {
            throw node.error(relation == RuleCondition.Relation.AROUND ? "'around' needs 'within_messages' (how many messages either side)"
                    : "'within_messages' must be 0 (anywhere) or more");
        }
        return new RuleCondition.Anchor(relation, target, hit(node.get("hit")), within);
    }

    private static int hit(YamlTree node) {
        if (node == null) {
            return RuleCondition.Anchor.ANY;
        }
        String h = node.text().trim();
        return switch (h) {
            case "any" -> RuleCondition.Anchor.ANY;
            case "every" -> RuleCondition.Anchor.EVERY;
            case "first" -> 1;
            case "last" -> RuleCondition.Anchor.LAST;
            default -> {
                int n = node.asInt();
                if (n <= 0) {
                    throw node.error("expected any, every, first, last or a hit number from 1");
                }
                yield n;
            }
        };
    }

    private static ConditionMatcher.Similar similar(YamlTree node, int[] nextSetId) {
        node.rejectUnknownKeys(SIMILAR_KEYS);
        List<String> examples = new ArrayList<>();
        for (String e : node.strings("examples")) {
            if (e.isBlank()) {
                throw node.required("examples").error("empty example sentence");
            }
            examples.add(e.strip());
        }
        if (examples.isEmpty()) {
            throw node.error("'similar' needs 'examples': the sentences a message should resemble");
        }
        double threshold = RuleFields.decimal(node, "threshold", 0.6);
        if (!(threshold > 0 && threshold <= 1)) {
            throw node.required("threshold").error("'threshold' is a similarity above 0 and at most 1; got " + threshold);
        }
        return new ConditionMatcher.Similar(nextSetId[0]++, examples, threshold);
    }

    private static BoolExpr expression(YamlTree node, Map<String, RuleCondition> byName) {
        BoolExpr e;
        try {
            e = BoolExpr.parse(node.text());
        } catch (IllegalArgumentException bad) {
            throw node.error("bad expression: " + bad.getMessage());
        }
        for (String ref : e.refs()) {
            if (!byName.containsKey(ref)) {
                throw node.error("unknown condition '" + ref + "' (the rule's conditions: " + String.join(", ", byName.keySet()) + ")");
            }
        }
        return e;
    }

    /** Every anchor names a condition of the rule, and following anchors never comes back to where it started. */
    private static void checkAnchors(Map<String, RuleCondition> byName, Map<String, YamlTree> nodes) {
        for (RuleCondition c : byName.values()) {
            if (c.anchor() != null && !byName.containsKey(c.anchor().condition())) {
                throw nodes.get(c.name()).required("anchor").error("unknown condition '" + c.anchor().condition()
                        + "' (the rule's conditions: " + String.join(", ", byName.keySet()) + ")");
            }
        }
        for (RuleCondition start : byName.values()) {
            List<String> path = new ArrayList<>(List.of(start.name()));
            RuleCondition at = start;
            while (at.anchor() != null) {
                String next = at.anchor().condition();
                if (path.contains(next)) {
                    path.add(next);
                    throw nodes.get(start.name()).required("anchor").error("anchors go round in a circle: " + String.join(" → ", path));
                }
                path.add(next);
                at = byName.get(next);
            }
        }
    }
}
