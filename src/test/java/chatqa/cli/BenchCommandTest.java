package chatqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The segmentation floor of jobs/bench.sh reads what the job reads and segments every accepted row. */
class BenchCommandTest {

    @Test
    void segmentsEveryAcceptedRowOfTheSampleDay() {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = ChatQa.run("bench", "segment", "--input", "sample-data/2026-11-20");
        } finally {
            System.setOut(oldOut);
        }
        assertEquals(0, code);
        Map<String, String> figures = new HashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] kv = line.split("=", 2);
            figures.put(kv[0], kv[1]);
        }
        assertEquals("3", figures.get("files"));
        // The job accepts 3,188 messages and drops 78 of the re-sent export as duplicates later,
        // when sessionizing: the readers accept both.
        assertEquals("3266", figures.get("messages"));
        assertTrue(Long.parseLong(figures.get("words")) > 3266, figures.toString());
        assertTrue(Double.parseDouble(figures.get("segment_seconds")) > 0, figures.toString());
    }
}
