package chatqa.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import chatqa.model.Role;

/**
 * The labelling conventions applied over the model (chat-cues.yaml's negative_when and
 * positive_when), on a model that calls everything neutral so only the conventions speak, and
 * the context a customer message is scored in.
 */
class SentimentConventionTest {
    private static final ChatSentiment ALWAYS_NEUTRAL = ChatSentimentTraining.model(Map.of("#bias", new double[] {0, 3, 0}));

    private static Sentiment of(String text) {
        return ALWAYS_NEUTRAL.score(text, Segmenter.segment(text).words(), ChatTurn.NONE);
    }

    @Test
    void aProblemReportIsNegativeEvenStatedPlainly() {
        Sentiment s = of("屏幕裂了");
        assertEquals(SentimentLabel.NEGATIVE, s.label());
        assertTrue(s.explanation().startsWith("negative: problem_report('裂了')"), s.explanation());
        assertTrue(s.score() <= -ChatSentiment.CONVENTION_SCORE, s.toString());
        assertEquals(SentimentLabel.NEGATIVE, of("物流一直没更新").label(), "impatience");
        assertEquals(SentimentLabel.NEGATIVE, of("不太满意").label(), "satisfaction denied");
    }

    @Test
    void whatIfQuestionsAndHitchesStayNeutral() {
        for (String text : new String[] {"如果坏了可以换吗", "万一碎了怎么办", "不好意思", "不太好找", "为什么还没发货", "在吗"}) {
            assertEquals(SentimentLabel.NEUTRAL, of(text).label(), text);
        }
    }

    @Test
    void nothingButThanksIsPositiveAThanksInsideARequestIsNot() {
        for (String text : new String[] {"满意", "好的，谢谢!", "辛苦了", "非常满意"}) {
            Sentiment s = of(text);
            assertEquals(SentimentLabel.POSITIVE, s.label(), text);
            assertTrue(s.score() >= ChatSentiment.CONVENTION_SCORE, s.toString());
        }
        assertEquals(SentimentLabel.NEUTRAL, of("帮我改一下，谢谢").label());
        assertEquals(SentimentLabel.NEUTRAL, of("谢谢，我想改地址").label());
    }

    @Test
    void aConventionNeverTurnsANegativeIntoAPositive() {
        ChatSentiment alwaysNegative = ChatSentimentTraining.model(Map.of("#bias", new double[] {3, 0, 0}));
        assertEquals(SentimentLabel.NEGATIVE, alwaysNegative.score("谢谢", List.of("谢谢"), ChatTurn.NONE).label());
    }

    @Test
    void theContextIsTheLatestAgentAndCustomerMessageOfTheTwoBefore() {
        List<Role> roles = List.of(Role.CUSTOMER, Role.AGENT, Role.SYSTEM, Role.CUSTOMER, Role.CUSTOMER);
        List<String> texts = List.of("在吗", "您好，不能改地址", "转接中", "为什么", "好吧");
        assertEquals(ChatTurn.NONE, ChatTurn.before(0, roles::get, texts::get));
        assertEquals(new ChatTurn("", "在吗"), ChatTurn.before(1, roles::get, texts::get));
        assertEquals(new ChatTurn("您好，不能改地址", "在吗"), ChatTurn.before(2, roles::get, texts::get));
        assertEquals(new ChatTurn("您好，不能改地址", ""), ChatTurn.before(3, roles::get, texts::get), "system notices are not the agent");
        assertEquals(new ChatTurn("", "为什么"), ChatTurn.before(4, roles::get, texts::get), "the agent spoke three messages ago");
    }

    @Test
    void contextFeaturesNameWhatTheMessageAnswers() {
        Map<String, Double> f = ChatSentimentFeatures.extract("好吧", List.of("好吧"), new ChatTurn("抱歉，这个无法修改", ""));
        assertTrue(f.containsKey("pa:refusal") && f.containsKey("pa:apology"), f.keySet().toString());
        Map<String, Double> alone = ChatSentimentFeatures.extract("好吧", List.of("好吧"), new ChatTurn("", "都三天了还没到"));
        assertTrue(alone.containsKey("#pa-none") && alone.containsKey("pc:elapsed"), alone.keySet().toString());
    }
}
