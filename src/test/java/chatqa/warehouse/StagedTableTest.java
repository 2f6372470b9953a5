package chatqa.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.job.TestSpark;
import chatqa.warehouse.Tables;

/**
 * Tables written from tasks: what a failed attempt leaves (nothing a reader sees), what two
 * finished attempts of one partition leave (one part), and that the files read back like a
 * DataFrame's.
 */
@Tag("spark")
class StagedTableTest {
    @TempDir
    static Path tmp;

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.get();
    }

    private static Row quarantined(long line, String raw) {
        return RowFactory.create("chats.csv", line, "bad_timestamp", "sent_at", "not a time", raw);
    }

    private static List<String> parts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).sorted().toList();
        }
    }

    @Test
    void aFailedAttemptLeavesNothingAndOfTwoFinishedAttemptsOnePartStays() throws IOException {
        Path dir = tmp.resolve("quarantine");
        StagedTable table = StagedTable.prepare(spark, dir.toString(), QuarantineTable.TABLE.schema(), Set.of("raw"));

        StagedTable.Writer failed = table.open(3, 0, "run1");
        failed.write(quarantined(1, "half written"));
        failed.abort();
        assertEquals(List.of(), Files.exists(dir) ? parts(dir) : List.of(), "an aborted attempt leaves no part");

        StagedTable.Writer first = table.open(3, 1, "run1");
        first.write(quarantined(1, "a"));
        first.write(quarantined(2, "b"));
        first.commit();
        StagedTable.Writer retried = table.open(3, 2, "run1");
        retried.write(quarantined(1, "a"));
        retried.write(quarantined(2, "b"));
        retried.commit();
        StagedTable.Writer other = table.open(4, 0, "run1");
        other.write(quarantined(9, "c"));
        other.commit();
        table.open(5, 0, "run1").commit();

        assertEquals(2, parts(dir).size(), "one part per partition that had rows: " + parts(dir));
        List<Row> back = spark.read().parquet(dir.toString()).orderBy("source_line").collectAsList();
        assertEquals(List.of(1L, 2L, 9L), back.stream().map(r -> r.getLong(1)).toList());
        assertEquals(QuarantineTable.TABLE.schema().asNullable(), spark.read().parquet(dir.toString()).schema());
        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".inprogress")), "no in-progress file stays");
        }
    }

    @Test
    void nestedColumnsAndTimestampsReadBackAsWritten() throws IOException {
        Path dir = tmp.resolve("messages");
        StagedTable table = StagedTable.prepare(spark, dir.toString(), MessagesTable.TABLE.schema(), Set.of("text"));
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        StagedTable.Writer w = table.open(0, 0, "run2");
        w.write(RowFactory.create("C1", "m1", 1, at, "customer", null, "u1", "s1", "在吗", new String[] {"在", "吗"}, 2,
                -0.25, "neutral", "在吗(+0.4)", "chats.csv", 2L));
        w.commit();
        Row r = spark.read().parquet(dir.toString()).collectAsList().get(0);
        assertEquals(at, r.getAs("sent_at"));
        assertEquals(List.of("在", "吗"), r.getList(r.fieldIndex("words")));
        assertEquals(-0.25, (Double) r.getAs("sentiment"));
    }

    @Test
    void aFreeTextColumnMustBeAColumnOfTheTable() {
        assertThrows(IllegalArgumentException.class,
                () -> StagedTable.prepare(spark, tmp.resolve("x").toString(), QuarantineTable.TABLE.schema(), Set.of("txet")));
    }
}
