package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.rules.Outcome;
import chatqa.rules.RuleBookLoader;

/** Each agent of a transferred conversation is credited with their own part only. */
class TransferCreditTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.loadDefault());

    private static List<String> failed(SegmentScore s) {
        return s.checks().stream().filter(c -> !c.passed()).map(c -> c.rule().id()).toList();
    }

    @Test
    void twoAgentsEachGetTheirOwnResponseTimeAndRuleResults() {
        ConversationScore s = SCORER.score(Chat.of(
                "10:00:00 customer 收到的杯子坏了！！",
                "10:00:06 agent a1 您好，我是客服8号，很高兴为您服务，非常抱歉给您添麻烦了",
                "10:00:20 agent a1 这个问题需要售后处理，这边为您转接售后专员",
                "10:01:05 agent a2 在的，麻烦拍张照片给我看下",
                "10:01:30 customer 快点处理",
                "10:01:40 agent a2 您是说杯子坏了对吧，已经为您办理退款，1-3个工作日原路退回",
                "10:02:00 customer 好的谢谢",
                "10:02:10 agent a2 请问还有其他可以帮到您的吗？感谢您的耐心，祝您生活愉快"));

        assertEquals(2, s.segments().size());
        SegmentScore first = s.segments().get(0);
        SegmentScore second = s.segments().get(1);
        assertEquals("a1", first.segment().agentId());
        assertEquals(6.0, first.responseSeconds(), "first response");
        assertTrue(first.segment().transferredOut());
        assertEquals(List.of(), failed(first));
        assertNull(first.verdicts().closingPassed(), "the closing is the last agent's job");
        assertEquals(100.0, first.verdicts().qaScore());

        assertEquals("a2", second.segment().agentId());
        assertEquals(45.0, second.responseSeconds(), "transfer response: 10:00:20 hand-over to 10:01:05");
        assertFalse(second.segment().transferredOut());
        assertEquals(List.of("greeting.hello", "greeting.self_intro", "greeting.offer_help"), failed(second));
        assertEquals(true, second.verdicts().closingPassed());
        assertEquals(List.of(10.0, 10.0), second.timing().waitsSeconds(), "the turns a2 answered: 10:01:30 and 10:02:00");
        assertEquals(90.0, second.verdicts().qaScore());

        assertEquals(Outcome.RETURN_REFUND_EXCHANGE, s.outcome().outcome());
        assertTrue(s.outcome().flags().transferred());
        assertTrue(s.outcome().flags().refundAgreed());
        assertEquals(List.of("a1", "a2"), s.agentIds());
        assertEquals(90.0, s.verdicts().qaScore(), "the conversation loses each failed rule once");
    }

    @Test
    void transferPhraseSplitsPartsWhenTheExportHasNoAgentIds() {
        ConversationScore s = SCORER.score(Chat.of(
                "- customer 在吗",
                "- agent - 您好，请问有什么可以帮您",
                "- customer 我要退货",
                "- agent - 稍等，为您转接售后客服",
                "- agent - 您好，我是售后专员12号，很高兴为您服务",
                "- customer 好的"));

        assertEquals(2, s.segments().size());
        assertEquals(4, s.segments().get(0).segment().lastSeq());
        assertEquals(5, s.segments().get(1).segment().firstAgentSeq());
        assertNull(s.segments().get(1).responseSeconds(), "no timestamps: unknown, not zero");
        assertEquals(true, s.segments().get(1).verdicts().greetingPassed());
        assertEquals(Outcome.TRANSFERRED, s.outcome().outcome());
    }

    @Test
    void sameAgentIdAfterATransferPhraseStaysOnePart() {
        ConversationScore s = SCORER.score(Chat.of(
                "10:00:00 customer 在吗",
                "10:00:05 agent a1 您好，这边为您转接售后",
                "10:00:30 agent a1 转接失败了，我继续为您处理"));

        assertEquals(1, s.segments().size());
    }
}
