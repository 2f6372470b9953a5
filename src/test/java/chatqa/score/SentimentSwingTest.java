package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import chatqa.rules.Outcome;
import chatqa.rules.RuleBookLoader;

/** Sentiment swings on scripted conversations. */
class SentimentSwingTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.loadDefault());

    @Test
    void angryCustomerTurnedAroundRecovers() {
        ConversationScore s = SCORER.score(Chat.of(
                "10:00:00 customer 这都多少天了!!!",
                "10:00:05 agent a1 非常抱歉让您久等了，我马上帮您催件",
                "10:01:00 customer 尽快吧",
                "10:01:10 agent a1 已经加急处理，明天派送",
                "10:01:30 customer 好的谢谢"));
        SentimentSwing w = s.sentiment();
        assertTrue(w.start() < -0.4, "start " + w.start());
        assertTrue(w.end() > 0.2, "end " + w.end());
        assertEquals(w.end() - w.start(), w.swing(), 1e-12);
        assertTrue(w.min() <= w.start() && w.min() < -0.4, "min " + w.min() + " (尽快吧 is impatient too)");
        assertEquals(true, w.startedNegative());
        assertEquals(true, w.recovered());
        assertEquals(false, w.deteriorated());
        assertNull(w.causeMessageId(), "the mood never dropped");
    }

    @Test
    void dropAfterARudeReplyNamesThatReplyAsTheCause() {
        ConversationScore s = SCORER.score(Chat.of(
                "10:00:00 customer 你好，请问有优惠吗",
                "10:00:05 agent a1 有货",
                "10:00:20 customer 好的，什么时候发货",
                "10:00:30 agent a1 不知道，物流你自己看",
                "10:00:40 customer 什么服务态度，太失望了"));
        SentimentSwing w = s.sentiment();
        assertEquals(false, w.startedNegative());
        assertEquals(true, w.deteriorated());
        assertEquals("m4", w.causeMessageId());
        assertEquals(4, w.causeMessageSeq());
        assertEquals(Outcome.CUSTOMER_SILENT_UNHAPPY, s.outcome().outcome());
    }

    @Test
    void conversationWithoutCustomerMessagesHasNoSwing() {
        assertEquals(SentimentSwing.NONE, SCORER.score(Chat.of("10:00:00 agent a1 您好，您的订单已发货")).sentiment());
    }
}
