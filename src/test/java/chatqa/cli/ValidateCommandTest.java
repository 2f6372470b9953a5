package chatqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.score.SatisfactionModel;

/** {@code chatqa validate}: a shop's own CSAT ratings, and the STC-3 judges, against what chatqa measures. */
class ValidateCommandTest {
    @TempDir
    Path tmp;

    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ChatQa.OK, ChatQa.run(args));
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRatingsCsvIsJoinedByConversationAndCorrelated() throws Exception {
        Path ratings = tmp.resolve("csat.csv");
        Files.writeString(ratings, "\uFEFFconversation_id,satisfaction\nC1,1\nC2,-2\nC3,2\nC5,0\nC9,1\nnot-in-the-export,2\n");

        String out = run("validate", "--ratings", ratings.toString(), "--input", "src/test/resources/fixtures/day1");

        assertTrue(out.startsWith("4 rated conversations"), "C9 is quarantined, the last id is in no export: " + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("satisfaction_estimate +-?[0-9.]+ +-?[0-9.]+ \\.\\. +-?[0-9.]+ +4")), out);
    }

    @Test
    void badRatingsAreRefusedWithTheirLine() throws Exception {
        Path ratings = tmp.resolve("bad.csv");
        Files.writeString(ratings, "conversation_id,satisfaction\nC1,very happy\n");

        assertEquals(ChatQa.BAD_ARGUMENTS, ChatQa.run("validate", "--ratings", ratings.toString(), "--input",
                "src/test/resources/fixtures/day1"));
    }

    @Tag("slow")
    @Test
    void onTheSharedStc3DevSplitTheEstimateAndTheQaScoreFollowTheJudges() {
        Assumptions.assumeTrue(Files.exists(Path.of(ChatSentimentCommand.STC3)), "../shared/data is not beside the project");

        String out = run("validate", "--stc3", ChatSentimentCommand.STC3, "--split", "dev");

        double estimate = rho(out, "satisfaction_estimate");
        double qa = rho(out, "qa_score");
        assertTrue(estimate >= 0.65, "satisfaction_estimate " + estimate + "\n" + out);
        assertTrue(qa >= 0.3, "qa_score " + qa + "\n" + out);
    }

    @Tag("slow")
    @Test
    void theTrainingCommandReproducesTheShippedSatisfactionWeights() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of(ChatSentimentCommand.STC3)), "../shared/data is not beside the project");
        Path weights = tmp.resolve("satisfaction.tsv");

        String out = run("satisfaction", "train", "--out", weights.toString());

        assertTrue(out.contains("cross-validated: Spearman"), out);
        try (var shipped = SatisfactionModel.class.getResourceAsStream(SatisfactionModel.RESOURCE)) {
            assertEquals(new String(shipped.readAllBytes(), StandardCharsets.UTF_8), Files.readString(weights),
                    "src/main/resources/chatqa/score/satisfaction.tsv is what `chatqa satisfaction train` writes");
        }
    }

    private static double rho(String out, String measure) {
        return out.lines().filter(l -> l.startsWith(measure + " ")).map(l -> Double.parseDouble(l.substring(measure.length()).trim().split(" +")[0]))
                .findFirst().orElseThrow();
    }
}
