package chatqa.job;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import chatqa.config.Version;
import chatqa.ingest.InputFile;
import chatqa.warehouse.RunsTable;

/**
 * Row counts of a run, per file and in total, gathered from the scoring tasks' tallies (never the rows
 * themselves). They reconcile: read = accepted + quarantined, where duplicates count as
 * quarantined.
 */
record RunCounts(List<InputFile> files, Map<String, long[]> perFile, Map<String, String> encodings,
                 Map<String, Long> reasons, long duplicates) {
    private static final int READ = RunTally.READ;
    private static final int ACCEPTED = RunTally.ACCEPTED;
    private static final int QUARANTINED = RunTally.QUARANTINED;

    static RunCounts of(RunTally tally, List<InputFile> files) {
        Map<String, long[]> perFile = new HashMap<>(tally.perFile);
        for (InputFile f : files) {
            perFile.putIfAbsent(f.path(), new long[3]);
        }
        return new RunCounts(files, perFile, tally.encodings, tally.reasons, tally.duplicates);
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

    /** The run's manifest, for the {@code runs} table. */
    RunsTable.Manifest manifest(String runId, Instant started, Instant finished, double seconds, ScoreOptions o,
                                long conversations, long scored, long agents) {
        List<RunsTable.Input> inputs = files.stream().map(f -> {
            long[] c = perFile.get(f.path());
            return new RunsTable.Input(f.path(), f.sizeBytes(), f.sha256(), encodings.get(f.path()), c[READ], c[ACCEPTED], c[QUARANTINED]);
        }).toList();
        return new RunsTable.Manifest(runId, started, finished, seconds, Version.get(), o.timezone().getId(),
                org.apache.spark.sql.SparkSession.active().sparkContext().master(), o.ruleBook().source(),
                o.ruleBook().sha256(), o.mappingSource() + (o.ratings().any() ? "; ratings: " + o.ratings().mapping().source() : ""), inputs, rowsRead(), accepted(), quarantined(), duplicates,
                conversations, scored, agents, o.ruleBook().slaSeconds());
    }
}
