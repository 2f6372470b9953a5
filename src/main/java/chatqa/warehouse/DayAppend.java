package chatqa.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

/**
 * Appends rows to a table no scoring run writes (the reviews, the review queue): each day's rows
 * are written as one Parquet file beside the table, then every file is moved into its day folder
 * under the name {@code part-<id>.parquet}. A failure while writing leaves the table as it was;
 * nothing already there is overwritten, so a later append supersedes only through the views.
 */
public final class DayAppend {
    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    private DayAppend() {
    }

    /** A new append's id: its time (sorting as the appends happened) and 8 random hex digits. */
    public static String newId(java.time.Instant at) {
        return STAMP.format(at) + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    public static <T> void append(SparkSession spark, String warehouse, Table<T> table, Map<String, List<T>> byDay, String id)
            throws IOException {
        Path root = Path.of(warehouse, table.name());
        Path staging = root.resolve(".append-" + id);
        Map<String, Path> ready = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, List<T>> e : byDay.entrySet()) {
                Path out = staging.resolve(e.getKey());
                spark.createDataFrame(e.getValue().stream().map(table::row).toList(), table.schema()).coalesce(1).write().parquet(out.toString());
                try (Stream<Path> files = Files.list(out)) {
                    ready.put(e.getKey(), files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                            .orElseThrow(() -> new IOException("no Parquet file written for " + table.name() + " " + e.getKey())));
                }
            }
            for (Map.Entry<String, Path> e : ready.entrySet()) {
                Path day = Files.createDirectories(root.resolve("dt=" + e.getKey()));
                Files.move(e.getValue(), day.resolve("part-" + id + ".parquet"), StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(staging.toUri());
            p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
        }
    }
}
