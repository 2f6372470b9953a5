package chatqa.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import chatqa.config.ConfigError;
import chatqa.config.YamlTree;
import chatqa.model.Role;

/**
 * Reads the rule book's {@code scenarios:} section (a mapping from scenario name to its phrase
 * condition and simple structure: {@code within_first}, {@code unless}) and the places where rules
 * name scenarios ({@code scenario:}, {@code trigger: <scenario>}). Every problem is reported with
 * file, line and field.
 */
final class ScenarioLoader {
    private static final Set<String> KEYS = Set.of("name", "description", "role", "phrases", "regex", "exclude", "whole_words",
            "within_first", "unless");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private ScenarioLoader() {
    }

    /** The scenarios in file order, by name; empty when the section is absent. */
    static Map<String, Scenario> load(YamlTree node, int[] nextSetId) {
        Map<String, Scenario> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        List<String> problems = new ArrayList<>();
        Map<String, YamlTree> entries = node.entries();
        for (var e : entries.entrySet()) {
            try {
                out.put(e.getKey(), scenario(e.getKey(), e.getValue(), entries, nextSetId));
            } catch (ConfigError err) {
                problems.addAll(err.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigError(problems);
        }
        return out;
    }

    private static Scenario scenario(String name, YamlTree node, Map<String, YamlTree> all, int[] nextSetId) {
        if (!NAME.matcher(name).matches()) {
            throw node.error("scenario name '" + name + "': expected lower-case letters, digits and '_'");
        }
        if (Scenario.OTHER.equals(name)) {
            throw node.error("'other' is the tag of conversations no scenario matched; it cannot be defined");
        }
        node.rejectUnknownKeys(KEYS);
        Role role = Role.CUSTOMER;
        YamlTree roleNode = node.get("role");
        if (roleNode != null && !"any".equals(roleNode.text().trim())) {
            try {
                role = Role.fromCode(roleNode.text().trim());
            } catch (IllegalArgumentException e) {
                throw roleNode.error("unknown role '" + roleNode.text() + "' (expected customer, agent, bot, system or any)");
            }
        } else if (roleNode != null) {
            role = null;
        }
        PhraseSet phrases = RuleBookLoader.phraseSet(node, nextSetId);
        if (phrases.isEmpty()) {
            throw node.error("needs 'phrases' or 'regex'");
        }
        int withinFirst = node.integer("within_first", 0);
        if (withinFirst < 0 || (node.get("within_first") != null && withinFirst == 0)) {
            throw node.required("within_first").error("expected a number greater than 0, got " + withinFirst);
        }
        List<String> unless = node.strings("unless");
        for (String other : unless) {
            if (!all.containsKey(other) || other.equals(name)) {
                throw node.required("unless").error("unknown scenario '" + other + "' (expected another scenario of this "
                        + "section: " + String.join(", ", all.keySet().stream().filter(n -> !n.equals(name)).toList()) + ")");
            }
        }
        return new Scenario(name, node.string("name", name), node.string("description", name), new Condition(phrases, role), withinFirst, unless,
                node.line());
    }

    /** A rule's {@code trigger: <scenario>}: the phrases of that scenario, which must be about customer messages. */
    static PhraseSet trigger(YamlTree node, Map<String, Scenario> defined) {
        Scenario named = defined.get(node.text().trim());
        if (named == null) {
            throw node.error("unknown scenario '" + node.text() + "' (a trigger is a condition, or the name of a scenario: "
                    + String.join(", ", defined.keySet()) + ")");
        }
        if (named.condition().role() != Role.CUSTOMER) {
            throw node.error("scenario '" + named.name() + "' is not about customer messages; a trigger is a customer message");
        }
        return named.condition().phrases();
    }

    /** The scenarios a rule is scoped to ({@code scenario: name} or a list); each must be defined, or be 'other'. */
    static List<String> scope(YamlTree node, Map<String, Scenario> defined) {
        if (node == null) {
            return List.of();
        }
        List<YamlTree> items = node.isScalar() ? List.of(node) : node.items();
        List<String> out = new ArrayList<>();
        for (YamlTree item : items) {
            String name = item.text().trim();
            if (!defined.containsKey(name) && !Scenario.OTHER.equals(name)) {
                throw item.error("unknown scenario '" + name + "' (defined: "
                        + (defined.isEmpty() ? "none; add a 'scenarios:' section" : String.join(", ", defined.keySet()))
                        + ", or other)");
            }
            out.add(name);
        }
        return out;
    }
}
