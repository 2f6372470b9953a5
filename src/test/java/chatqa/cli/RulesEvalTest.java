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
        return evaluate(labels, input, mapping, expectedMessages, java.util.Set.of(), false);
    }

    private static ElementEvaluation evaluate(Path labels, List<Path> input, String mapping, int expectedMessages, java.util.Set<String> only,
                                              boolean dev) throws IOException {
        var book = RuleBookLoader.loadDefault();
        RulesEval.Result r = RulesEval.evaluate(book, labels, RulesEval.texts(book, input, chatqa.ingest.MappingLoader.loadOrCanonical(mapping),
                java.time.ZoneId.of(chatqa.config.Defaults.TIMEZONE)), only, dev);
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

    @Test
    void chasingIsRecognisedBySimilarSentencesOnTheDevSplitOfRealJdMessages() throws IOException {
        assumeTrue(Files.exists(JDDC), "../shared/data is absent");
        // 700 customer messages labelled chasing or not (380 with waiting words, 320 at random); the
        // examples and threshold of handling.chased_again were chosen on the other three quarters.
        ElementEvaluation eval = evaluate(Path.of("src/test/resources/labels/jddc-chasing.jsonl"), List.of(JDDC), "jddc", 171,
                java.util.Set.of("chasing"), true);
        ElementEvaluation.Score s = eval.scores().get("chasing");
        assertEquals(49, s.truePositive() + s.falseNegative(), "chasing messages in the dev split");
        assertTrue(s.precision() >= 0.80 && s.recall() >= 0.45, eval.render(171));
    }

    @Test
    void askingAgainForAnOrderNumberIsFoundInRealJdChats() throws IOException {
        assumeTrue(Files.exists(JDDC), "../shared/data is absent");
        // Every JDDC conversation where the customer sent an order or phone number and an agent later
        // mentioned one (184), judged by hand: did the agent ask for it again?
        var book = RuleBookLoader.loadDefault();
        var conversations = jddcConversations(book);
        Path labels = Path.of("src/test/resources/labels/jddc-asked-again.jsonl");
        var all = RulesVerdicts.evaluate(book, labels, conversations, false).scores().get("handling.asked_again_for_given_info");
        assertEquals(6, all.truePositive() + all.falseNegative(), "labelled repeated requests");
        assertTrue(all.recall() >= 0.8 && all.precision() >= 0.7, all.toString());
        var dev = RulesVerdicts.evaluate(book, labels, conversations, true).scores().get("handling.asked_again_for_given_info");
        assertEquals(3, dev.truePositive() + dev.falseNegative());
        assertTrue(dev.precision() >= 0.75 && dev.recall() >= 0.66, dev.toString());
    }

    @Test
    void repeatedCannedRepliesOnJudgedJddcConversations() throws IOException {
        assumeTrue(Files.exists(JDDC), "../shared/data is absent");
        // 149 JDDC conversations judged by hand (89 where two agent messages within three share half
        // their character pairs, 60 drawn from the rest): did an agent paste the same reply again?
        var book = RuleBookLoader.loadDefault();
        var conversations = jddcConversations(book);
        Path labels = Path.of("src/test/resources/labels/jddc-repeat.jsonl");
        var all = RulesVerdicts.evaluate(book, labels, conversations, false).scores().get("style.no_repeated_reply");
        assertEquals(53, all.truePositive() + all.falseNegative(), "labelled repeats");
        // Strict by design (Dice 0.9): what it calls a repeat is one; partial pastes are missed.
        assertTrue(all.precision() >= 0.95 && all.recall() >= 0.4, all.toString());
        var dev = RulesVerdicts.evaluate(book, labels, conversations, true).scores().get("style.no_repeated_reply");
        assertEquals(9, dev.truePositive() + dev.falseNegative());
        assertTrue(dev.precision() >= 0.95 && dev.recall() >= 0.4, dev.toString());
    }

    @Test
    void remediesAndTheirTimeOrStepOnTheDevSplitOfRealJdMessages() throws IOException {
        assumeTrue(Files.exists(JDDC), "../shared/data is absent");
        // 320 JDDC agent messages (260 naming a refund, a re-send, an application, urging … and 60 at
        // random) labelled remedy / time_or_step by hand: the two conditions of resolution.concrete_step,
        // whose phrases were chosen on the other three quarters.
        ElementEvaluation eval = evaluate(Path.of("src/test/resources/labels/jddc-remedy-step.jsonl"), List.of(JDDC), "jddc", DEV_REMEDY,
                java.util.Set.of("remedy", "time_or_step"), true);
        ElementEvaluation.Score remedy = eval.scores().get("remedy");
        ElementEvaluation.Score step = eval.scores().get("time_or_step");
        assertTrue(remedy.precision() >= 0.7 && remedy.recall() >= 0.35, eval.render(DEV_REMEDY));
        assertTrue(step.precision() >= 0.8 && step.recall() >= 0.6, eval.render(DEV_REMEDY));
    }

    private static final int DEV_REMEDY = 77;

    /** The JDDC sample's conversations, sessionized as the book says. */
    private static List<chatqa.model.Conversation> jddcConversations(chatqa.rules.RuleBook book) throws IOException {
        return chatqa.ingest.LocalExports.read(List.of(JDDC), chatqa.ingest.MappingLoader.loadOrCanonical("jddc"),
                java.time.ZoneId.of(chatqa.config.Defaults.TIMEZONE), book.inactivityGap()).conversations();
    }
}
