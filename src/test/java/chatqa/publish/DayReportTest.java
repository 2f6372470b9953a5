package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import chatqa.publish.DayReport.AgentRow;

/** A day's report rows hold what the warehouse knows, unknowns included. */
class DayReportTest {
    @Test
    void agentWithoutAMeasuredFirstResponseHasUnknownSlaRates() {
        AgentRow row = new AgentRow(null, "a1", 1, 2, 90.0, null, null, null, null, Arrays.asList(null, null), 1.0, null, 1.0,
                0.5, 0, null, 0, 0, null, null, 0.4);

        assertEquals(2, row.slaRates().size());
        assertNull(row.slaRates().get(0));
        assertEquals("—", Formats.percent(row.slaRates().get(0)));
    }
}
