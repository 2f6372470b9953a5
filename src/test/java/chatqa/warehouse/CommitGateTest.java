package chatqa.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A day is replaced only by a run that accepted enough rows of that day (issue "Never lose a scored day", findings 1 and 6). */
class CommitGateTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Map<LocalDate, Long> ON_DAY = Map.of(DAY, 380L, DAY.minusDays(1), 4L);

    @Test
    void aGoodRunCommitsUnderTheDayMostConversationsStartOn() {
        CommitGate.Decision d = CommitGate.DEFAULT.judge(3242, 3119, null, ON_DAY);

        assertTrue(d.commits());
        assertEquals(DAY, d.day());
        assertEquals(List.of(), d.notes());
    }

    @Test
    void noAcceptedRowNeverReplacesADay() {
        CommitGate.Decision d = CommitGate.DEFAULT.judge(37, 0, DAY, Map.of());

        assertFalse(d.commits());
        assertTrue(d.refusals().get(0).startsWith("no row was accepted: committing would replace 2026-11-20 with an empty day"),
                d.refusals().toString());
    }

    @Test
    void noAcceptedRowAndNoDateHasNoDay() {
        CommitGate.Decision d = CommitGate.DEFAULT.judge(29, 0, null, Map.of());

        assertFalse(d.commits());
        assertNull(d.day());
    }

    @Test
    void acceptedRowsWithoutTimestampsNeedADate() {
        CommitGate.Decision d = CommitGate.DEFAULT.judge(100, 90, null, Map.of());

        assertFalse(d.commits());
        assertTrue(d.refusals().get(0).contains("pass --date YYYY-MM-DD"));
        assertTrue(CommitGate.DEFAULT.judge(100, 90, DAY, Map.of()).commits(), "with --date the day is known");
    }

    @Test
    void anAcceptanceRateUnderTheMinimumIsRefusedAtTheEdgeItIsNot() {
        assertTrue(CommitGate.DEFAULT.judge(100, 50, DAY, Map.of(DAY, 10L)).commits(), "exactly 50 % is enough");
        CommitGate.Decision d = CommitGate.DEFAULT.judge(100, 49, DAY, Map.of(DAY, 10L));
        assertFalse(d.commits());
        assertEquals("only 49.0 % of the rows read were accepted (49 of 100), under the minimum of 50 % (--min-accepted); "
                + "fix the export, or --force", d.refusals().get(0));
        assertTrue(new CommitGate(0.4, false, false).judge(100, 49, DAY, Map.of(DAY, 10L)).commits());
    }

    @Test
    void forceCommitsAndSaysSo() {
        CommitGate.Decision d = new CommitGate(0.5, true, false).judge(100, 0, DAY, Map.of());

        assertTrue(d.commits());
        assertEquals(List.of("committed with no accepted row (--force): the day is now empty"), d.notes());
    }

    @Test
    void aDateTheDataDisagreesWithIsRefusedOrReplacedByTheDataDay() {
        Map<LocalDate, Long> nextDay = Map.of(DAY.plusDays(1), 380L, DAY, 20L);

        CommitGate.Decision refused = CommitGate.DEFAULT.judge(3000, 3000, DAY, nextDay);
        CommitGate.Decision fromData = new CommitGate(0.5, false, true).judge(3000, 3000, DAY, nextDay);
        CommitGate.Decision forced = new CommitGate(0.5, true, false).judge(3000, 3000, DAY, nextDay);

        assertFalse(refused.commits());
        assertTrue(refused.refusals().get(0).startsWith("--date 2026-11-20 disagrees with the data: 380 of 400 conversations start on "
                + "other days, most on 2026-11-21 (380)"), refused.refusals().get(0));
        assertTrue(fromData.commits());
        assertEquals(DAY.plusDays(1), fromData.day());
        assertTrue(forced.commits());
        assertEquals(DAY, forced.day());
        assertTrue(forced.notes().get(0).endsWith("(--force)"));
    }

    @Test
    void aDateThatHalfTheConversationsStartOnIsAccepted() {
        assertTrue(CommitGate.DEFAULT.judge(10, 10, DAY, Map.of(DAY, 5L, DAY.plusDays(1), 5L)).commits());
    }
}
