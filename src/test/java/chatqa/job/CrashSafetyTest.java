package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.cli.ChatQa;
import chatqa.warehouse.SqlQuery;
import chatqa.warehouse.Tables;

/**
 * Kills the scoring job in a child JVM — by SIGKILL while it stages its tables, and by a halt
 * between the renames of its commit — and checks that the other day is untouched, the killed
 * day is either as before or, once anyone opens the warehouse, entirely the new run's, and a
 * re-run gives the same tables as a run that was never interrupted.
 */
@Tag("spark")
class CrashSafetyTest {
    private static final String OTHER_DAY = "2026-11-20";
    private static final String DAY = "2026-11-21";
    /** Tables whose rows depend only on the input (runs holds ids and times). */
    private static final List<String> DATA_TABLES = Tables.ALL.stream().filter(t -> !t.equals(Tables.RUNS)).toList();

    @TempDir
    static Path tmp;

    private static Path newInput;
    private static Map<String, List<String>> cleanRun;
    private static SparkSession spark;

    @BeforeAll
    static void scoreBothDaysAndARunThatWasNeverKilled() throws IOException {
        assertEquals(0, ChatQa.run("score", "--input", fixture("day1"), "--date", OTHER_DAY, "--warehouse", warehouse(),
                "--reports", tmp.resolve("reports").toString(), "--no-report", "--master", "local[2]"));
        assertEquals(0, ChatQa.run("score", "--input", fixture("day2"), "--date", DAY, "--warehouse", warehouse(),
                "--reports", tmp.resolve("reports").toString(), "--no-report", "--master", "local[2]"));
        // The re-scored day: the same file plus a second conversation, so new output differs from old.
        newInput = Files.createDirectories(tmp.resolve("day2-resent"));
        Files.copy(Path.of(fixture("day2"), "shop-s1.jsonl"), newInput.resolve("shop-s1.jsonl"));
        Files.writeString(newInput.resolve("late.jsonl"), """
                {"conversation_id":"D9","sent_at":"2026-11-21T20:00:00+08:00","sender_role":"customer","customer_id":"u9","shop_id":"s1","text":"还没发货吗"}
                {"conversation_id":"D9","sent_at":"2026-11-21T20:00:30+08:00","sender_role":"agent","agent_id":"a2","customer_id":"u9","shop_id":"s1","text":"亲，抱歉，今天就发"}
                """);
        assertEquals(0, ChatQa.run("score", "--input", newInput.toString(), "--date", DAY, "--warehouse", tmp.resolve("clean").toString(),
                "--reports", tmp.resolve("clean-reports").toString(), "--no-report", "--master", "local[2]"));
        spark = TestSpark.get();
        cleanRun = rows(tmp.resolve("clean").toString());
    }

    private static String warehouse() {
        return tmp.resolve("warehouse").toString();
    }

    private static String fixture(String name) {
        try {
            return Path.of(CrashSafetyTest.class.getResource("/fixtures/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void killedAnywhereTheDayIsOldOrNewNeverMixedAndOtherDaysAreUntouched() throws Exception {
        Map<String, String> otherDay = hashes(OTHER_DAY);
        Map<String, String> before = hashes(DAY);

        // 1. SIGKILL while the tables are being written to staging: nothing of the day changes.
        Process p = child();
        Path staging = Path.of(warehouse(), "_staging");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (p.isAlive() && !stagedAnything(staging) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the child was still running when its staging appeared");
        p.destroyForcibly().waitFor(); // SIGKILL on Unix
        assertEquals(before, hashes(DAY), "a run killed before its commit changes nothing of its day");
        assertEquals(otherDay, hashes(OTHER_DAY));

        // 2. Halted after 3 of the 7 renames of its commit: whoever opens the warehouse next finishes it.
        Process halted = child("-Dchatqa.fault.halt-after-swaps=3");
        assertTrue(halted.waitFor(5, TimeUnit.MINUTES));
        assertEquals(137, halted.exitValue(), "halted in the commit");
        assertTrue(Files.exists(staging), "the journal and the rest of the commit are still staged");
        assertEquals(otherDay, hashes(OTHER_DAY));
        new SqlQuery(spark, warehouse()); // any reader recovers first
        assertFalse(Files.exists(staging), "the commit was finished and the dead run's staging removed");
        assertEquals(cleanRun, rows(warehouse()), "after recovery the day is exactly the new run's");
        assertEquals(otherDay, hashes(OTHER_DAY));

        // 3. Re-running gives the same tables as the run that was never killed.
        assertEquals(0, child().waitFor());
        assertEquals(cleanRun, rows(warehouse()));
        assertEquals(otherDay, hashes(OTHER_DAY));
    }

    private static boolean stagedAnything(Path staging) throws IOException {
        if (!Files.exists(staging)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }

    /** {@code chatqa score} of the re-sent day in a JVM of its own. */
    private static Process child(String... jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens")).toList());
        cmd.add("-Xmx1g");
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "chatqa.cli.ChatQa", "score", "--input", newInput.toString(),
                "--date", DAY, "--warehouse", warehouse(), "--reports", tmp.resolve("reports").toString(), "--no-report", "--master", "local[1]"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + System.nanoTime() + ".log").toFile()).start();
    }

    /** SHA-256 of every file of a day's partitions, by path. */
    private static Map<String, String> hashes(String day) throws IOException, NoSuchAlgorithmException {
        Map<String, String> out = new TreeMap<>();
        for (String table : Tables.ALL) {
            Path dir = Path.of(warehouse(), table, "dt=" + day);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.put(Path.of(warehouse()).relativize(f).toString(),
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                }
            }
        }
        return out;
    }

    /** The day's rows of every data table as sorted strings, and the run's counts. */
    private static Map<String, List<String>> rows(String warehouse) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : DATA_TABLES) {
            out.put(table, spark.read().parquet(warehouse + "/" + table + "/dt=" + DAY).collectAsList().stream()
                    .map(Row::toString).sorted().toList());
        }
        Row run = spark.read().parquet(warehouse + "/runs/dt=" + DAY).selectExpr("rows_read", "accepted", "quarantined", "conversations")
                .collectAsList().get(0);
        out.put("runs", List.of(run.toString()));
        return out;
    }
}
