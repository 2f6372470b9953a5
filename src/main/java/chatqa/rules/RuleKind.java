package chatqa.rules;

import java.io.Serializable;

/**
 * What a rule checks in the messages its position selects, decided once when the book loads
 * (the rule's keys name it: {@code expect}, {@code before}, {@code max_chars}, {@code repeat},
 * {@code silence}, {@code max_messages}). The scope — role, position, trigger, window, {@code where},
 * {@code only_if}, scenarios — is the same for every kind and lives on {@link Rule}.
 */
public sealed interface RuleKind extends Serializable
        permits RuleKind.Element, RuleKind.Forbidden, RuleKind.Ordering, RuleKind.LengthLimit, RuleKind.Repeat, RuleKind.Silence, RuleKind.Handling,
        RuleKind.Composition {

    /** The phrases the kind looks for; null for the kinds that look at no phrases (length, repetition, waits, handling). */
    default PhraseSet phrases() {
        return null;
    }

    /** Every phrase set the kind scans messages for, so the book's one automaton holds them all. */
    default java.util.List<PhraseSet> sets() {
        return phrases() == null ? java.util.List.of() : java.util.List.of(phrases());
    }

    /** An element that must be present in each window (a greeting, an apology after each complaint). */
    record Element(PhraseSet phrases) implements RuleKind {
    }

    /**
     * Words that must not appear (a red line, an ad-hoc discount); {@code tolerated} messages with
     * them are allowed before the rule fails (one retention attempt), 0 for none.
     */
    record Forbidden(PhraseSet phrases, int tolerated) implements RuleKind {
    }

    /**
     * An element that must come before another: where {@code before} first appears in a window, the
     * rule's phrases must already have appeared (an apology before the solution). {@code beforeName}
     * says what {@code before} is in evidence: the rule it was taken from, or its first phrase; while
     * the book loads, a {@code before} that names another rule is null until that rule is read.
     */
    record Ordering(PhraseSet phrases, PhraseSet before, String beforeName) implements RuleKind {
        @Override
        public java.util.List<PhraseSet> sets() {
            return before == null ? java.util.List.of(phrases) : java.util.List.of(phrases, before);
        }
    }

    /**
     * Whether the customer's problem was handled ({@code handling:} in the rule book): judged from
     * the outcome, timing and sentiment of the conversation, credited to the agent who had it last.
     */
    record Handling(HandlingSignal signal) implements RuleKind {
    }

    /** No message of the window may be longer than {@code maxChars} characters ("split the reply"). */
    record LengthLimit(int maxChars) implements RuleKind {
    }

    /**
     * No message of the window may repeat one of the {@code within} messages before it in the same
     * window (a canned reply pasted again): two messages of at least {@code minChars} characters
     * whose character pairs overlap by {@code similarity} or more (Dice coefficient, 0..1).
     */
    record Repeat(int within, int minChars, double similarity) implements RuleKind {
    }

    /**
     * No customer turn may wait longer than {@code seconds} for the agent's reply, anywhere in the
     * conversation (the first response included); the unanswered last turn is a handling item's.
     */
    record Silence(int seconds) implements RuleKind {
    }

    /**
     * Named conditions composed by a boolean expression ({@code conditions:} with {@code fail_when:}
     * or {@code pass_when:}): the rule fails where {@code fails} is true. With {@code applies} the rule
     * is checked only where that expression is true (N/A elsewhere). Judged once over the whole
     * conversation, or with {@code perMessage} on each message of the rule's role, where a condition
     * holds when that message meets it (an anchored one: when the anchor's hit lies where it says).
     *
     * @param expression the expression as the book wrote it, with its key, for listings and evidence
     */
    record Composition(java.util.List<RuleCondition> conditions, BoolExpr fails, String expression, BoolExpr applies,
                       boolean perMessage) implements RuleKind {
        public Composition {
            conditions = java.util.List.copyOf(conditions);
        }

        @Override
        public java.util.List<PhraseSet> sets() {
            return conditions.stream().map(RuleCondition::matcher).filter(m -> m instanceof ConditionMatcher.Phrases)
                    .map(m -> ((ConditionMatcher.Phrases) m).set()).toList();
        }

        public RuleCondition condition(String name) {
            for (RuleCondition c : conditions) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }
}
