package chatqa.rules;

import java.io.Serializable;

/**
 * What a rule checks in the messages its position selects, decided once when the book loads
 * (the rule's keys name it: {@code expect}, {@code before}, {@code max_chars}, {@code repeat},
 * {@code silence}, {@code max_messages}). The scope — role, position, trigger, window, {@code where},
 * {@code only_if}, scenarios — is the same for every kind and lives on {@link Rule}.
 */
public sealed interface RuleKind extends Serializable
        permits RuleKind.Element, RuleKind.Forbidden, RuleKind.Ordering, RuleKind.LengthLimit, RuleKind.Repeat, RuleKind.Silence, RuleKind.Handling {

    /** The phrases the kind looks for; null for the kinds that look at no phrases (length, repetition, waits, handling). */
    default PhraseSet phrases() {
        return null;
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
}
