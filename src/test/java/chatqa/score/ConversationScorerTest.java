package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import chatqa.model.Evidence;
import chatqa.rules.RuleBookLoader;

/** The default rule book's checks, element by element, with their evidence and the QA score. */
class ConversationScorerTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.loadDefault());

    private static Map<String, CheckResult> checks(ConversationScore s) {
        return s.checks().stream().collect(Collectors.toMap(c -> c.rule().id(), c -> c, (a, b) -> a.passed() ? b : a));
    }

    @Test
    void greetingIsScoredPerElementOnTheFirstAgentMessageNotTheBots() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 在吗",
                "10:00:01 bot 您好，我是智能助手，很高兴为您服务",
                "10:00:09 agent a1 在的，请讲"));
        Map<String, CheckResult> c = checks(s);
        assertEquals(false, c.get("greeting.hello").passed());
        assertEquals(false, c.get("greeting.self_intro").passed());
        assertEquals(true, c.get("greeting.offer_help").passed());
        assertEquals(new Evidence("m3", 3, "请讲", 3, 5, "found '请讲'"), c.get("greeting.offer_help").evidence());
        assertEquals(Evidence.missing("m3", 3, "not found in the first agent message"), c.get("greeting.hello").evidence());
        assertEquals(false, s.verdicts().greetingPassed());
    }

    @Test
    void apologyIsOnlyRequiredAfterAComplaintAndJudgedOnTheFirstReply() {
        ConversationScore calm = SCORER.score(Chat.of("10:00:00 customer 有货吗", "10:00:05 agent a1 有的"));
        assertNull(calm.verdicts().apologyPassed());
        assertTrue(calm.checks().stream().noneMatch(c -> c.rule().id().equals("apology.after_complaint")));

        ConversationScore angry = SCORER.score(Chat.of("10:00:00 customer 怎么还没到！！！",
                "10:00:05 agent a1 非常抱歉，我马上查", "10:01:00 customer 人呢？？？", "10:01:30 agent a1 快递在路上了"));
        CheckResult apology = checks(angry).get("apology.after_complaint");
        assertEquals(false, apology.passed(), "the second complaint got no apology");
        assertEquals(4, apology.evidence().messageSeq());
        assertEquals("not found in the first agent reply after customer message 3 ('？？？')", apology.evidence().why());
        assertEquals(false, angry.verdicts().apologyPassed());
    }

    @Test
    void closingLooksAtTheLastTwoAgentMessagesAndReviewOnlyAfterASale() {
        ConversationScore noSale = SCORER.score(Chat.of("10:00:00 customer 有货吗", "10:00:05 agent a1 有的",
                "10:00:20 customer 好的", "10:00:25 agent a1 请问还有其他问题吗", "10:00:30 agent a1 感谢您的咨询，祝您生活愉快"));
        assertEquals(true, noSale.verdicts().closingPassed());
        assertTrue(noSale.checks().stream().noneMatch(c -> c.rule().id().equals("closing.review_invite")));

        ConversationScore sale = SCORER.score(Chat.of("10:00:00 customer 已付款", "10:00:05 agent a1 收到",
                "10:00:25 agent a1 请问还有其他问题吗", "10:00:30 agent a1 感谢您的惠顾，祝您生活愉快"));
        assertEquals(false, checks(sale).get("closing.review_invite").passed());
        assertEquals(false, sale.verdicts().closingPassed());
        assertEquals(98.0 - 10 - 2, sale.verdicts().qaScore(), "review 2 + greeting hello 4, intro 3, offer 3 + no thanks after payment 2");
        assertEquals(false, checks(sale).get("payment.thanks_after_payment").passed());
    }

    @Test
    void redLineIsFatalWithItsSpan() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 还没到", "10:00:05 agent a1 物流你自己看"));
        CheckResult rude = checks(s).get("red_line.rude");
        assertEquals(false, rude.passed());
        assertEquals(new Evidence("m2", 2, "你自己看", 2, 6, "forbidden '你自己看' in an agent message"), rude.evidence());
        assertTrue(s.verdicts().fatal());
        assertEquals(0.0, s.verdicts().qaScore());
        assertEquals(1, s.verdicts().redLineHits());
    }

    @Test
    void qaScoreIsOneHundredMinusPointsOfFailedRules() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 有货吗", "10:00:05 agent a1 有的"));
        assertEquals(List.of("greeting.hello", "greeting.self_intro", "greeting.offer_help", "closing.anything_else",
                "closing.thanks", "closing.farewell"), s.failedRuleIds());
        assertEquals(4 + 3 + 3 + 3 + 2 + 2, s.verdicts().deductions());
        assertEquals(83.0, s.verdicts().qaScore());
        assertEquals("a1", s.agentId());
    }

    @Test
    void conversationWithoutAnAgentIsNotScored() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 在吗", "10:00:01 bot 您好"));
        assertNull(s.verdicts().qaScore());
        assertNull(s.verdicts().greetingPassed());
        assertNull(s.agentId());
        assertEquals(List.of(), s.segments());
    }

    @Test
    void longAgentMessagesAreCounted() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 怎么退货", "10:00:05 agent a1 " + "退".repeat(201)));
        assertEquals(1, s.verdicts().longAgentMessages());
    }
}
