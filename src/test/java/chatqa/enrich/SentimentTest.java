package chatqa.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The tricky cases of chat sentiment, as ../shared/LABELS-SENTIMENT.md labels them: negation,
 * !!!, 好的 / 好吧, plain requests that are not complaints, thanks that close a chat, English.
 */
class SentimentTest {

    private static Sentiment of(String text) {
        return MessageSentiment.score(text, Segmenter.segment(text).words());
    }

    private static SentimentLabel label(String text) {
        return of(text).label();
    }

    @Test
    void negationTurnsPraiseIntoComplaint() {
        assertEquals(SentimentLabel.POSITIVE, label("满意"));
        assertEquals(SentimentLabel.NEGATIVE, label("不满意"));
        assertEquals(SentimentLabel.NEGATIVE, label("不太好"));
        assertEquals(SentimentLabel.NEUTRAL, label("没有问题"), "reassurance, not a complaint");
    }

    @Test
    void plainRequestsAreNeutralNotNegative() {
        for (String request : new String[] {"我想改地址", "能不能换个颜色", "为什么还没发货", "在吗", "订单号是[订单x]", "没有了", "好的"}) {
            assertEquals(SentimentLabel.NEUTRAL, label(request), request);
        }
    }

    @Test
    void impatienceAndDefectsAreNegative() {
        for (String complaint : new String[] {"这都多少天了!!!", "你们的东西太差了!!!", "都三天了还没到", "怎么还没到", "屏幕碎了", "我要投诉",
                "无耻！", "太失望了，算了"}) {
            assertEquals(SentimentLabel.NEGATIVE, label(complaint), complaint);
        }
    }

    @Test
    void thanksThatCloseAChatArePositiveEvenWithNo() {
        for (String thanks : new String[] {"谢谢", "好的谢谢", "辛苦了", "搞定了,谢谢", "谢谢,不用了哈", "好聪明!!解决了"}) {
            assertEquals(SentimentLabel.POSITIVE, label(thanks), thanks);
        }
        assertTrue(of("好的谢谢").score() > of("好的").score());
    }

    @Test
    void aResignedOkayIsNegative() {
        assertEquals(SentimentLabel.NEGATIVE, label("好吧"));
    }

    @Test
    void theScoreIsThePositiveMinusTheNegativeProbability() {
        assertTrue(of("谢谢").score() > 0.5);
        assertTrue(of("我要投诉").score() < -0.5);
        assertTrue(Math.abs(of("在吗").score()) < 0.2);
    }

    @Test
    void explanationNamesTheWordsThatDroveTheLabel() {
        Sentiment s = of("太失望了，算了");
        assertEquals("zh-chat", s.model());
        assertTrue(s.explanation().startsWith("negative: "), s.explanation());
        assertTrue(s.explanation().contains("失望"), s.explanation());
    }

    @Test
    void englishGoesThroughCoreNlp() {
        assertEquals(Language.EN, Language.detect("The parcel is late again, terrible service."));
        assertEquals(Language.ZH, Language.detect("我的order还没到"), "majority script");
        Sentiment angry = MessageSentiment.score("The parcel is late again, terrible service.", java.util.List.of());
        Sentiment happy = MessageSentiment.score("Thanks, that was very helpful!", java.util.List.of());
        assertEquals("corenlp", angry.model());
        assertEquals(SentimentLabel.NEGATIVE, angry.label(), angry.toString());
        assertTrue(happy.score() > 0, happy.toString());
    }
}
