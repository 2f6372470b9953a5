package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    @Test
    void chartsLabelAgentsByNameAndKeepEveryLabelDistinct() {
        AgentRow mei = agent("shop-1", "1001", "小美");
        AgentRow otherMei = agent("shop-1", "1002", "小美");
        AgentRow jie = agent("shop-1", "1003", "阿杰");
        AgentRow bare = agent("shop-1", "kf_zhang", null);
        AgentRow sameIdElsewhere = agent("shop-2", "kf_zhang", null);
        Map<AgentRow, String> labels = DayReport.chartLabels(List.of(mei, otherMei, jie, bare, sameIdElsewhere));

        assertEquals("阿杰", labels.get(jie), "a name nobody else has stands alone");
        assertEquals("小美 (1001)", labels.get(mei), "two agents named alike are told apart by their ids");
        assertEquals("小美 (1002)", labels.get(otherMei));
        assertEquals("shop-1/kf_zhang", labels.get(bare), "an id in two shops names its shop");
        assertEquals("shop-2/kf_zhang", labels.get(sameIdElsewhere));
        assertEquals("1003", jie.idBesideName());
        assertNull(bare.idBesideName(), "shown by the id: nothing beside it");
    }

    private static AgentRow agent(String shop, String id, String name) {
        return new AgentRow(shop, id, 1, 2, 90.0, null, null, null, null, List.of(), 1.0, null, 1.0, 0.5, 0, null, 0, 0,
                null, null, 0.4, DayReport.Csat.NONE, name);
    }
}
