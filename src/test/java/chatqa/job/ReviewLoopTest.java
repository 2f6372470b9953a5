package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.cli.ChatQa;
import chatqa.privacy.PersonalDataMask;
import chatqa.publish.ReportLanguage;
import chatqa.publish.ReviewQueue;
import chatqa.publish.ReviewWorkbook;
import chatqa.publish.Words;
import chatqa.sample.SampleDay;
import chatqa.warehouse.SqlQuery;

/**
 * The review loop end to end: score three generated days, draw the queue, fill the workbook with
 * known verdicts as a reviewer would, import it, and check the reviews table and the rule
 * precision of view rule_accuracy against the hand count; a malformed workbook is refused whole,
 * naming sheet, row and column, and changes nothing.
 */
@Tag("spark")
class ReviewLoopTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 18);
    private static final String DAY = "2026-11-20";
    private static final int COL_RULE = ReviewWorkbook.COLUMNS.indexOf("rule");
    private static final int COL_MACHINE = ReviewWorkbook.COLUMNS.indexOf("machine");
    private static final int COL_REASON = ReviewWorkbook.COLUMNS.indexOf("reason");
    private static final int COL_REVIEWER = ReviewWorkbook.COLUMNS.indexOf("reviewer");
    private static final int COL_VERDICT = ReviewWorkbook.COLUMNS.indexOf("verdict");
    private static final int COL_POINTS = ReviewWorkbook.COLUMNS.indexOf("points");
    private static final int COL_APPEAL = ReviewWorkbook.COLUMNS.indexOf("appeal");
    private static final int COL_DECISION = ReviewWorkbook.COLUMNS.indexOf("decision");

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path workbook;

    @BeforeAll
    static void scoreThreeDaysAndDrawTheQueue() throws IOException {
        for (int i = 0; i < 3; i++) {
            new SampleDay(FIRST.plusDays(i), ZoneId.of("Asia/Shanghai"), 500 + i).write(tmp.resolve("input"), 15);
        }
        assertEquals(0, ChatQa.run("backfill", "--from", FIRST.toString(), "--to", DAY, "--input-root", tmp.resolve("input").toString(),
                "--warehouse", warehouse(), "--reports", tmp.resolve("reports").toString(), "--no-report", "--master", "local[2]"));
        spark = TestSpark.get();
        chatqa.warehouse.WarehouseViews.register(spark, warehouse());
        ReviewQueue q = new ReviewSampling(spark, DAY).draw(8, 0.5, 3);
        workbook = new ReviewWorkbook(Words.of(ReportLanguage.ZH), PersonalDataMask.standard()).write(q, tmp.resolve("review"));
    }

    private static String warehouse() {
        return tmp.resolve("warehouse").toString();
    }

    /** A copy of the queue filled as {@code fill} says, saved as {@code name}. */
    private static Path filled(String name, java.util.function.BiConsumer<Integer, Row> fill) throws IOException {
        Path out = tmp.resolve(name);
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet s = book.getSheetAt(0);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                fill.accept(r, s.getRow(r));
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                book.write(o);
            }
        }
        return out;
    }

    private static String cell(Row row, int col) {
        return row.getCell(col) == null ? "" : row.getCell(col).getStringCellValue();
    }

    @Test
    void verdictsComeInWholeAndGiveEachRuleItsPrecisionFromTheControlSample() throws IOException {
        // The reviewer disagrees with every failed greeting.hello and agrees with everything else; two rows stay open.
        int[] expected = new int[4];
        int[] judged = {0};
        int[] restored = {0};
        int[] agreed = {0};
        Path file = filled("filled.xlsx", (r, row) -> {
            if (r <= 2) {
                return;
            }
            boolean failed = cell(row, COL_MACHINE).equals("未通过");
            boolean greeting = cell(row, COL_RULE).equals("greeting.hello");
            String verdict = failed && greeting ? "不同意" : "同意";
            row.createCell(COL_REVIEWER).setCellValue("王审核");
            row.createCell(COL_VERDICT).setCellValue(verdict);
            judged[0]++;
            if (verdict.equals("不同意")) {
                restored[0] += (int) row.getCell(COL_POINTS).getNumericCellValue();
            } else {
                agreed[0]++;
            }
            if (greeting && cell(row, COL_REASON).equals("对照样本（随机）")) {
                expected[failed ? (verdict.equals("同意") ? 0 : 1) : (verdict.equals("同意") ? 3 : 2)]++;
            }
        });
        assertTrue(expected[0] + expected[1] + expected[2] + expected[3] > 0, "the control sample holds greeting checks");
        ReviewImport.Outcome o = new ReviewImport(spark, warehouse()).run(file);
        assertEquals(judged[0], o.judged());
        assertEquals(2, o.notYetReviewed());
        assertEquals(java.util.Map.of(DAY, judged[0]), o.perDay());

        SqlQuery sql = new SqlQuery(spark, warehouse());
        assertTrue(sql.views().contains("reviews") && sql.views().contains("rule_accuracy"), sql.views().toString());
        assertEquals((long) judged[0], sql.run("SELECT count(*) FROM reviews").first().getLong(0));
        assertEquals(0L, sql.run("SELECT count(*) FROM reviews r LEFT ANTI JOIN rule_hits h ON h.dt = r.dt AND h.conversation_id = r.conversation_id "
                + "AND h.segment = r.segment AND h.rule_id = r.rule_id").first().getLong(0), "every verdict is of a machine check");
        List<org.apache.spark.sql.Row> acc = sql.run("SELECT tp, fp, fn, tn, precision FROM rule_accuracy WHERE rule_id = 'greeting.hello'")
                .collectAsList();
        assertEquals(1, acc.size());
        assertEquals(expected[0], acc.get(0).getLong(0), "true positives");
        assertEquals(expected[1], acc.get(0).getLong(1), "false positives");
        assertEquals(expected[2], acc.get(0).getLong(2));
        assertEquals(expected[3], acc.get(0).getLong(3));
        if (expected[0] + expected[1] > 0) {
            assertEquals((double) expected[0] / (expected[0] + expected[1]), acc.get(0).getDouble(4), 1e-9);
        }

        java.util.regex.Matcher readme = java.util.regex.Pattern.compile("^jobs/query\\.sh \"([^\"]+rule_accuracy[^\"]*)\"", java.util.regex.Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("README.md")));
        assertTrue(readme.find(), "the README's rule_accuracy example");
        assertTrue(!sql.run(readme.group(1)).collectAsList().isEmpty(), readme.group(1));

        // The agents' scores after review: every disagreed deduction restored.
        assertEquals((long) restored[0], sql.run("SELECT coalesce(sum(restored_points), 0) FROM agent_reviewed").first().getLong(0));
        assertEquals(0L, sql.run("SELECT count(*) FROM agent_reviewed WHERE reviewed_qa_score < qa_score - 1e-9").first().getLong(0),
                "restoring points never lowers a score");

        // A second reviewer who agrees with the machine everywhere: agreement is the first one's share of agreement, kappa 0.
        new ReviewImport(spark, warehouse()).run(filled("second.xlsx", (r, row) -> {
            if (r > 2) {
                row.createCell(COL_REVIEWER).setCellValue("李复核");
                row.createCell(COL_VERDICT).setCellValue("同意");
            }
        }));
        sql = new SqlQuery(spark, warehouse());
        org.apache.spark.sql.Row pair = sql.run("SELECT checks, agreement, kappa FROM reviewer_agreement WHERE rule_id IS NULL").first();
        assertEquals((long) judged[0], pair.getLong(0));
        assertEquals((double) agreed[0] / judged[0], pair.getDouble(1), 1e-9);
        if (restored[0] > 0) {
            assertEquals(0.0, pair.getDouble(2), 1e-9, "one reviewer always agrees: no agreement beyond chance");
        }

        // A second import of the same checks by the same reviewer supersedes the first in the view.
        Path again = filled("again.xlsx", (r, row) -> {
            row.createCell(COL_REVIEWER).setCellValue("王审核");
            row.createCell(COL_VERDICT).setCellValue("同意");
        });
        new ReviewImport(spark, warehouse()).run(again);
        sql = new SqlQuery(spark, warehouse());
        assertEquals(0L, sql.run("SELECT coalesce(sum(fp), 0) FROM rule_accuracy").first().getLong(0), "the later verdicts count");

        // Appeals: one upheld by the team lead (its deduction restored), one still open.
        int[] appealed = {0, 0};
        new ReviewImport(spark, warehouse()).run(filled("appeals.xlsx", (r, row) -> {
            boolean failed = cell(row, COL_MACHINE).equals("未通过") && row.getCell(COL_POINTS).getNumericCellValue() > 0;
            if (failed && appealed[0] == 0) {
                appealed[0] = (int) row.getCell(COL_POINTS).getNumericCellValue();
                row.createCell(COL_APPEAL).setCellValue("我已经按话术回复了");
                row.createCell(COL_DECISION).setCellValue("支持");
                row.createCell(COL_REVIEWER).setCellValue("组长");
            } else if (failed && appealed[1] == 0) {
                appealed[1] = 1;
                row.createCell(COL_APPEAL).setCellValue("顾客没有抱怨");
            }
        }));
        sql = new SqlQuery(spark, warehouse());
        org.apache.spark.sql.Row appeals = sql.run("SELECT sum(appeals_upheld), sum(appeals_open), sum(appeals_rejected), sum(restored_points) "
                + "FROM agent_reviewed").first();
        assertEquals(1L, appeals.getLong(0));
        assertEquals(1L, appeals.getLong(1));
        assertEquals(0L, appeals.getLong(2));
        assertEquals((long) appealed[0], appeals.getLong(3), "the upheld appeal's deduction restored");

        // The report shows the score after review beside the machine's.
        org.apache.spark.sql.Row agent = sql.run("SELECT shop_id, agent_id, reviewed_qa_score FROM agent_reviewed WHERE dt = DATE'" + DAY
                + "' AND appeals_upheld > 0").first();
        SupervisorReport.publish(spark, warehouse(), tmp.resolve("reports").toString(), DAY, Words.of(ReportLanguage.ZH));
        String index = Files.readString(tmp.resolve("reports").resolve(DAY).resolve("index.html"));
        String row = index.substring(index.indexOf("<tr data-agent=\"" + agent.getString(1) + "\" data-shop=\"" + agent.getString(0) + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains(String.format(java.util.Locale.ROOT, "<td class=\"num reviewed\">%.1f</td><td>待处理 ", agent.getDouble(2))), row);
    }

    @Test
    void aMalformedWorkbookIsRefusedWholeNamingSheetRowAndColumn() throws IOException {
        SqlQuery before = new SqlQuery(spark, warehouse());
        long had = before.views().contains("reviews") ? before.run("SELECT count(*) FROM reviews").first().getLong(0) : 0;
        Path bad = filled("bad.xlsx", (r, row) -> {
            row.createCell(COL_REVIEWER).setCellValue(r == 4 ? "" : "李审核");
            row.createCell(COL_VERDICT).setCellValue(r == 3 ? "同 意" : "同意");
            if (r == 5) {
                row.getCell(COL_RULE).setCellValue("no.such_rule");
            }
        });
        ReviewImport.Refused e = assertThrows(ReviewImport.Refused.class, () -> new ReviewImport(spark, warehouse()).run(bad));
        assertTrue(e.getMessage().contains("nothing imported"), e.getMessage());
        assertTrue(e.getMessage().contains("sheet 复核队列, row 4, column 复核结论: '同 意' is not one of 同意 / 不同意 / 不适用"), e.getMessage());
        assertTrue(e.getMessage().contains("sheet 复核队列, row 5, column 复核人: a verdict needs the reviewer's name"), e.getMessage());
        Path unknown = filled("unknown.xlsx", (r, row) -> {
            row.createCell(COL_REVIEWER).setCellValue("李审核");
            row.createCell(COL_VERDICT).setCellValue("同意");
            if (r == 5) {
                row.getCell(COL_RULE).setCellValue("no.such_rule");
            }
        });
        ReviewImport.Refused u = assertThrows(ReviewImport.Refused.class, () -> new ReviewImport(spark, warehouse()).run(unknown));
        assertTrue(u.getMessage().contains("sheet 复核队列, row 6: no check of rule no.such_rule"), u.getMessage());
        SqlQuery after = new SqlQuery(spark, warehouse());
        long has = after.views().contains("reviews") ? after.run("SELECT count(*) FROM reviews").first().getLong(0) : 0;
        assertEquals(had, has, "nothing half-imported");
        try (var left = Files.list(Path.of(warehouse(), "reviews")).filter(p -> p.getFileName().toString().startsWith(".append-"))) {
            assertEquals(0, left.count(), "no staging left behind");
        } catch (java.nio.file.NoSuchFileException none) {
            // No import has run yet in this JVM: nothing to leave behind.
        }
    }

    @Test
    void keptQueuesSpreadCoverageOverTheWeekAndTheDigestCountsTheBacklog() throws IOException {
        chatqa.warehouse.WarehouseViews.register(spark, warehouse());
        java.util.function.Function<ReviewQueue, java.util.Set<String>> agents = q -> q.conversations().stream()
                .map(c -> c.shopId() + "/" + c.agentId()).collect(java.util.stream.Collectors.toSet());
        java.util.function.Function<ReviewQueue, List<ReviewQueue.Sampled>> coverage = q -> q.conversations().stream()
                .filter(c -> c.reason() == ReviewQueue.Reason.AGENT_COVERAGE).toList();
        ReviewQueue alone = new ReviewSampling(spark, DAY).draw(2, 0.5, 11);
        assertTrue(!coverage.apply(alone).isEmpty(), "without earlier queues every agent of the day is covered");

        ReviewQueue first = new ReviewSampling(spark, FIRST.toString()).draw(2, 0.5, 11);
        ReviewSampling.record(spark, warehouse(), first);
        chatqa.warehouse.WarehouseViews.register(spark, warehouse());
        ReviewQueue day = new ReviewSampling(spark, DAY).draw(2, 0.5, 11);
        for (ReviewQueue.Sampled c : coverage.apply(day)) {
            assertTrue(!agents.apply(first).contains(c.shopId() + "/" + c.agentId()), "drawn two days before, not again for coverage: " + c);
        }
        assertTrue(coverage.apply(day).size() < coverage.apply(alone).size(), "the earlier queue covered some of today's agents");
        java.util.Set<String> dayAgents = new java.util.HashSet<>(spark.sql("SELECT DISTINCT concat(shop_id, '/', coalesce(agent_id, '"
                + chatqa.warehouse.Scorecards.UNKNOWN_AGENT + "')) FROM conversations WHERE dt = DATE'" + DAY + "' AND qa_score IS NOT NULL")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        java.util.Set<String> twoDays = new java.util.HashSet<>(agents.apply(first));
        twoDays.addAll(agents.apply(day));
        assertTrue(twoDays.containsAll(dayAgents), "every agent of the day is in this week's queues: " + dayAgents + " vs " + twoDays);

        // A second draw of the day replaces the first in review_queue_latest; both stay in review_queue.
        ReviewSampling.record(spark, warehouse(), day);
        ReviewQueue redrawn = new ReviewSampling(spark, DAY).draw(3, 0.5, 12);
        ReviewSampling.record(spark, warehouse(), redrawn);
        SqlQuery sql = new SqlQuery(spark, warehouse());
        assertEquals((long) first.conversations().size() + day.conversations().size() + redrawn.conversations().size(),
                sql.run("SELECT count(*) FROM review_queue").first().getLong(0));
        assertEquals(java.util.Set.copyOf(redrawn.conversations().stream().map(ReviewQueue.Sampled::conversationId).toList()),
                java.util.Set.copyOf(sql.run("SELECT conversation_id FROM review_queue_latest WHERE dt = DATE'" + DAY + "'")
                        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()));

        // The digest's backlog: the latest queues' conversations without a verdict, counted by hand.
        java.util.Set<String> judged = new java.util.HashSet<>(sql.views().contains("reviews")
                ? sql.run("SELECT DISTINCT concat(cast(dt AS STRING), '|', conversation_id) FROM reviews").as(org.apache.spark.sql.Encoders.STRING())
                        .collectAsList() : List.of());
        long waitingFirst = first.conversations().stream().filter(c -> !judged.contains(FIRST + "|" + c.conversationId())).count();
        long waitingDay = redrawn.conversations().stream().filter(c -> !judged.contains(DAY + "|" + c.conversationId())).count();
        chatqa.publish.Digest.Backlog b = new DigestQueries(spark, DAY).read().backlog();
        assertEquals(waitingFirst + waitingDay, b.waiting());
        assertEquals(first.conversations().size(), b.days().get(0).queued(), b.days().toString());
        assertEquals(FIRST.toString(), b.days().get(0).day());
    }
}
