package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.cli.ChatQa;
import chatqa.sample.SampleDay;
import chatqa.warehouse.SqlQuery;

/** A generated week, backfilled in one session, queried through the trend views and the README's examples. */
@Tag("spark")
class WarehouseQueryTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 14);

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static SqlQuery sql;

    @BeforeAll
    static void backfillAWeek() throws IOException {
        for (int i = 0; i < 7; i++) {
            new SampleDay(FIRST.plusDays(i), ZoneId.of("Asia/Shanghai"), 100 + i).write(tmp.resolve("input"), 12);
        }
        int code = ChatQa.run("backfill", "--from", FIRST.toString(), "--to", FIRST.plusDays(7).toString(),
                "--input-root", tmp.resolve("input").toString(), "--warehouse", warehouse(), "--reports", tmp.resolve("reports").toString(),
                "--no-report", "--master", "local[2]");
        assertEquals(0, code);
        spark = TestSpark.get();
        sql = new SqlQuery(spark, warehouse());
    }

    private static String warehouse() {
        return tmp.resolve("warehouse").toString();
    }

    private static List<Row> query(String q) {
        return sql.run(q).collectAsList();
    }

    @Test
    void everyTableAndTrendViewIsRegistered() {
        assertEquals(List.of("messages", "conversations", "agent_segments", "rule_hits", "agent_scorecards", "agent_scenarios",
                "quarantine", "runs", "rule_daily", "agent_trend", "compliance_daily", "scenario_daily", "group_daily"), sql.views());
        assertEquals(7L, (long) query("SELECT count(DISTINCT dt) AS days FROM conversations").get(0).getAs("days"));
        assertEquals(7L, (long) query("SELECT count(*) AS n FROM runs").get(0).getAs("n"));
    }

    @Test
    void ruleDailyCountsChecksAndHitsPerDay() {
        Row greeting = query("SELECT * FROM rule_daily WHERE dt = DATE'2026-11-20' AND shop_id = 'shop-a' AND rule_id = 'greeting.hello'").get(0);
        Row direct = query("SELECT count(*) AS checked, count_if(NOT passed) AS hits FROM rule_hits "
                + "WHERE dt = DATE'2026-11-20' AND shop_id = 'shop-a' AND rule_id = 'greeting.hello'").get(0);
        assertEquals((long) direct.getAs("checked"), (long) greeting.getAs("checked"));
        assertEquals((long) direct.getAs("hits"), (long) greeting.getAs("hits"));
        assertEquals((double) (long) direct.getAs("hits") / (long) direct.getAs("checked"), (double) greeting.getAs("hit_rate"), 1e-12);
    }

    @Test
    void agentTrendAveragesTheLastSevenScoredDaysAndShowsRankChange() {
        List<Row> trend = query("SELECT * FROM agent_trend WHERE agent_id = 'shop-a-agent10' ORDER BY dt");
        assertTrue(trend.size() >= 5, "agent10 works most days");
        double sum = 0;
        for (Row r : trend) {
            sum += (double) r.getAs("qa_score");
        }
        Row last = trend.get(trend.size() - 1);
        assertEquals(sum / trend.size(), (double) last.getAs("qa_score_7d_avg"), 1e-9);
        Row previous = trend.get(trend.size() - 2);
        assertEquals((int) previous.getAs("rank") - (int) last.getAs("rank"), (int) last.getAs("rank_change"));
    }

    @Test
    void complianceDailyHasOneRowPerDayAndShop() {
        List<Row> rows = query("SELECT * FROM compliance_daily ORDER BY dt, shop_id");
        assertEquals(14, rows.size());
        for (Row r : rows) {
            double g = r.getAs("greeting_rate");
            assertTrue(g > 0 && g <= 1, r.toString());
        }
    }

    @Test
    void scenarioDailyCountsEachScenarioAndItsRulesCompliance() throws IOException {
        String day = "dt = DATE'2026-11-20' AND shop_id = 'shop-a'";
        List<Row> rows = query("SELECT * FROM scenario_daily WHERE " + day + " ORDER BY scenario");
        long total = (long) query("SELECT count(*) AS n FROM conversations WHERE " + day).get(0).getAs("n");
        for (Row r : rows) {
            String scenario = r.getAs("scenario");
            long direct = (long) query("SELECT count(*) AS n FROM conversations WHERE " + day
                    + " AND array_contains(scenarios, '" + scenario + "')").get(0).getAs("n");
            assertEquals(direct, (long) r.getAs("conversations"), scenario);
            assertEquals((double) direct / total, (double) r.getAs("share"), 1e-12, scenario);
            Map<String, Double> compliance = r.getJavaMap(r.fieldIndex("rule_compliance"));
            for (Row h : query("SELECT rule_id, count_if(passed) / count(*) AS rate FROM rule_hits WHERE " + day
                    + " AND scenario = '" + scenario + "' GROUP BY rule_id")) {
                assertEquals((double) h.getAs("rate"), compliance.get((String) h.getAs("rule_id")), 1e-12, scenario);
            }
        }
        assertTrue(rows.stream().anyMatch(r -> r.getAs("rule_compliance") != null), rows.toString());
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        QueryOutput.write(sql.run("SELECT rule_compliance FROM scenario_daily WHERE " + day + " AND scenario = 'bargaining'"),
                QueryOutput.Format.CSV, null, 10, new java.io.PrintStream(csv, true, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(csv.toString(java.nio.charset.StandardCharsets.UTF_8).matches(
                "(?s)rule_compliance\\n\"\\{bargaining\\.no_ad_hoc_discount=[0-9.]+, bargaining\\.points_to_promotions=[0-9.]+\\}\"\\n"),
                "maps print sorted by rule id: " + csv);
        List<String> tagged = rows.stream().map(r -> (String) r.getAs("scenario")).toList();
        for (Row r : query("SELECT DISTINCT scenario FROM agent_scenarios WHERE " + day)) {
            assertTrue(tagged.contains((String) r.getAs("scenario")), "agent rows only for scenarios of the day: " + r);
        }
    }

    @Test
    void readmeExampleQueriesAnswer() throws IOException {
        Matcher m = Pattern.compile("^jobs/query\\.sh \"([^\"]+)\"", Pattern.MULTILINE).matcher(Files.readString(Path.of("README.md")));
        List<String> queries = new ArrayList<>();
        while (m.find()) {
            // The review views need imported verdicts: ReviewLoopTest runs those examples.
            if (!m.group(1).contains("rule_accuracy") && !m.group(1).contains("FROM reviews")) {
                queries.add(m.group(1));
            }
        }
        assertTrue(queries.size() >= 5, queries.toString());
        for (String q : queries) {
            assertTrue(!query(q).isEmpty(), q);
        }
    }

    @Test
    void unknownTableNamesWhatExists() {
        SqlQuery.BadQuery e = assertThrows(SqlQuery.BadQuery.class, () -> sql.run("SELECT * FROM scores"));
        assertTrue(e.getMessage().contains("tables and views: messages, conversations"), e.getMessage());
    }

    @Test
    void backfillIsIdempotentPerDay() throws IOException {
        long before = (long) query("SELECT count(*) AS n FROM messages").get(0).getAs("n");
        // The command stops the session it ran in (it shares this one): open a fresh one afterwards.
        int code = ChatQa.run("backfill", "--from", "2026-11-16", "--to", "2026-11-16", "--input-root", tmp.resolve("input").toString(),
                "--warehouse", warehouse(), "--reports", tmp.resolve("reports").toString(), "--no-report", "--master", "local[2]");
        assertEquals(0, code);
        spark = TestSpark.get();
        sql = new SqlQuery(spark, warehouse());
        assertEquals(before, (long) query("SELECT count(*) AS n FROM messages").get(0).getAs("n"));
    }

    @Test
    void duckDbReadsTheWarehouseParquetUnchanged() throws SQLException {
        long sparkCount = (long) query("SELECT count(*) AS n FROM conversations WHERE outcome = 'resolved_in_chat'").get(0).getAs("n");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT dt) FROM read_parquet('" + warehouse()
                     + "/conversations/*/*.parquet', hive_partitioning = true) WHERE outcome = 'resolved_in_chat'")) {
            rs.next();
            assertEquals(sparkCount, rs.getLong(1));
            assertEquals(7, rs.getLong(2));
        }
    }

    @Test
    void duckDbViewsAnswerAsTheSparkViewsDo() throws SQLException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            code = ChatQa.run("views", "--dialect", "duckdb", "--warehouse", warehouse());
        } finally {
            System.setOut(before);
        }
        assertEquals(0, code);
        String script = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (String statement : script.split(";\n")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
            for (String view : List.of("rule_daily", "agent_trend", "compliance_daily", "scenario_daily", "group_daily")) {
                Dataset<Row> spark = sql.run("SELECT * FROM " + view);
                List<String> columns = List.of(spark.columns());
                List<String> expected = spark.collectAsList().stream().map(r -> {
                    List<String> cells = new java.util.ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) {
                        cells.add(cell(r.get(i)));
                    }
                    return String.join(" | ", cells);
                }).sorted().toList();
                List<String> actual = new java.util.ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + view)) {
                    while (rs.next()) {
                        List<String> cells = new java.util.ArrayList<>();
                        for (int i = 1; i <= columns.size(); i++) {
                            cells.add(cell(rs.getObject(i)));
                        }
                        actual.add(String.join(" | ", cells));
                    }
                }
                actual.sort(null);
                assertEquals(expected, actual, view + " in DuckDB");
                assertTrue(!expected.isEmpty() || view.equals("group_daily"), view + " has rows");
            }
        }
    }

    @Test
    void thePromptAnswersQueryAfterQueryAndCarriesOnAfterARefusal() throws IOException {
        String input = "SELECT count(DISTINCT dt) AS days\n  FROM conversations;\n\\views\nDROP TABLE messages;\n"
                + "SELECT count(*) AS runs FROM runs;\n\\q\nSELECT 1;\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int answered = new SqlPrompt(sql, QueryOutput.Format.TABLE, 10).run(
                SqlPrompt.plain(new java.io.BufferedReader(new java.io.StringReader(input))),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        String shown = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, answered, shown);
        assertTrue(shown.contains("days") && shown.contains(" 7 "), "a statement over two lines: " + shown);
        assertTrue(shown.contains("error: only queries that read the warehouse are run here"), "refused, and the prompt goes on: " + shown);
        assertTrue(shown.contains("runs") && shown.contains("group_daily"), "\\views lists them: " + shown);
        assertEquals(7L, (long) query("SELECT count(*) AS n FROM runs").get(0).getAs("n"), "still there");
    }

    @Test
    void theReviewQueueTakesAControlSampleThenEveryRiskAndEveryAgentReproducibly() throws IOException {
        String day = FIRST.plusDays(6).toString();
        chatqa.publish.ReviewQueue q = new ReviewSampling(spark, day).draw(10, 0.3, 7);
        java.util.Map<chatqa.publish.ReviewQueue.Reason, Long> byReason = q.conversations().stream()
                .collect(java.util.stream.Collectors.groupingBy(chatqa.publish.ReviewQueue.Sampled::reason, java.util.stream.Collectors.counting()));
        assertEquals(3L, byReason.get(chatqa.publish.ReviewQueue.Reason.CONTROL), byReason.toString());
        java.util.Set<String> ids = q.conversations().stream().map(chatqa.publish.ReviewQueue.Sampled::conversationId)
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(q.conversations().size(), ids.size(), "each conversation once");
        List<Row> risky = query("SELECT conversation_id FROM conversations WHERE dt = DATE'" + day + "' AND qa_score IS NOT NULL "
                + "AND (fatal OR outcome = 'platform_intervention' OR complaint_threatened)");
        assertTrue(risky.size() <= 7, "the generated day has few risky conversations: " + risky.size());
        risky.forEach(r -> assertTrue(ids.contains(r.getString(0)), "every risky conversation is in the queue: " + r.getString(0)));
        List<Row> agents = query("SELECT DISTINCT shop_id, agent_id FROM conversations WHERE dt = DATE'" + day + "' AND qa_score IS NOT NULL");
        java.util.Set<String> covered = q.conversations().stream().map(c -> c.shopId() + "/" + c.agentId())
                .collect(java.util.stream.Collectors.toSet());
        agents.forEach(a -> assertTrue(covered.contains(a.getString(0) + "/" + a.getString(1)), "agent in the queue: " + a));
        long checks = query("SELECT count(*) FROM rule_hits WHERE dt = DATE'" + day + "' AND conversation_id IN ("
                + String.join(", ", ids.stream().map(x -> "'" + x + "'").toList()) + ")").get(0).getLong(0);
        assertEquals(checks, q.checks().size(), "every machine check of the sampled conversations");
        assertEquals(q.conversations(), new ReviewSampling(spark, day).draw(10, 0.3, 7).conversations(), "the same seed, the same queue");
        assertTrue(!q.conversations().subList(0, 3).equals(new ReviewSampling(spark, day).draw(10, 0.3, 8).conversations().subList(0, 3)),
                "another seed, another control sample");

        Path folder = tmp.resolve("review");
        Path workbook = new chatqa.publish.ReviewWorkbook(chatqa.publish.Words.of(chatqa.publish.ReportLanguage.ZH),
                chatqa.privacy.PersonalDataMask.standard()).write(q, folder);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(workbook))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheet("复核队列");
            assertEquals("日期", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("复核结论", sheet.getRow(0).getCell(chatqa.publish.ReviewWorkbook.COLUMNS.indexOf("verdict")).getStringCellValue());
            assertEquals(q.checks().size(), sheet.getLastRowNum(), "one row per check under the header");
            assertEquals(2, sheet.getDataValidations().size(), "the verdict and the appeal decision drop-downs");
            org.apache.poi.ss.usermodel.Cell link = sheet.getRow(1).getCell(chatqa.publish.ReviewWorkbook.COLUMNS.indexOf("transcript"));
            assertTrue(Files.isRegularFile(folder.resolve(link.getHyperlink().getAddress())), link.getHyperlink().getAddress());
            assertTrue(Files.readString(folder.resolve(link.getHyperlink().getAddress())).contains("复核 · 会话 "), "the transcript page");
            assertTrue(book.getSheet("说明").getRow(0).getCell(0).getStringCellValue().contains("随机种子 7"));
        }
    }

    /** One value as both engines can be compared: numbers to 9 places, dates as ISO, maps by key. */
    private static String cell(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number n && !(v instanceof Long) && !(v instanceof Integer) && !(v instanceof java.math.BigInteger)) {
            return String.format(java.util.Locale.ROOT, "%.9f", n.doubleValue());
        }
        if (v instanceof scala.collection.Map<?, ?> m) {
            return cell(scala.jdk.javaapi.CollectionConverters.asJava(m));
        }
        if (v instanceof java.util.Map<?, ?> m) {
            java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), cell(x)));
            return sorted.toString();
        }
        if (v instanceof java.sql.Date || v instanceof java.time.LocalDate) {
            return v.toString();
        }
        return String.valueOf(v);
    }
}
