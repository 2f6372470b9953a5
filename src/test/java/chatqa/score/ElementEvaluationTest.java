package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import chatqa.rules.RuleBookLoader;

/** Element rules measured against labelled messages: exact counts, precision, recall and the wrong calls. */
class ElementEvaluationTest {

    @Test
    void countsHitsAndWrongCallsPerLabel() {
        ElementEvaluation e = new ElementEvaluation(RuleBookLoader.loadDefault());
        assertTrue(e.labels().containsAll(Set.of("greeting", "self_intro", "offer_help", "apology", "closing_question",
                "thanks", "farewell", "review_invite", "red_line", "transfer")), e.labels().toString());
        e.add(new ElementEvaluation.Labelled("m1", "您好，我是客服8号，很高兴为您服务", Set.of("greeting", "self_intro", "offer_help")));
        e.add(new ElementEvaluation.Labelled("m2", "稍等，为您转接售后", Set.of("transfer")));
        e.add(new ElementEvaluation.Labelled("m3", "感谢您的支持，祝您生活愉快", Set.of("thanks", "farewell")));
        e.add(new ElementEvaluation.Labelled("m4", "我亲自帮您核实一下", Set.of()));
        e.add(new ElementEvaluation.Labelled("m5", "哈喽，这边给您看看", Set.of("greeting")));
        // 亲 greets as the opening salutation only; ending a clause it is a tag (docs/labelling.md).
        e.add(new ElementEvaluation.Labelled("m6", "亲，这款有货的哦", Set.of("greeting")));
        e.add(new ElementEvaluation.Labelled("m7", "好的亲，这边帮您备注", Set.of()));
        e.add(new ElementEvaluation.Labelled("m8", "有货的呢亲爱的", Set.of()));

        assertEquals(new ElementEvaluation.Score(2, 0, 1), e.scores().get("greeting"), "哈喽 is not in the phrase list");
        assertEquals(new ElementEvaluation.Score(1, 0, 0), e.scores().get("transfer"));
        assertEquals(new ElementEvaluation.Score(1, 0, 0), e.scores().get("thanks"));
        assertEquals(1.0, e.scores().get("greeting").precision());
        assertEquals(2 / 3.0, e.scores().get("greeting").recall());
        assertEquals(List.of(new ElementEvaluation.Miss("greeting", false, "m5", "哈喽，这边给您看看")),
                e.misses().stream().filter(m -> m.label().equals("greeting")).toList());
        assertTrue(e.render(5).contains("overall (micro)"));
    }

    @Test
    void transfersAreHandoversByThisAgent() {
        ElementEvaluation e = new ElementEvaluation(RuleBookLoader.loadDefault());
        for (String handover : List.of("嗯嗯亲亲，稍等，转接中", "妹子给您转接换绑专员可以吗", "这边已经帮您转接第三方了呢", "我把您转给售后同事")) {
            assertTrue(e.detect(handover).contains("transfer"), handover);
        }
        for (String other : List.of("妹子转接正忙，这边给您升级专员处理", "小妹是没办法未您转接过去呢很抱歉", "这个我无法直接转接的哦",
                "您可以让他给我转接的哦", "或者您让他转给我", "由于转接线路繁忙未能转接成功", "我是您的专属客服小美", "公司转账，才需要去银行汇款的",
                "[数字x]小时转发哦", "需要再转送正确站点的亲")) {
            assertFalse(e.detect(other).contains("transfer"), other);
        }
    }

    @Test
    void nicknamesIntroduceAnAgentButThePlainHouseWordsDoNot() {
        ElementEvaluation e = new ElementEvaluation(RuleBookLoader.loadDefault());
        for (String intro : List.of("客服小蜜蜜很高兴为您服务", "您好，家电小秘书小柠檬很高兴为您服务!", "请问有什么需要小柒帮助您的呢",
                "亲爱的，您好，企业小妹在此已经恭候多时了", "我是客服8号", "我是您的专属客服小美")) {
            assertTrue(e.detect(intro).contains("self_intro"), intro);
        }
        for (String other : List.of("请问有什么问题小妹可以帮您处理或解决的呢?", "小妹这边帮您审核一下", "您好小主 在的哈",
                "[数字x]小时内有专员为您回电", "小区门口的快递柜为您存放")) {
            assertFalse(e.detect(other).contains("self_intro"), other);
        }
    }

    @Test
    void aRatingAskedForByTheIconToClickIsAReviewInvite() {
        ElementEvaluation e = new ElementEvaluation(RuleBookLoader.loadDefault());
        for (String invite : List.of("请您点击“小红心”对我的服务作出评价", "还辛苦您点击“+”给小妹评价下~", "麻烦给个五星好评哦")) {
            assertTrue(e.detect(invite).contains("review_invite"), invite);
        }
        assertFalse(e.detect("这款评价都很不错的").contains("review_invite"));
    }
}
