package chatqa.rules;

import chatqa.config.YamlTree;
import chatqa.model.Role;

/**
 * How a rule book spells its values, for every loader of its sections: numbers in their range,
 * roles, present / absent, and keys a kind of rule cannot have — each refused at the line that
 * holds it.
 */
final class RuleFields {
    private RuleFields() {
    }

    /** Refuses the first of {@code keys} the rule has, at its line: "{@code why} 'key'". */
    static void rejectKeys(YamlTree item, String why, String... keys) {
        for (String key : keys) {
            if (item.get(key) != null) {
                throw item.get(key).error(why + " '" + key + "'");
            }
        }
    }

    static double decimal(YamlTree node, String key, double fallback) {
        YamlTree child = node.get(key);
        if (child == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(child.text().trim());
        } catch (NumberFormatException e) {
            throw child.error("expected a number, got '" + child.text() + "'");
        }
    }

    static Role role(YamlTree node, Role fallback) {
        if (node == null) {
            return fallback;
        }
        try {
            return Role.fromCode(node.text().trim());
        } catch (IllegalArgumentException e) {
            throw node.error("unknown role '" + node.text() + "' (expected agent, customer, bot or system)");
        }
    }

    static Expectation expectation(YamlTree node) {
        if (node == null) {
            return Expectation.PRESENT;
        }
        return switch (node.text().trim()) {
            case "present" -> Expectation.PRESENT;
            case "absent" -> Expectation.ABSENT;
            default -> throw node.error("expected 'present' or 'absent', got '" + node.text() + "'");
        };
    }

    static int positive(YamlTree node, String key, int fallback) {
        int v = node.integer(key, fallback);
        if (v <= 0) {
            throw node.required(key).error("expected a number greater than 0, got " + v);
        }
        return v;
    }

    static int nonNegative(YamlTree node, String key, int fallback) {
        int v = node.integer(key, fallback);
        if (v < 0) {
            throw node.required(key).error("expected a number of 0 or more, got " + v);
        }
        return v;
    }
}
