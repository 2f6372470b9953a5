package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import chatqa.config.ConfigError;
import chatqa.rules.RuleBookLoader;

/** The repetition limit ({@code repeat:}): a canned reply pasted again, on hand-made conversations. */
class RepeatRuleTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.parse("""
            version: 1
            rules:
              - id: no_repeat
                category: style
                position: any
                repeat: {within: 2, min_chars: 8, similarity: 0.9}
                points: 3
            """, "repeat.yaml"));

    private static CheckResult check(String... lines) {
        return SCORER.score(Chat.of(lines)).checks().stream().filter(c -> c.rule().id().equals("no_repeat")).findFirst().orElseThrow();
    }

    @Test
    void theSameTemplateAgainFailsNamingBothMessages() {
        CheckResult r = check("10:00:00 customer 我的快递到哪了",
                "10:00:10 agent a1 您好，请您提供一下订单号，这边帮您查询",
                "10:01:00 customer 你们到底查没查",
                "10:01:10 agent a1 您好，请您提供一下订单号，这边帮您查询");

        assertEquals(false, r.passed());
        assertEquals(4, r.evidence().messageSeq());
        assertTrue(r.evidence().why().startsWith("agent message 4 repeats message 2 (similarity 1.00)"), r.evidence().why());
    }

    @Test
    void aTemplateWithAnotherNumberOrPunctuationIsStillTheSame() {
        CheckResult r = check("10:00:00 customer 在吗",
                "10:00:10 agent a1 您的订单[订单x]已经出库了，预计后天送达哦",
                "10:00:20 agent a1 您的订单[订单x]已经出库了!!预计后天送达哦~");

        assertEquals(false, r.passed());
    }

    @Test
    void differentAnswersShortRepliesAndRepeatsOutsideTheWindowPass() {
        assertEquals(true, check("10:00:00 customer 在吗",
                "10:00:10 agent a1 您好，这款耳机是支持降噪功能的哦",
                "10:00:20 agent a1 您好，这款耳机的续航是二十个小时哦").passed(), "another answer with the same opening");
        assertEquals(true, check("10:00:00 customer 在吗",
                "10:00:10 agent a1 好的亲稍等",
                "10:00:20 agent a1 好的亲稍等").passed(), "shorter than min_chars");
        assertEquals(true, check("10:00:00 customer 在吗",
                "10:00:10 agent a1 请问还有其他可以帮到您的吗",
                "10:00:20 agent a1 这款有现货，今天下单今天发",
                "10:00:30 agent a1 颜色有黑白两种可以选择哦",
                "10:00:40 agent a1 请问还有其他可以帮到您的吗").passed(), "three messages apart, within 2");
        assertEquals(false, check("10:00:00 customer 在吗",
                "10:00:10 agent a1 请问还有其他可以帮到您的吗",
                "10:00:20 agent a1 这款有现货，今天下单今天发",
                "10:00:30 agent a1 请问还有其他可以帮到您的吗").passed(), "two apart: the edge of within 2");
    }

    @Test
    void similarityIsTheDiceCoefficientOfCharacterPairs() {
        assertEquals(1.0, NearDuplicate.similarity("abcd", "abcd"));
        assertEquals(2.0 * 2 / (3 + 3), NearDuplicate.similarity("abcd", "abce"), 1e-9, "ab, bc shared of 3 pairs each");
        assertEquals(0.0, NearDuplicate.similarity("ab", "cd"));
        assertEquals("您好请稍等12", NearDuplicate.normal("您好，请稍等 12!"));
    }

    @Test
    void badRepeatSettingsAreRefusedWithTheirLine() {
        String base = "version: 1\nrules:\n  - id: r\n    category: style\n    position: any\n    points: 1\n";
        assertTrue(problem(base + "    repeat: {similarity: 1.5}\n").contains("'similarity' is a share of character pairs"));
        assertTrue(problem(base + "    repeat: {window: 3}\n").contains("unknown key 'window'"));
        assertTrue(problem(base + "    repeat: {within: 3}\n    phrases: [您好]\n")
                .contains("a 'repeat' rule compares messages with each other; it cannot also have 'phrases'"));
    }

    private static String problem(String yaml) {
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBookLoader.parse(yaml, "book.yaml"));
        return String.join("\n", e.problems());
    }
}
