package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.MappingLoader;
import chatqa.rules.RuleBookLoader;

/**
 * The scoring job end to end on small fixtures (src/test/resources/fixtures), checking real
 * values in the warehouse tables and the scorecard CSV. One local Spark session for the class.
 */
@Tag("spark")
class ScoreJobTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static RunSummary day1;

    @BeforeAll
    static void scoreDayOne() throws IOException {
        spark = TestSpark.get();
        day1 = run(List.of(fixture("day1")), ExportMapping.canonical(), null);
    }

    private static RunSummary run(List<String> inputs, ExportMapping mapping, LocalDate day) throws IOException {
        ScoreOptions o = new ScoreOptions(inputs, mapping, mapping.source(), RuleBookLoader.loadDefault(), SHANGHAI, day,
                tmp.resolve("warehouse").toString(), tmp.resolve("reports").toString()).withoutHtmlReport();
        return new ScoreJob(spark).run(o);
    }

    private static String fixture(String name) {
        try {
            return Path.of(ScoreJobTest.class.getResource("/fixtures/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Dataset<Row> table(String name, String day) {
        return spark.read().parquet(tmp.resolve("warehouse").resolve(name).resolve("dt=" + day).toString());
    }

    private static Map<String, Row> byKey(Dataset<Row> rows, String key) {
        return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(key), r -> r));
    }

    @Test
    void countsReconcileAndNameEveryQuarantinedRow() {
        assertEquals("2026-11-20", day1.day());
        assertEquals(23, day1.rowsRead());
        assertEquals(20, day1.accepted());
        assertEquals(3, day1.quarantined());
        assertEquals(Map.of("bad_timestamp", 1L, "unknown_role", 1L, "duplicate_message", 1L), day1.quarantineReasons());
        List<Row> q = table("quarantine", "2026-11-20").orderBy("reason").collectAsList();
        assertEquals("bad_timestamp", q.get(0).getAs("reason"));
        assertEquals(15L, (long) q.get(0).getAs("source_line"));
        assertEquals("sent_at", q.get(0).getAs("field"));
        assertTrue(((String) q.get(0).getAs("source_file")).endsWith("shop-s1.csv"));
        assertEquals("duplicate_message", q.get(1).getAs("reason"));
        // Files are taken in sorted order; the copy in the later file is the duplicate.
        assertTrue(((String) q.get(1).getAs("source_file")).endsWith("shop-s1.csv"));
        assertTrue(((String) q.get(1).getAs("detail")).contains("shop-s1-resend.csv:2"));
        assertEquals("unknown_role", q.get(2).getAs("reason"));
        assertEquals(20L, (long) q.get(2).getAs("source_line"));
    }

    @Test
    void conversationsCarryTimingComplianceAndScore() {
        Map<String, Row> c = byKey(table("conversations", "2026-11-20"), "conversation_id");
        assertEquals(6, c.size());
        Row c1 = c.get("C1");
        assertEquals(8.0, (double) c1.getAs("frt_s"));
        assertEquals(List.of(8.0, 30.0, 10.0), c1.getList(c1.fieldIndex("waits_s")));
        assertEquals(30.0, (double) c1.getAs("max_wait_s"));
        assertEquals(16.0, (double) c1.getAs("mean_wait_s"));
        assertEquals(1, (int) c1.getAs("bot_messages"));
        assertEquals(true, c1.getAs("greeting_passed"));
        assertEquals(true, c1.getAs("apology_required"));
        assertEquals(true, c1.getAs("apology_passed"));
        assertEquals(true, c1.getAs("closing_passed"));
        // Every element is there; the customer's 好的，麻烦快点 after the apology is a second chase (handling.chased_again, 2 points).
        assertEquals(98.0, (double) c1.getAs("qa_score"));

        Row c2 = c.get("C2");
        assertEquals(15.0, (double) c2.getAs("frt_s"), "first customer message 23:59:50, first agent reply 00:00:05");
        assertEquals(true, c2.getAs("fatal"));
        assertEquals(0.0, (double) c2.getAs("qa_score"));
        assertEquals(false, c2.getAs("greeting_passed"));
        assertNull(c2.getAs("apology_passed"));

        Row c3 = c.get("C3");
        assertNull(c3.getAs("qa_score"));
        assertNull(c3.getAs("frt_s"));
        assertEquals(1, (int) c3.getAs("unanswered_turns"));

        Row first = c.get("s1:u4:20261120T020000Z");
        Row second = c.get("s1:u4:20261120T030000Z");
        assertEquals(5.0, (double) first.getAs("frt_s"));
        assertEquals(93.0, (double) first.getAs("qa_score"));
        assertEquals(20.0, (double) second.getAs("frt_s"));
        assertEquals(90.0, (double) second.getAs("qa_score"));
    }

    @Test
    void messagesAreSortedAndTraceableToTheirLine() {
        List<Row> c2 = table("messages", "2026-11-20").where("conversation_id = 'C2'").orderBy("seq").collectAsList();
        assertEquals(List.of("customer", "customer", "agent", "agent"), c2.stream().map(r -> (String) r.getAs("role")).toList());
        Row multiLine = c2.get(1);
        assertEquals("满减吗,\n还是直接打折", multiLine.getAs("text"));
        assertEquals(11L, (long) multiLine.getAs("source_line"));
        assertEquals("C2#2", multiLine.getAs("message_id"));
        assertNull(multiLine.getAs("words"), "words are stored only with --store-words");
    }

    @Test
    void ruleHitsExplainEveryCheck() {
        List<Row> rude = table("rule_hits", "2026-11-20").where("conversation_id = 'C2' AND rule_id = 'red_line.rude'").collectAsList();
        assertEquals(1, rude.size());
        Row r = rude.get(0);
        assertEquals(false, r.getAs("passed"));
        assertEquals(true, r.getAs("fatal"));
        assertEquals("a2", r.getAs("agent_id"));
        assertEquals("C2#4", r.getAs("message_id"));
        assertEquals("你自己看", r.getAs("matched_text"));
        assertEquals(0, (int) r.getAs("span_start"));
        assertEquals(4, (int) r.getAs("span_end"));
    }

    @Test
    void transferredConversationIsSplitIntoAgentParts() {
        Row c5 = table("conversations", "2026-11-20").where("conversation_id = 'C5'").first();
        assertEquals("return_refund_exchange", c5.getAs("outcome"));
        assertEquals(true, c5.getAs("transferred"));
        assertEquals(2, (int) c5.getAs("segment_count"));
        List<Row> parts = table("agent_segments", "2026-11-20").where("conversation_id = 'C5'").orderBy("segment").collectAsList();
        assertEquals(List.of("a1", "a2"), parts.stream().map(r -> (String) r.getAs("agent_id")).toList());
        assertEquals("first_response", parts.get(0).getAs("response_kind"));
        assertEquals(5.0, (double) parts.get(0).getAs("response_s"));
        assertEquals(true, parts.get(0).getAs("transferred_out"));
        assertEquals(97.0, (double) parts.get(0).getAs("qa_score"));
        assertEquals("transfer_response", parts.get(1).getAs("response_kind"));
        assertEquals(30.0, (double) parts.get(1).getAs("response_s"));
        // No closing (7), and the quality-complaint checks of a2's part: no photo asked (5), no restating before the
        // 补发 (3), a 补发 without a time (3).
        assertEquals(93.0 - 5 - 3 - 3, (double) parts.get(1).getAs("qa_score"));
        List<Row> greetings = table("rule_hits", "2026-11-20")
                .where("conversation_id = 'C5' AND rule_id = 'greeting.offer_help'").orderBy("segment").collectAsList();
        assertEquals(List.of("a1", "a2"), greetings.stream().map(r -> (String) r.getAs("agent_id")).toList());
        assertEquals(List.of(false, true), greetings.stream().map(r -> (Boolean) r.getAs("passed")).toList());
    }

    @Test
    void scenariosAreTaggedWithEvidenceAndReportedPerAgent() {
        Map<String, Row> c = byKey(table("conversations", "2026-11-20"), "conversation_id");
        assertEquals(List.of("logistics"), c.get("C1").getList(c.get("C1").fieldIndex("scenarios")));
        assertEquals(List.of("bargaining"), c.get("C2").getList(c.get("C2").fieldIndex("scenarios")));
        assertEquals(List.of("quality_complaint"), c.get("C5").getList(c.get("C5").fieldIndex("scenarios")));
        assertEquals(List.of("other"), c.get("C3").getList(c.get("C3").fieldIndex("scenarios")));
        Row evidence = c.get("C1").<Row>getList(c.get("C1").fieldIndex("scenario_evidence")).get(0);
        assertEquals("logistics", evidence.getAs("scenario"));
        assertEquals("C1#1", evidence.getAs("message_id"));
        assertEquals(1, (int) evidence.getAs("message_seq"));
        assertEquals("快递", evidence.getAs("matched_text"));
        assertEquals("customer message 1: '快递'", evidence.getAs("evidence"));

        Row photo = table("rule_hits", "2026-11-20")
                .where("conversation_id = 'C5' AND rule_id = 'quality_complaint.ask_for_evidence'").first();
        assertEquals("quality_complaint", photo.getAs("scenario"));
        assertEquals("a2", photo.getAs("agent_id"));
        assertEquals(false, photo.getAs("passed"));
        assertNull(table("rule_hits", "2026-11-20").where("conversation_id = 'C2' AND rule_id = 'red_line.rude'").first()
                .getAs("scenario"), "a rule of every conversation belongs to no scenario");
        List<Row> segments = table("agent_segments", "2026-11-20").where("conversation_id = 'C5'").orderBy("segment").collectAsList();
        assertEquals(List.of("quality_complaint"), segments.get(1).getList(segments.get(1).fieldIndex("scenarios")));

        Map<String, Row> a1 = byKey(table("agent_scenarios", "2026-11-20").where("agent_id = 'a1'"), "scenario");
        assertEquals(Set.of("logistics", "other", "quality_complaint"), a1.keySet(), "C1, the two u4 chats, a1's part of C5");
        assertEquals(2L, (long) a1.get("other").getAs("conversations"));
        assertEquals(0.5, (double) a1.get("other").getAs("share"), 1e-9);
        assertEquals(0L, (long) a1.get("other").getAs("rule_checks"));
        assertNull(a1.get("other").getAs("compliance"));
        Row quality = a1.get("quality_complaint");
        assertEquals(Map.of("quality_complaint.apology_first", 1.0, "quality_complaint.no_arguing", 1.0),
                quality.getJavaMap(quality.fieldIndex("rule_compliance")), "a1 apologised before a2's 补发");
        Map<String, Row> a2 = byKey(table("agent_scenarios", "2026-11-20").where("agent_id = 'a2'"), "scenario");
        Row bargaining = a2.get("bargaining");
        assertEquals(0.5, (double) bargaining.getAs("compliance"), 1e-9, "no price cut, but no promotion named either");
        assertEquals(Map.of("bargaining.no_ad_hoc_discount", 1.0, "bargaining.points_to_promotions", 0.0),
                bargaining.getJavaMap(bargaining.fieldIndex("rule_compliance")));
        assertEquals(4L, (long) a2.get("quality_complaint").getAs("rule_checks"));
        assertEquals(2L, (long) a2.get("quality_complaint").getAs("rules_passed"));
        assertTrue(day1.render().contains("  scenarios     other 3, bargaining 1, logistics 1, quality_complaint 1\n"), day1.render());
    }

    @Test
    void scorecardsRankAgentsAndMatchTheCsv() throws IOException {
        Map<String, Row> cards = byKey(table("agent_scorecards", "2026-11-20"), "agent_id");
        Row a1 = cards.get("a1");
        assertEquals(4L, (long) a1.getAs("conversations"));
        assertEquals(6.5, (double) a1.getAs("frt_p50_s"), "first responses 5, 5, 8, 20");
        assertEquals(0.75, (double) a1.getAs("sla_10s_rate"), 1e-9);
        assertEquals(1.0, (double) a1.getAs("sla_30s_rate"));
        assertEquals((98.0 + 93 + 90 + 97) / 4, (double) a1.getAs("qa_score"), 1e-9);
        assertEquals(0.25, (double) a1.getAs("transfer_out_rate"), 1e-9);
        assertEquals(1, (int) a1.getAs("rank"));
        Row a2 = cards.get("a2");
        assertEquals(2L, (long) a2.getAs("conversations"), "C2, and its part of C5");
        assertEquals(1L, (long) a2.getAs("fatal_count"));
        assertEquals(1L, (long) a2.getAs("transfers_in"));
        assertEquals(30.0, (double) a2.getAs("transfer_response_p50_s"));
        assertEquals((0.0 + 82) / 2, (double) a2.getAs("qa_score"), 1e-9);
        assertEquals(2, (int) a2.getAs("rank"));

        byte[] csv = Files.readAllBytes(day1.scorecardCsv());
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3));
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("日期,店铺,客服,客服昵称,接待段数,"), "Chinese headers for Excel by default: " + lines.get(0));
        assertFalse(java.util.regex.Pattern.compile("[a-z_]{3,}").matcher(lines.get(0)).find(), "no header left in English: " + lines.get(0));
        assertTrue(lines.get(1).startsWith("2026-11-20,s1,a1,,4,"), "no display name in this export: " + lines.get(1));
    }

    @Test
    void rerunReplacesOnlyItsOwnDay() throws IOException {
        RunSummary d2 = run(List.of(fixture("day2")), ExportMapping.canonical(), null);
        assertEquals("2026-11-21", d2.day());
        Path day2Part = tmp.resolve("warehouse/conversations/dt=2026-11-21");
        List<Path> before = listing(day2Part);

        RunSummary again = run(List.of(fixture("day1")), ExportMapping.canonical(), null);
        assertEquals(day1.accepted(), again.accepted());
        assertEquals(6, table("conversations", "2026-11-20").count());
        assertEquals(20, table("messages", "2026-11-20").count());
        assertEquals(1, table("runs", "2026-11-20").count());
        assertEquals(before, listing(day2Part));
        assertFalse(Files.exists(tmp.resolve("warehouse/_staging")));
    }

    @Test
    void exportWithoutTimestampsHasUnknownLatencies() throws IOException {
        RunSummary s = run(List.of(fixture("jddc")), MappingLoader.load("jddc"), LocalDate.of(2019, 6, 1));
        assertEquals(5, s.accepted());
        Row s1 = table("conversations", "2019-06-01").where("conversation_id = 's1'").first();
        assertNull(s1.getAs("frt_s"));
        assertNull(s1.getAs("max_wait_s"));
        assertEquals(2, (int) s1.getAs("customer_turns"));
        assertEquals(true, s1.getAs("apology_passed"));
        Row card = table("agent_scorecards", "2019-06-01").first();
        assertEquals("(unknown)", card.getAs("agent_id"));
        assertNull(card.getAs("frt_p50_s"));
        assertNull(card.getAs("sla_10s_rate"));
        assertEquals(0L, (long) card.getAs("frt_measured"));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
