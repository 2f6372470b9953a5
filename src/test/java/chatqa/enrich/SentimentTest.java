package chatqa.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tricky cases of chat sentiment: negation, !!!, 好的 / 好吧, emoji, short texts, English. */
class SentimentTest {

    private static double score(String text) {
        return MessageSentiment.score(text, Segmenter.segment(text).words()).score();
    }

    @Test
    void negationTurnsPraiseIntoComplaint() {
        assertTrue(score("满意") > 0.2, "满意");
        assertTrue(score("不满意") < -0.5, "不满意");
        assertTrue(score("不太好") < -0.2, "不太好");
        assertTrue(score("没有问题") > 0, "没有问题 is reassurance");
    }

    @Test
    void repeatedExclamationsAreAnger() {
        assertTrue(score("速度!!!") < -0.4);
        assertTrue(score("这都多少天了!!!") < -0.4);
        assertTrue(score("你们的东西太差了!!!") < -0.9);
    }

    @Test
    void okIsMildThanksIsWarmOkayFineIsReluctant() {
        double ok = score("好的");
        double thanks = score("好的谢谢");
        double reluctant = score("好吧");
        assertTrue(ok > 0 && ok < 0.4, "好的 = " + ok);
        assertTrue(thanks > ok, "好的谢谢 = " + thanks);
        assertTrue(reluctant < 0 && reluctant > -0.3, "好吧 = " + reluctant);
    }

    @Test
    void neutralInquiriesStayNearNeutral() {
        assertTrue(Math.abs(score("在吗")) < 0.2);
        assertTrue(Math.abs(score("没有了")) < 0.2, "no further questions");
    }

    @Test
    void emojiCodesCarrySentiment() {
        assertTrue(score("[微笑]") > 0.2);
        assertTrue(score("[发怒]") < -0.5);
    }

    @Test
    void explanationNamesTheWordsThatDroveTheScore() {
        Sentiment s = MessageSentiment.score("太失望了，算了", Segmenter.segment("太失望了，算了").words());
        assertEquals("zh-nb", s.model());
        assertTrue(s.explanation().contains("失望"), s.explanation());
        assertTrue(s.explanation().contains("算了"), s.explanation());
    }

    @Test
    void englishGoesThroughCoreNlp() {
        assertEquals(Language.EN, Language.detect("The parcel is late again, terrible service."));
        assertEquals(Language.ZH, Language.detect("我的order还没到"), "majority script");
        Sentiment angry = MessageSentiment.score("The parcel is late again, terrible service.", java.util.List.of());
        Sentiment happy = MessageSentiment.score("Thanks, that was very helpful!", java.util.List.of());
        assertEquals("corenlp", angry.model());
        assertTrue(angry.score() < 0, angry.toString());
        assertTrue(happy.score() > 0, happy.toString());
    }
}
