package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
