package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The counts the scoring tasks send the driver reconcile once merged, whatever the split. */
@Tag("spark")
class RunTallyTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void tasksMergeIntoReconcilingCounts() {
        RunTally a = new RunTally();
        a.accepted("a.csv");
        a.accepted("a.csv");
        a.accepted("b.csv");
        a.duplicate(row("b.csv", 9, "duplicate_message"));
        a.quarantined(row("a.csv", 7, "bad_timestamp"));
        a.fileRead("a.csv", "UTF-8", 0);
        a.conversation("resolved_in_chat", true, List.of("logistics"), DAY);
        RunTally b = new RunTally();
        b.accepted("b.csv");
        b.quarantined(row("b.csv", 3, "bad_timestamp"));
        b.fileRead("b.csv", "GBK", 2);
        b.conversation("resolved_in_chat", false, List.of("logistics", "payment"), DAY.minusDays(1));

        RunTally all = RunTally.merge(List.of(a, b));
        assertEquals(List.of(3L, 2L, 1L), List.of(all.perFile.get("a.csv")[0], all.perFile.get("a.csv")[1], all.perFile.get("a.csv")[2]));
        assertEquals(List.of(3L, 1L, 2L), List.of(all.perFile.get("b.csv")[0], all.perFile.get("b.csv")[1], all.perFile.get("b.csv")[2]));
        assertEquals(Map.of("bad_timestamp", 2L, "duplicate_message", 1L), all.reasons);
        assertEquals(Map.of("a.csv", "UTF-8", "b.csv", "GBK"), all.encodings);
        assertEquals(Map.of("a.csv", Map.of("bad_timestamp", 1L), "b.csv", Map.of("bad_timestamp", 1L, "duplicate_message", 1L)),
                all.fileReasons);
        assertEquals(7, all.examples().get("bad_timestamp").line(), "the first example is the earliest file's");
        assertEquals(3, all.fileExamples.get("b.csv").get("bad_timestamp").line());
        assertEquals(Map.of("b.csv", 2L), all.timeOnlyDated);
        assertEquals(1, all.duplicates);
        assertEquals(2, all.conversations);
        assertEquals(1, all.scored);
        assertEquals(Map.of("logistics", 2L, "payment", 1L), all.scenarios);
        for (long[] c : all.perFile.values()) {
            assertEquals(c[0], c[1] + c[2], "read = accepted + quarantined");
        }
    }

    @Test
    void conversationsOutsideTheDayAreCounted() {
        RunTally t = new RunTally();
        t.conversation("unresolved", true, List.of(), DAY);
        t.conversation("unresolved", true, List.of(), DAY.minusDays(1));
        t.conversation("unresolved", true, List.of(), null);
        assertEquals(1, t.startingOutside(DAY));
        assertEquals(2, t.withStartTime());
        assertEquals(Map.of(DAY, 1L, DAY.minusDays(1), 1L), t.startDays);
    }

    private static RunTally.Example row(String file, long line, String reason) {
        return new RunTally.Example(file, line, reason, "sent_at", "why");
    }
}
