package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.ingest.ExportMapping;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.warehouse.WarehouseLock;

/**
 * A scored day survives every run that should not replace it (issue "Never lose a scored day",
 * findings 1, 2, 5 and 6): an export chatqa cannot read, a --date the data disagrees with, a
 * second writer, a regex that fails on a message. Every file of the warehouse is compared byte
 * for byte before and after each refused run.
 */
@Tag("spark")
class FailedRunTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path warehouse;
    private static Map<String, String> scored;

    @BeforeAll
    static void scoreTheDay() throws IOException {
        spark = TestSpark.get();
        warehouse = tmp.resolve("warehouse");
        RunSummary first = new ScoreJob(spark).run(options(fixture("day1"), DAY, RuleBookLoader.loadDefault()));
        assertTrue(first.committed());
        scored = snapshot(warehouse);
    }

    private static ScoreOptions options(String input, LocalDate day, RuleBook book) {
        return options(input, day, book, warehouse);
    }

    private static ScoreOptions options(String input, LocalDate day, RuleBook book, Path into) {
        return new ScoreOptions(List.of(input), ExportMapping.canonical(), "canonical schema", book, SHANGHAI, day,
                into.toString(), tmp.resolve("reports").toString()).withoutHtmlReport();
    }

    private static String fixture(String name) {
        try {
            return Path.of(FailedRunTest.class.getResource("/fixtures/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under {@code root} (hidden ones included) and the SHA-256 of its bytes. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), sha256(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path export(String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in-" + name));
        Files.write(dir.resolve(name), bytes);
        return dir;
    }

    private static RunSummary refused(Path input, LocalDate day) throws IOException {
        RunSummary s = new ScoreJob(spark).run(options(input.toString(), day, RuleBookLoader.loadDefault()));
        assertFalse(s.committed(), s.render());
        assertEquals(scored, snapshot(warehouse), "every file of the warehouse as it was:\n" + s.render());
        assertTrue(Files.exists(s.rejectedRows()), s.render());
        assertEquals(s.quarantined() + 1, Files.readAllLines(s.rejectedRows()).size(), "a header and every quarantined row");
        assertTrue(s.render().contains("NOT COMMITTED") && s.render().contains("unchanged"), s.render());
        return s;
    }

    @Test
    void aUtf16ExportWithChineseHeadersLeavesTheDayAndSaysWhichMappingItNeeds() throws IOException {
        String text = "会话ID,时间,发送方,客服,内容\r\nC9,2026-11-20 10:00:00,顾客,,在吗\r\nC9,2026-11-20 10:00:05,客服,a1,您好\r\n";
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));

        RunSummary s = refused(export("x.csv", utf16), DAY);

        assertEquals(2, s.rowsRead(), "two rows, not a row per half line");
        assertEquals(0, s.accepted());
        assertTrue(s.diagnoses().get(0).contains("it looks like a mapping with columns: conversation_id: 会话ID, sent_at: 时间"),
                s.diagnoses().toString());
    }

    @Test
    void anExcelWorkbookSavedAsCsvIsNamed() throws IOException {
        byte[] xlsx = "PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml\u0000xl/workbook.xml".getBytes(StandardCharsets.ISO_8859_1);

        RunSummary s = refused(export("export.csv", xlsx), DAY);

        assertTrue(s.diagnoses().get(0).endsWith("this is an Excel workbook (.xlsx), not a text export: name it .xlsx (workbooks are "
                + "read by their name), or save it as \"CSV UTF-8\" in Excel"), s.diagnoses().toString());
    }

    @Test
    void aWorkbookBesideTheExportsIsNamedAndPassedOver() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("with-workbook"));
        Files.copy(Path.of(fixture("day1")).resolve("shop-s1.csv"), input.resolve("shop-s1.csv"));
        Files.write(input.resolve("客服聊天.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});

        RunSummary s = new ScoreJob(spark).run(options(input.toString(), DAY, RuleBookLoader.loadDefault(), tmp.resolve("own")));

        assertTrue(s.committed(), s.render());
        assertEquals(1, s.files());
        assertEquals(List.of(input.resolve("客服聊天.xls") + ": skipped, an old Excel workbook: save it as \"CSV UTF-8\" (chatqa reads CSV, "
                + "TSV, JSON Lines and .xlsx)"), s.warnings());
    }

    @Test
    void timesOfDayWithoutADateAreRefusedWithoutDateAndDatedWithIt() throws IOException {
        Path input = export("t.csv", ("conversation_id,sent_at,sender_role,agent_id,customer_id,shop_id,text\n"
                + "C1,10:00:00,customer,,u1,s1,在吗\nC1,10:00:05,agent,a1,u1,s1,您好\n").getBytes(StandardCharsets.UTF_8));

        RunSummary without = refused(input, null);

        assertTrue(without.diagnoses().get(0).contains("timestamps are times of day without a date (10:00:00): pass --date"),
                without.diagnoses().toString());
        assertTrue(without.examples().get(0).startsWith("bad_timestamp: " + input.resolve("t.csv") + ":2 (sent_at)"),
                without.examples().toString());
    }

    @Test
    void aDateTheDataDisagreesWithIsRefused() throws IOException {
        RunSummary s = new ScoreJob(spark).run(options(fixture("day1"), DAY.minusDays(5), RuleBookLoader.loadDefault()));

        assertFalse(s.committed());
        assertTrue(s.refusals().get(0).startsWith("--date 2026-11-15 disagrees with the data"), s.refusals().toString());
        assertEquals(scored, snapshot(warehouse));
        assertFalse(Files.exists(warehouse.resolve("conversations").resolve("dt=2026-11-15")));
    }

    @Test
    void aSecondWriterIsRefusedNamingTheHolder() throws IOException {
        try (WarehouseLock held = WarehouseLock.acquire(warehouse.toString(), spark.sparkContext().hadoopConfiguration(), "other-run",
                Duration.ZERO)) {
            WarehouseLock.Held e = assertThrows(WarehouseLock.Held.class,
                    () -> new ScoreJob(spark).run(options(fixture("day1"), DAY, RuleBookLoader.loadDefault())));
            assertTrue(e.getMessage().contains("is being written by another run (run other-run of process "), e.getMessage());
        }
        assertEquals(scored, snapshot(warehouse));
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOver() throws IOException {
        Path lock = warehouse.resolve("_LOCK");
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Files.writeString(lock, host + " " + Long.MAX_VALUE + "\ndead-run\n2026-11-20T00:00:00Z\n");

        try (WarehouseLock taken = WarehouseLock.acquire(warehouse.toString(), spark.sparkContext().hadoopConfiguration(), "mine",
                Duration.ZERO)) {
            assertTrue(Files.readString(lock).contains("\nmine\n"));
        }
        assertFalse(Files.exists(lock), "released after the run");
    }

    @Test
    void aRegexThatOverflowsOnOneMessageIsCountedNotFatal() throws IOException {
        RuleBook book = RuleBookLoader.parse("""
                version: 1
                rules:
                  - id: greeting.hello
                    category: greeting
                    role: agent
                    position: first_agent_message
                    phrases: [您好]
                    points: 5
                  - id: red_line.echo
                    category: red_line
                    role: agent
                    position: any
                    expect: absent
                    regex: '(a|a)+b'
                    fatal: true
                """, "echo.yaml");
        Path input = export("long.csv", ("conversation_id,sent_at,sender_role,agent_id,customer_id,shop_id,text\n"
                + "L1,2026-11-21 10:00:00,customer,,u1,s1,在吗\nL1,2026-11-21 10:00:05,agent,a1,u1,s1,您好 " + "a".repeat(5_000) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Path own = tmp.resolve("regex-warehouse");
        ScoreOptions o = options(input.toString(), LocalDate.of(2026, 11, 21), book, own);

        RunSummary s = new ScoreJob(spark).run(o);

        assertTrue(s.committed(), s.render());
        assertEquals(Map.of("red_line.echo", 1L), s.ruleErrors());
        assertTrue(s.render().contains("rule errors   red_line.echo 1"), s.render());
        var errors = spark.read().parquet(own.resolve("quarantine").resolve("dt=2026-11-21").toString())
                .where("reason = 'rule_error'").collectAsList();
        assertEquals(1, errors.size());
        assertEquals("red_line.echo", errors.get(0).getAs("field"));
        assertEquals(3L, (long) errors.get(0).getAs("source_line"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
