package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.ingest.ExportMapping;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.warehouse.SqlQuery;

/**
 * The SLA tiers are the rule book's everywhere: the scorecards' columns, the run manifest and the
 * compliance_daily view (which used to hard-code 10/30/60 seconds).
 */
@Tag("spark")
class SlaTiersTest {
    @TempDir
    Path tmp;

    @Test
    void aBookWithTiers15And45GetsThoseColumnsInScorecardsAndViews() throws IOException, URISyntaxException {
        String yaml = RuleBookLoader.loadDefault().yaml().replaceFirst("sla_seconds: \\[[^]]*]", "sla_seconds: [15, 45]");
        RuleBook book = RuleBookLoader.parse(yaml, "tiers.yaml");
        assertEquals(List.of(15, 45), book.slaSeconds());
        SparkSession spark = TestSpark.get();
        String input = Path.of(SlaTiersTest.class.getResource("/fixtures/day1").toURI()).toString();
        new ScoreJob(spark).run(new ScoreOptions(List.of(input), ExportMapping.canonical(), "canonical schema", book,
                ZoneId.of("Asia/Shanghai"), LocalDate.of(2026, 11, 20), tmp.resolve("w").toString(), tmp.resolve("r").toString()).withoutHtmlReport());

        SqlQuery sql = new SqlQuery(spark, tmp.resolve("w").toString());
        List<String> scorecard = List.of(sql.run("SELECT * FROM agent_scorecards").columns());
        List<String> view = List.of(sql.run("SELECT * FROM compliance_daily").columns());

        assertTrue(scorecard.containsAll(List.of("sla_15s_rate", "sla_45s_rate")), scorecard.toString());
        assertTrue(view.containsAll(List.of("sla_15s_rate", "sla_45s_rate")), view.toString());
        assertFalse(view.contains("sla_10s_rate") || scorecard.contains("sla_10s_rate"));
        assertEquals(List.of(15, 45), sql.run("SELECT sla_seconds FROM runs").first().<Integer>getList(0));
        Row r = sql.run("SELECT sla_15s_rate AS v, (SELECT avg(CASE WHEN frt_s IS NULL THEN NULL WHEN frt_s <= 15 THEN 1D ELSE 0D END) "
                + "FROM conversations WHERE shop_id = 's1') AS expected FROM compliance_daily WHERE shop_id = 's1'").first();
        assertEquals((Double) r.getAs("expected"), (Double) r.getAs("v"));
    }
}
