package chatqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `chatqa generate` writes only where it is told, and never over files silently (finding 6: it overwrote sample-data/). */
class GenerateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void withoutOutItRefuses() {
        assertEquals(ChatQa.BAD_ARGUMENTS, ChatQa.run("generate", "--conversations", "5"));
    }

    @Test
    void itWritesIntoOutAndRefusesToOverwriteWithoutBeingAsked() throws Exception {
        assertEquals(ChatQa.OK, ChatQa.run("generate", "--conversations", "5", "--out", tmp.toString()));
        Path csv = tmp.resolve("2026-11-20").resolve("shop-a-chats.csv");
        assertTrue(Files.size(csv) > 0);
        Files.writeString(csv, "kept");

        assertEquals(ChatQa.BAD_ARGUMENTS, ChatQa.run("generate", "--conversations", "5", "--out", tmp.toString()));
        assertEquals("kept", Files.readString(csv));
        assertEquals(ChatQa.OK, ChatQa.run("generate", "--conversations", "5", "--out", tmp.toString(), "--overwrite"));
        assertTrue(Files.readString(csv).startsWith("conversation_id,"));
    }
}
