package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import chatqa.rules.RuleBookLoader;

/**
 * The default book's red lines on our probe set (src/test/resources/labels/redline-probes.jsonl,
 * written for chatqa in three batches, the third by an author who was told to avoid the stock phrases): agent messages that contain red-line words but are harmless — idioms
 * (财源滚滚), hedged estimates (预计明天送到), reassurances (不可能让您白跑一趟), polite
 * self-service hints — and real red lines in wording the phrase lists do not contain. A red line
 * zeroes a conversation, so none may fire on a harmless message.
 */
class RedLineProbesTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.loadDefault());

    record Probe(String text, boolean redLine, String rule) {
    }

    static List<Probe> probes() throws IOException {
        return probes("/labels/redline-probes.jsonl");
    }

    static List<Probe> probes(String resource) throws IOException {
        List<Probe> out = new ArrayList<>();
        try (InputStream in = RedLineProbesTest.class.getResourceAsStream(resource)) {
            ObjectMapper json = new ObjectMapper();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    out.add(new Probe(n.path("text").asText(), "red_line".equals(n.path("expect").asText()), n.path("rule").asText()));
                }
            }
        }
        return out;
    }

    /** The red-line rules that fail on {@code text} as an agent's reply. */
    static List<String> redLines(String text) {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 在吗，我的快递什么时候到", "10:00:05 agent a1 " + text));
        return s.checks().stream().filter(c -> !c.passed() && "red_line".equals(c.rule().category())).map(c -> c.rule().id()).toList();
    }

    @Test
    void noRedLineFiresOnAHarmlessMessage() throws IOException {
        assertNoFalseRedLine(probes());
    }

    /**
     * The second set, written by another author after the rules were tuned on the first: what the
     * rules do on wording nobody tuned them to. No false red line is allowed. Of its real red lines
     * 61 % were caught when it was written; 51 of 67 (76 %, the target is 75 %) after the rules learnt the
     * shapes of blame and brush-offs from a third batch (in the tuned set) — this set was run, not
     * read. The test keeps that from getting worse.
     */
    @Test
    void onTheHeldOutSetNoFalseRedLineAndThreeInFourCaught() throws IOException {
        List<Probe> heldOut = probes("/labels/redline-probes-heldout.jsonl");
        assertNoFalseRedLine(heldOut);
        assertCaught(heldOut, 0.74);
    }

    private static void assertNoFalseRedLine(List<Probe> probes) {
        List<String> false_ = new ArrayList<>();
        List<Probe> harmless = probes.stream().filter(p -> !p.redLine()).toList();
        for (Probe p : harmless) {
            List<String> fired = redLines(p.text());
            if (!fired.isEmpty()) {
                false_.add(fired + " " + p.text());
            }
        }
        assertTrue(harmless.size() >= 50, "at least 50 harmless probes");
        assertEquals(List.of(), false_, "red lines on harmless messages");
    }

    @Test
    void threeInFourRealRedLinesInNewWordingAreCaught() throws IOException {
        assertCaught(probes(), 0.75);
    }

    private static void assertCaught(List<Probe> probes, double share) {
        List<Probe> real = probes.stream().filter(Probe::redLine).toList();
        List<String> missed = new ArrayList<>();
        for (Probe p : real) {
            if (redLines(p.text()).isEmpty()) {
                missed.add(p.rule() + ": " + p.text());
            }
        }
        double caught = 1 - missed.size() / (double) real.size();
        // The figure the closing notes quote: printed so a run shows it, not only a pass.
        System.out.printf("red-line probes: caught %d of %d real red lines (%.2f)%n", real.size() - missed.size(), real.size(), caught);
        assertTrue(real.size() >= 50, "at least 50 real red lines");
        assertTrue(caught >= share, String.format("caught %.2f of %d; missed:%n%s", caught, real.size(), String.join("\n", missed)));
    }
}
