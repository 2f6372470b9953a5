package chatqa.rules;

import java.io.Serializable;

import chatqa.model.Role;

/**
 * One named condition of a composed rule ({@code conditions:} in the rule book): a matcher looked
 * for in the messages its scope selects — a role, a range of that role's messages counted from the
 * start (1, 2, …) or the end (-1 is the last), and optionally an {@link Anchor} to the hits of
 * another condition — holding when the number of hits lies in {@code [atLeast, atMost]}.
 *
 * @param role     null: messages of any role
 * @param rangeFrom 0 when the condition has no range; else the first message of the range (negative: from the end)
 * @param atMost   {@link Integer#MAX_VALUE} when the condition sets no upper bound
 * @param label    optional: the message label of docs/labelling.md the matcher detects, for {@code rules eval}
 * @param line     line of the condition in its YAML file
 */
public record RuleCondition(String name, ConditionMatcher matcher, Role role, int rangeFrom, int rangeTo, Anchor anchor,
                            int atLeast, int atMost, String label, int line) implements Serializable {

    /** Whether the condition looks at a message of this role at this place among its role's {@code count} messages (1-based). */
    public boolean inScope(Role sender, int indexInRole, int countInRole) {
        if (role != null && sender != role) {
            return false;
        }
        if (rangeFrom == 0) {
            return true;
        }
        int from = rangeFrom > 0 ? rangeFrom : countInRole + 1 + rangeFrom;
        int to = rangeTo > 0 ? rangeTo : countInRole + 1 + rangeTo;
        return indexInRole >= from && indexInRole <= to;
    }

    /** This condition with its matcher resolved (phrases named by {@code phrases_of}) and the role that comes with them. */
    public RuleCondition with(ConditionMatcher resolved, Role resolvedRole) {
        return new RuleCondition(name, resolved, resolvedRole, rangeFrom, rangeTo, anchor, atLeast, atMost, label, line);
    }

    /** Whether {@code hits} hits make the condition hold. */
    public boolean enough(int hits) {
        return hits >= atLeast && hits <= atMost;
    }

    /**
     * Where a condition's hits must lie relative to another condition's: after, before or around
     * ({@code within} messages either side, 0 for "anywhere after / before") the selected hit of
     * {@code condition}.
     *
     * @param hit which hit of the other condition: {@link #ANY}, {@link #EVERY} (each needs its own
     *            hit), {@link #LAST}, or its number (1 is the first)
     */
    public record Anchor(Relation relation, String condition, int hit, int within) implements Serializable {
        public static final int ANY = 0;
        public static final int EVERY = -1;
        public static final int LAST = -2;

        /** Whether message {@code seq} lies where this anchor wants it, relative to the anchor's hit at {@code anchorSeq}. */
        public boolean relates(int seq, int anchorSeq) {
            int d = seq - anchorSeq;
            return switch (relation) {
                case AFTER -> d > 0 && (within == 0 || d <= within);
                case BEFORE -> d < 0 && (within == 0 || -d <= within);
                case AROUND -> Math.abs(d) <= within;
            };
        }

        public String describe() {
            String which = hit == ANY ? "any hit" : hit == EVERY ? "every hit" : hit == LAST ? "the last hit" : "hit " + hit;
            return relation.code() + " " + which + " of " + condition + (within > 0 ? " (within " + within + " messages)" : "");
        }
    }

    /** Which side of the anchor's hit. */
    public enum Relation {
        AFTER, BEFORE, AROUND;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
