package chatqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and error messages of the command line; none of these start Spark. */
class ChatQaTest {
    @TempDir
    Path tmp;

    private record Outcome(int code, String err) {
    }

    private Outcome run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(ChatQa.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    private Path input() throws IOException {
        Path f = tmp.resolve("day.csv");
        Files.writeString(f, "conversation_id,sent_at,sender_role,customer_id,text\nc1,2026-11-20 10:00:00,customer,u1,在吗\n");
        return f;
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("score", "--help").code());
    }

    @Test
    void unknownOptionIsABadArgument() {
        Outcome o = run("score", "--input", "x", "--bogus");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--bogus"), o.err());
    }

    @Test
    void missingInputIsABadArgument() {
        Outcome o = run("score", "--input", tmp.resolve("nope").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("no such file or folder"), o.err());
    }

    @Test
    void brokenRuleBookStopsTheRunWithEveryProblem() throws IOException {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 1
                rules:
                  - id: greeting.hello
                    category: greeting
                    position: first_agent_message
                    regex: '([unclosed'
                    points: 4
                  - id: closing.thanks
                    category: closing
                    position: last_agent_messages
                    phrases: [谢谢]
                    pointz: 2
                """);
        Outcome o = run("score", "--input", input().toString(), "--rules", rules.toString(),
                "--warehouse", tmp.resolve("wh").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(rules + ":6: rules[0].regex: bad regex"), o.err());
        assertTrue(o.err().contains(rules + ":12: rules[1]: unknown key 'pointz'"), o.err());
        assertTrue(o.err().contains("[rule closing.thanks]"), o.err());
        assertTrue(Files.notExists(tmp.resolve("wh")), "nothing written");
    }

    @Test
    void exportWithoutTimestampsNeedsADate() throws IOException {
        Outcome o = run("score", "--input", input().toString(), "--mapping", "jddc");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--date"), o.err());
    }

    @Test
    void unknownBuiltInMappingIsNamed() throws IOException {
        Outcome o = run("score", "--input", input().toString(), "--mapping", "nosuchmapping");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("no built-in mapping"), o.err());
    }

    @Test
    void badTimezoneIsABadArgument() throws IOException {
        Outcome o = run("score", "--input", input().toString(), "--timezone", "Mars/Olympus");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("unknown time zone"), o.err());
    }
}
