package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.rules.RuleBookLoader;

/**
 * At scoring time a regex that fails on one message is that rule's problem on that
 * conversation, not the run's: the rule has no result there (not applicable), the failure is
 * recorded with the rule id and the message, and every other rule is scored as usual.
 */
class RuleErrorTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.parse("""
            version: 1
            rules:
              - id: greeting
                category: greeting
                role: agent
                position: first_agent_message
                phrases: [您好]
                points: 5
              - id: echo
                category: red_line
                role: agent
                position: any
                expect: absent
                regex: '(a|a)+b'
                fatal: true
            """, "t.yaml"));

    @Test
    void aRegexThatOverflowsOnALongMessageLeavesOnlyItsRuleUnscored() {
        ConversationScore s = SCORER.score(Chat.of(
                "10:00:00 customer 在吗",
                "10:00:05 agent a1 您好 " + "a".repeat(5_000),
                "10:00:09 agent a1 好的"));

        assertEquals(1, s.ruleErrors().size());
        RuleError e = s.ruleErrors().get(0);
        assertEquals("echo", e.owner());
        assertEquals(2, e.messageSeq());
        assertEquals("m2", e.messageId());
        assertTrue(e.detail().contains("overflowed the stack"), e.detail());
        assertEquals(List.of("greeting"), s.checks().stream().map(c -> c.rule().id()).toList(), "no result for the broken rule");
        assertEquals(100.0, s.verdicts().qaScore(), "the broken red line neither zeroes nor passes the conversation");
    }

    @Test
    void shortMessagesAreCheckedNormally() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 在吗", "10:00:05 agent a1 您好 aab"));

        assertEquals(List.of(), s.ruleErrors());
        assertTrue(s.verdicts().fatal(), "aab matches (a|a)+b");
    }
}
