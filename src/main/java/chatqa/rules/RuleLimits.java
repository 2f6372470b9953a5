package chatqa.rules;

import java.util.Set;
import chatqa.config.YamlTree;

/**
 * The rule keys that narrow or order what a rule looks at: the window after a trigger
 * ({@code within_messages}, {@code within_agent_messages}), the messages checked ({@code where}),
 * an ordering ({@code before}), a length limit ({@code max_chars}), a repetition limit
 * ({@code repeat}), a wait limit ({@code silence}) and a tolerance for ABSENT rules ({@code max_messages}). Read and validated
 * together because they constrain each other.
 *
 * @param beforeName when {@code before} is null but this is set, {@code before} names another
 *                   rule and is resolved once every rule is read ({@link RuleOrdering})
 */
record RuleLimits(int withinMessages, int withinAgentMessages, PhraseSet where, PhraseSet before, String beforeName,
                  int maxChars, int maxMessages, RuleKind.Repeat repeat, int silenceSeconds) {
    private static final Set<String> REPEAT_KEYS = Set.of("within", "min_chars", "similarity");
    private static final Set<String> SET_KEYS = Set.of("phrases", "regex", "exclude", "whole_words", "unless_near", "requires_near",
            "near_chars", "ignore_quoted");

    boolean isLengthLimit() {
        return maxChars > 0;
    }

    /** A rule about the shape or timing of messages (length, repetition, silence) needs no phrases. */
    boolean needsNoPhrases() {
        return isLengthLimit() || repeat != null || silenceSeconds > 0;
    }

    /** The rule's kind, chosen once: a length, repetition or wait limit, an ordering, words that must not appear, or an element. */
    RuleKind kind(Expectation expect, PhraseSet match) {
        if (isLengthLimit()) {
            return new RuleKind.LengthLimit(maxChars);
        }
        if (repeat != null) {
            return repeat;
        }
        if (silenceSeconds > 0) {
            return new RuleKind.Silence(silenceSeconds);
        }
        if (beforeName != null) {
            return new RuleKind.Ordering(match, before, beforeName);
        }
        return expect == Expectation.ABSENT ? new RuleKind.Forbidden(match, maxMessages) : new RuleKind.Element(match);
    }

    static RuleLimits read(YamlTree item, Position position, Expectation expect, PhraseSet match, int[] nextSetId) {
        int withinMessages = within(item, "within_messages", position);
        int withinAgentMessages = within(item, "within_agent_messages", position);
        if (position == Position.AFTER_TRIGGER && (withinMessages > 0) == (withinAgentMessages > 0)) {
            throw item.error("position after_trigger needs one of 'within_messages' or 'within_agent_messages'");
        }
        PhraseSet where = null;
        YamlTree whereNode = item.get("where");
        if (whereNode != null) {
            where = phrases(whereNode, nextSetId);
        }
        PhraseSet before = null;
        String beforeName = null;
        YamlTree beforeNode = item.get("before");
        if (beforeNode != null) {
            if (expect != Expectation.PRESENT) {
                throw beforeNode.error("'before' orders an element that must be present; it cannot be used with expect: absent");
            }
            if (beforeNode.isScalar()) {
                beforeName = beforeNode.text().trim();
            } else {
                before = phrases(beforeNode, nextSetId);
                beforeName = before.phrases().isEmpty() ? before.regex().pattern() : before.phrases().get(0);
            }
        }
        int maxChars = 0;
        if (item.get("max_chars") != null) {
            maxChars = RuleFields.positive(item, "max_chars", 0);
            RuleFields.rejectKeys(item, "a 'max_chars' rule limits message length; it cannot also have",
                    "phrases", "regex", "exclude", "expect", "where", "before", "max_messages");
        }
        RuleKind.Repeat repeat = repeat(item);
        int silenceSeconds = silence(item, position);
        int maxMessages = 0;
        if (item.get("max_messages") != null) {
            if (expect != Expectation.ABSENT) {
                throw item.get("max_messages").error("'max_messages' tolerates hits of an expect: absent rule; this rule expects present");
            }
            maxMessages = RuleFields.positive(item, "max_messages", 0);
        }
        return new RuleLimits(withinMessages, withinAgentMessages, where, before, beforeName, maxChars, maxMessages, repeat, silenceSeconds);
    }

    private static int silence(YamlTree item, Position position) {
        if (item.get("silence") == null) {
            return 0;
        }
        RuleFields.rejectKeys(item, "a 'silence' rule measures the waits between messages; it cannot also have",
                "phrases", "regex", "exclude", "expect", "where", "before", "max_messages", "max_chars", "repeat");
        if (position != Position.ANY) {
            throw item.get("silence").error("a 'silence' rule looks at every wait of the conversation; its position must be any");
        }
        return RuleFields.positive(item, "silence", 0);
    }

    private static RuleKind.Repeat repeat(YamlTree item) {
        YamlTree node = item.get("repeat");
        if (node == null) {
            return null;
        }
        RuleFields.rejectKeys(item, "a 'repeat' rule compares messages with each other; it cannot also have",
                "phrases", "regex", "exclude", "expect", "where", "before", "max_messages", "max_chars");
        node.rejectUnknownKeys(REPEAT_KEYS);
        int within = RuleFields.positive(node, "within", 3);
        int minChars = RuleFields.positive(node, "min_chars", 10);
        double similarity = RuleFields.decimal(node, "similarity", 0.9);
        if (!(similarity > 0 && similarity <= 1)) {
            throw node.get("similarity").error("'similarity' is a share of character pairs, above 0 and at most 1; got " + similarity);
        }
        return new RuleKind.Repeat(within, minChars, similarity);
    }

    private static int within(YamlTree item, String key, Position position) {
        YamlTree node = item.get(key);
        if (node == null) {
            return 0;
        }
        if (position != Position.AFTER_TRIGGER) {
            throw node.error("'" + key + "' only applies to position after_trigger");
        }
        return RuleFields.positive(item, key, 0);
    }

    private static PhraseSet phrases(YamlTree node, int[] nextSetId) {
        node.rejectUnknownKeys(SET_KEYS);
        PhraseSet set = RuleBookLoader.phraseSet(node, nextSetId);
        if (set.isEmpty()) {
            throw node.error("needs 'phrases' or 'regex'");
        }
        return set;
    }
}
