package chatqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled chat messages load and join their texts in ../shared/data, and training on them
 * reproduces the shipped chat sentiment weights byte for byte (skipped without ../shared).
 */
@Tag("slow")
class ChatSentimentLabelsTest {
    @TempDir
    Path tmp;

    private static void assumeSharedData() {
        Assumptions.assumeTrue(Files.exists(Path.of(ChatSentimentCommand.JDDC)) && Files.exists(Path.of(ChatSentimentCommand.STC3)),
                "../shared/data is not beside the project");
    }

    @Test
    void everyLabelJoinsItsTextAndTheSplitsHaveEveryClass() throws Exception {
        assumeSharedData();
        ChatLabels.Set set = ChatLabels.load(Path.of(ChatSentimentCommand.LABELS), Path.of(ChatSentimentCommand.JDDC),
                Path.of(ChatSentimentCommand.STC3));
        assertEquals(java.util.List.of(), set.missing());
        assertTrue(set.messages().size() >= 5000, "at least 2,000 labelled customer messages: " + set.messages().size());
        assertTrue(set.messages().stream().filter(ChatLabels.Labelled::dev).count() > 1000, "a dev split");
        assertEquals(java.util.List.of(), set.excerptMismatches(), "every text starts with its label's excerpt");
    }

    @Test
    void trainingReproducesTheShippedWeights() throws Exception {
        assumeSharedData();
        Path out = tmp.resolve("zh-chat.tsv.gz");
        assertEquals(ChatQa.OK, ChatQa.run("sentiment", "train-chat", "--out", out.toString()));
        assertEquals(sha256(Path.of("src/main/resources/chatqa/sentiment/zh-chat.tsv.gz")), sha256(out));
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
