package chatqa.spark;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import chatqa.ingest.InputFile;
import chatqa.ingest.QuarantineReason;

/**
 * Row counts of a run, per file and in total, gathered from small aggregates (never the rows
 * themselves). They reconcile: read = accepted + quarantined, where duplicates count as
 * quarantined.
 */
record RunCounts(List<InputFile> files, Map<String, long[]> perFile, Map<String, String> encodings,
                 Map<String, Long> reasons, long duplicates) {
    private static final int READ = 0;
    private static final int ACCEPTED = 1;
    private static final int QUARANTINED = 2;

    static RunCounts collect(Dataset<Row> parsed, Dataset<Row> duplicates, List<InputFile> files) {
        Map<String, long[]> perFile = new HashMap<>();
        Map<String, Long> reasons = new TreeMap<>();
        Map<String, String> encodings = new HashMap<>();
        for (InputFile f : files) {
            perFile.put(f.path(), new long[3]);
        }
        for (Row r : parsed.groupBy("file", "kind", "reason", "encoding").count().collectAsList()) {
            String kind = r.getAs("kind");
            long n = r.getAs("count");
            long[] c = perFile.computeIfAbsent(r.getAs("file"), k -> new long[3]);
            switch (kind) {
                case RowCodec.KIND_MESSAGE -> {
                    c[READ] += n;
                    c[ACCEPTED] += n;
                }
                case RowCodec.KIND_QUARANTINE -> {
                    c[READ] += n;
                    c[QUARANTINED] += n;
                    reasons.merge(r.getAs("reason"), n, Long::sum);
                }
                default -> encodings.put(r.getAs("file"), r.getAs("encoding"));
            }
        }
        long dupTotal = 0;
        for (Row r : duplicates.groupBy(col("source_file")).count().collectAsList()) {
            long n = r.getAs("count");
            long[] c = perFile.computeIfAbsent(r.getAs("source_file"), k -> new long[3]);
            c[ACCEPTED] -= n;
            c[QUARANTINED] += n;
            dupTotal += n;
        }
        if (dupTotal > 0) {
            reasons.merge(QuarantineReason.DUPLICATE_MESSAGE.code(), dupTotal, Long::sum);
        }
        return new RunCounts(files, perFile, encodings, reasons, dupTotal);
    }

    long rowsRead() {
        return perFile.values().stream().mapToLong(c -> c[READ]).sum();
    }

    long accepted() {
        return perFile.values().stream().mapToLong(c -> c[ACCEPTED]).sum();
    }

    long quarantined() {
        return perFile.values().stream().mapToLong(c -> c[QUARANTINED]).sum();
    }

    /** The run manifest row (schema {@link chatqa.warehouse.Tables#RUN}). */
    Row runRow(String runId, Instant started, Instant finished, double seconds, ScoreOptions o,
               long conversations, long scored, long agents) {
        Row[] inputs = files.stream().map(f -> {
            long[] c = perFile.get(f.path());
            return RowFactory.create(f.path(), f.sizeBytes(), f.sha256(), encodings.get(f.path()), c[READ], c[ACCEPTED], c[QUARANTINED]);
        }).toArray(Row[]::new);
        return RowFactory.create(runId, started, finished, seconds, Version.get(), o.timezone().getId(),
                org.apache.spark.sql.SparkSession.active().sparkContext().master(), o.ruleBook().source(),
                o.ruleBook().sha256(), o.mappingSource(), inputs, rowsRead(), accepted(), quarantined(), duplicates,
                conversations, scored, agents);
    }
}
