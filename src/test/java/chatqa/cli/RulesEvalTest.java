package chatqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;


import chatqa.rules.RuleBookLoader;
import chatqa.score.ElementEvaluation;

/**
 * The default rule book on the labelled agent messages (docs/labelling.md): the handbook elements
 * must be recognised with precision and recall of at least 0.95. The JDDC set joins its ids to
 * ../shared/data at run time and is skipped when that data is absent.
 */
class RulesEvalTest {
    private static final Path JDDC = Path.of("../shared/data/jddc/chat_sample.tsv");

    private static ElementEvaluation evaluate(Path labels, List<Path> input, String mapping, int expectedMessages) throws IOException {
        var book = RuleBookLoader.loadDefault();
        RulesEval.Result r = RulesEval.evaluate(book, labels, RulesEval.texts(book, input, chatqa.ingest.MappingLoader.loadOrCanonical(mapping),
                java.time.ZoneId.of(chatqa.config.Defaults.TIMEZONE)));
        assertEquals(List.of(), r.unknown(), "every labelled id joins to a message");
        assertEquals(List.of(), r.excerptMismatches(), "every joined text starts with its excerpt");
        assertEquals(expectedMessages, r.joined());
        return r.evaluation();
    }

    private static void assertAtLeast(ElementEvaluation eval, double floor, String... labels) {
        for (String label : labels) {
            ElementEvaluation.Score s = eval.scores().get(label);
            assertTrue(s.precision() >= floor, label + " precision " + s.precision() + "\n" + eval.render(0));
            assertTrue(s.recall() >= floor, label + " recall " + s.recall() + "\n" + eval.render(0));
        }
    }

    @Test
    void handbookElementsAreRecognisedOnTheSampleDay() throws IOException {
        ElementEvaluation eval = evaluate(Path.of("src/test/resources/labels/sample-agent-messages.jsonl"),
                List.of(Path.of("sample-data/2026-11-20")), null, 99);
        assertAtLeast(eval, 0.95, "greeting", "apology", "closing_question", "thanks", "farewell", "transfer", "offer_help", "self_intro");
    }

    @Test
    void handbookElementsAreRecognisedOnRealJdMessages() throws IOException {
        assumeTrue(Files.exists(JDDC), "../shared/data is absent");
        ElementEvaluation eval = evaluate(Path.of("src/test/resources/labels/jddc-agent-messages.jsonl"), List.of(JDDC), "jddc", 400);
        assertAtLeast(eval, 0.95, "greeting", "apology", "closing_question", "thanks", "farewell", "offer_help", "review_invite", "self_intro");
    }

    @Test
    void handoversAreToldFromOtherUsesOfZhuanOnRealJdMessages() throws IOException {
        assumeTrue(Files.exists(JDDC), "../shared/data is absent");
        // Every JDDC agent message with 转 plus random ones naming 人工/售后/专员 (docs/labelling.md).
        ElementEvaluation eval = evaluate(Path.of("src/test/resources/labels/jddc-transfer-candidates.jsonl"), List.of(JDDC), "jddc", 100);
        ElementEvaluation.Score transfer = eval.scores().get("transfer");
        assertEquals(7, transfer.truePositive() + transfer.falseNegative(), "labelled handovers");
        assertAtLeast(eval, 0.95, "transfer", "greeting", "apology", "closing_question", "thanks");
    }
}
