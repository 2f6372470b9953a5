package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.config.ConfigError;
import chatqa.rules.RuleBookLoader;

/** The wait limit ({@code silence:}): an agent silent too long, first response or mid-chat. */
class SilenceRuleTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.parse("""
            version: 1
            rules:
              - id: no_silence
                category: timing
                position: any
                silence: 180
                points: 3
            """, "silence.yaml"));

    private static List<CheckResult> checks(String... lines) {
        return SCORER.score(Chat.of(lines)).checks().stream().filter(c -> c.rule().id().equals("no_silence")).toList();
    }

    @Test
    void aMidChatWaitOverTheLimitFailsAtTheLateReply() {
        List<CheckResult> r = checks("10:00:00 customer 在吗",
                "10:00:10 agent a1 在的亲",
                "10:01:00 customer 这款有黑色吗",
                "10:04:20 agent a1 有的亲");

        assertEquals(1, r.size());
        assertEquals(false, r.get(0).passed());
        assertEquals(4, r.get(0).evidence().messageSeq());
        assertEquals("the customer's message 3 waited 200 s for agent message 4, more than 180 s", r.get(0).evidence().why());
    }

    @Test
    void waitsUpToTheLimitPassAndUnansweredTurnsAreNotSilences() {
        assertEquals(true, checks("10:00:00 customer 在吗", "10:03:00 agent a1 在的亲").get(0).passed(), "exactly 180 s");
        assertEquals(List.of(), checks("10:00:00 customer 在吗", "10:10:00 customer 人呢"), "never answered: a handling item");
    }

    @Test
    void eachAgentPartIsJudgedOnItsOwnReplies() {
        List<CheckResult> r = checks("10:00:00 customer 在吗",
                "10:00:10 agent a1 在的亲",
                "10:01:00 customer 我要退货",
                "10:05:00 agent a2 您好，我是售后，这边帮您处理");

        assertEquals(2, r.size());
        assertEquals(List.of(true, false), r.stream().map(CheckResult::passed).toList());
    }

    @Test
    void aSilenceRuleIsOnlyAboutWaits() {
        String base = "version: 1\nrules:\n  - id: s\n    category: timing\n    points: 1\n    silence: 60\n";
        assertTrue(problem(base + "    position: first_agent_message\n").contains("its position must be any"));
        assertTrue(problem(base + "    position: any\n    phrases: [您好]\n")
                .contains("a 'silence' rule measures the waits between messages; it cannot also have 'phrases'"));
    }

    private static String problem(String yaml) {
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBookLoader.parse(yaml, "book.yaml"));
        return String.join("\n", e.problems());
    }
}
