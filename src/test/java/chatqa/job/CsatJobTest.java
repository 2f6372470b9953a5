package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import chatqa.rules.RuleBookLoader;

/**
 * Customer ratings end to end: a canonical export with a `rating` column (words and numbers) gives
 * conversations.csat and csat_raw, per-agent CSAT and rating rate in the scorecards, and the
 * report's CSAT tile with the correlation of QA score and CSAT.
 */
@Tag("spark")
class CsatJobTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path tmp;

    @Test
    void ratingsReachConversationsScorecardsAndTheReport() throws IOException {
        StringBuilder csv = new StringBuilder("conversation_id,sent_at,sender_role,agent_id,customer_id,shop_id,text,rating,group_id,agent_name\n");
        for (int i = 0; i < 12; i++) {
            boolean good = i % 2 == 0;
            String agent = good ? "a1" : "a2";
            String t = String.format("2026-11-20 %02d:00:", 8 + i);
            csv.append("C").append(i).append(',').append(t).append("00,customer,,u").append(i).append(",s1,你好，请问什么时候发货,,").append(good ? "售前组" : "售后组").append(",\n");
            csv.append("C").append(i).append(',').append(t).append("20,agent,").append(agent).append(",u").append(i)
                    .append(good ? ",s1,您好，很高兴为您服务，今天下午就发货哦,,," + (i == 10 ? "" : "小美") : ",s1,不知道,,,").append('\n');
            csv.append("C").append(i).append(',').append(t).append("50,customer,,u").append(i).append(",s1,好的,")
                    .append(i == 11 ? "" : good ? (i % 4 == 0 ? "非常满意" : "5") : "2").append(",,\n");
        }
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("day.csv"), csv, StandardCharsets.UTF_8);
        SparkSession spark = TestSpark.get();
        Path warehouse = tmp.resolve("warehouse");
        RunSummary s = new ScoreJob(spark).run(new ScoreOptions(List.of(in.toString()), ExportMapping.canonical(), "canonical schema",
                RuleBookLoader.loadDefault(), ZoneId.of("Asia/Shanghai"), DAY, warehouse.toString(), tmp.resolve("reports").toString()));
        assertTrue(s.committed(), s.render());

        List<Row> c = spark.read().parquet(warehouse.resolve("conversations").resolve("dt=" + DAY).toString())
                .select("conversation_id", "csat", "csat_raw", "group_id").orderBy("conversation_id").collectAsList();
        Row c0 = c.stream().filter(r -> r.getString(0).endsWith("C0")).findFirst().orElseThrow();
        assertEquals(5.0, c0.getDouble(1));
        assertEquals("非常满意", c0.getString(2));
        assertEquals("售前组", c0.getString(3), "the group named on the conversation's first row");
        Row c11 = c.stream().filter(r -> r.getString(0).endsWith("C11")).findFirst().orElseThrow();
        assertNull(c11.get(1), "not rated");

        List<Row> cards = spark.read().parquet(warehouse.resolve("agent_scorecards").resolve("dt=" + DAY).toString())
                .select("agent_id", "csat", "rated_rate", "agent_name").orderBy("agent_id").collectAsList();
        assertEquals("小美", cards.get(0).getString(3), "a1's display name, though one of its parts carried none");
        assertNull(cards.get(1).get(3), "a2's rows name nobody");
        assertEquals(5.0, cards.get(0).getDouble(1), 1e-9, "a1: 非常满意 and 5");
        assertEquals(1.0, cards.get(0).getDouble(2), 1e-9);
        assertEquals(2.0, cards.get(1).getDouble(1), 1e-9, "a2");
        assertEquals(5.0 / 6, cards.get(1).getDouble(2), 1e-9, "a2: one of six not rated");

        String index = Files.readString(tmp.resolve("reports").resolve(DAY.toString()).resolve("index.html"));
        assertTrue(index.contains("顾客评价（CSAT）") && index.contains("3.64 / 5"), "11 rated: (6 × 5 + 5 × 2) / 11");
        assertTrue(index.contains("质检分与评价 ρ +"), "the better-scored agent is the better-rated one");
        assertTrue(index.contains("<h2>技能组</h2>") && index.contains("售后组"), "the report's group lines");
        assertTrue(index.contains(">小美</a> <small class=\"agent-id\">a1</small>"), "the leaderboard shows the name, the id beside it");
        assertTrue(index.contains(">a2</a></td>"), "an agent without a name is shown by the id");
        try (var pages = Files.list(tmp.resolve("reports").resolve(DAY.toString()).resolve("agents"))) {
            String a1 = Files.readString(pages.filter(f -> f.getFileName().toString().startsWith("a1")
                    && f.toString().endsWith(".html")).findFirst().orElseThrow());
            assertTrue(a1.contains("<h1>小美 <small class=\"agent-id\">a1</small>"), "the agent page's title");
        }

        chatqa.warehouse.WarehouseViews.register(spark, warehouse.toString());
        List<Row> groups = spark.sql("SELECT group_id, conversations, agents, csat FROM group_daily ORDER BY group_id").collectAsList();
        assertEquals(2, groups.size(), groups.toString());
        assertEquals("售前组", groups.get(0).getString(0));
        assertEquals(6L, groups.get(0).getLong(1));
        assertEquals(5.0, groups.get(0).getDouble(3), 1e-9, "per-group scorecards by the scorecards' definitions");
    }
}
