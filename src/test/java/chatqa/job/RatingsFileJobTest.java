package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.ingest.LayoutDetection;
import chatqa.ingest.MappingLoader;
import chatqa.ingest.RatingsMappings;
import chatqa.rules.RuleBookLoader;

/**
 * --ratings end to end: the Taobao chat log scored with its kefueval ratings exported apart (GBK
 * CSV, as a desktop tool saves it), joined by shop + customer + agent + time; every ratings row is
 * accepted (joined) or quarantined, and the run's manifest lists the ratings file.
 */
@Tag("spark")
class RatingsFileJobTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Path EXPORTS = Path.of("src/test/resources/exports");

    @TempDir
    Path tmp;

    @Test
    void kefuevalRatingsJoinTheTaobaoChats() throws IOException {
        String ratingsFile = EXPORTS.resolve("taobao-kefueval-gbk.csv").toString();
        LayoutDetection.Chosen chosen = RatingsMappings.choose(List.of(ratingsFile));
        assertTrue(chosen.said().contains("taobao-kefueval"), chosen.said());
        SparkSession spark = TestSpark.get();
        Path warehouse = tmp.resolve("warehouse");
        ScoreOptions o = new ScoreOptions(List.of(EXPORTS.resolve("taobao-chatlog.jsonl").toString()), MappingLoader.load("taobao-chatlog"),
                "taobao-chatlog", RuleBookLoader.loadDefault(), ZoneId.of("Asia/Shanghai"), DAY, warehouse.toString(),
                tmp.resolve("reports").toString()).withoutHtmlReport().withRatings(new RatingsInput(List.of(ratingsFile), chosen.mapping()));
        RunSummary s = new ScoreJob(spark).run(o);
        assertTrue(s.committed(), s.render());
        assertEquals(9 + 4, s.rowsRead(), "nine messages and four ratings rows");
        assertEquals(2, s.quarantined(), s.render());
        assertTrue(s.render().contains("ratings: 2 of the 4 rows of 1 ratings file(s) rated a conversation"), s.render());

        Map<String, Row> byCustomer = spark.read().parquet(warehouse.resolve("conversations").resolve("dt=" + DAY).toString())
                .select("customer_id", "csat", "csat_raw").collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
        assertEquals(5.0, byCustomer.get("买家tb_8812").getDouble(1), "eval_code 0 非常满意 replaces the chat log's own 1");
        assertEquals("0", byCustomer.get("买家tb_8812").getString(2));
        assertEquals(1.0, byCustomer.get("夏天的风").getDouble(1), "rated 30 s after the chat ended: 4 非常不满意");

        List<Row> q = spark.read().parquet(warehouse.resolve("quarantine").resolve("dt=" + DAY).toString())
                .select("source_file", "source_line", "reason", "detail").orderBy("source_line").collectAsList();
        assertEquals(List.of(4L, 5L), q.stream().map(r -> r.getLong(1)).toList());
        assertTrue(q.stream().allMatch(r -> r.getString(2).equals("unmatched_rating") && r.getString(0).endsWith("taobao-kefueval-gbk.csv")));
        assertTrue(q.get(0).getString(3).contains("路人甲"), q.get(0).getString(3));

        Row run = spark.read().parquet(warehouse.resolve("runs").resolve("dt=" + DAY).toString()).collectAsList().get(0);
        assertTrue(run.<String>getAs("mapping").contains("ratings: built-in:ratings/taobao-kefueval.yaml"), run.<String>getAs("mapping"));
        List<Row> inputs = run.getList(run.fieldIndex("inputs"));
        assertEquals(2, inputs.size(), "the chat log and the ratings file");
    }
}
