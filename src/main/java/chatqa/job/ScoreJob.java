package chatqa.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import chatqa.ingest.InputFile;
import chatqa.warehouse.AgentScenarios;
import chatqa.warehouse.AgentSegmentsTable;
import chatqa.warehouse.CommitGate;
import chatqa.warehouse.ConversationsTable;
import chatqa.warehouse.DayPartitions;
import chatqa.warehouse.MessagesTable;
import chatqa.warehouse.QuarantineTable;
import chatqa.warehouse.RuleHitsTable;
import chatqa.warehouse.RunsTable;
import chatqa.warehouse.Scorecards;
import chatqa.warehouse.StagedTable;
import chatqa.warehouse.Table;
import chatqa.warehouse.Tables;
import chatqa.warehouse.WarehouseLock;

/**
 * The nightly scoring job, one pass over the data: parse every export file into accepted and
 * quarantined rows, shuffle them by conversation key, and in each scoring task sessionize and
 * score one key's messages at a time, writing the messages, conversations, agent parts, rule
 * checks and quarantine straight into the run's staging folder (nothing is cached, nothing but
 * counts reaches the driver). The scorecards and scenario tables are then aggregated from the
 * staged parts, all tables are committed together, and the scorecard CSV and HTML report are
 * published. A run whose rows fail the {@link CommitGate} (none or too few accepted, a --date
 * that disagrees with the data) commits nothing: its quarantined rows go to a CSV in the reports
 * folder, and the day's partitions stay byte for byte as they were. The whole run holds the
 * warehouse's {@link WarehouseLock}.
 */
public final class ScoreJob {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final long SCORING_PARTITION_BYTES = 64L << 20;
    /** The tables the scoring tasks write as they score; the rest are aggregated from them afterwards. */
    private static final List<Table<?>> STREAMED = List.of(MessagesTable.TABLE, ConversationsTable.TABLE, AgentSegmentsTable.TABLE,
            RuleHitsTable.TABLE, QuarantineTable.TABLE);

    private final SparkSession spark;

    public ScoreJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Scores the run and commits its day, or leaves the warehouse as it was and says why (the
     * summary's {@code committed} is false, its rejected rows are in the reports folder). Throws
     * {@link RunFailed}, carrying the summary so far, when the run fails after counting its rows.
     */
    public RunSummary run(ScoreOptions o) throws IOException {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        String runId = RUN_ID.format(started) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try (WarehouseLock lock = WarehouseLock.acquire(o.warehouse(), conf, runId, o.lockWait())) {
            for (String d : DayPartitions.recover(o.warehouse(), conf)) {
                Progress.say("finished the commit of %s that an earlier run was killed in", d);
            }
            InputListing.Listing listing = InputListing.expand(o.inputs(), conf,
                    o.mapping().format() == chatqa.ingest.ExportFormat.QIYU_ZIP);
            List<InputFile> files = listing.files();
            if (files.isEmpty()) {
                throw new IOException("no export files (.csv .tsv .txt .jsonl .json .ndjson) under " + String.join(", ", o.inputs())
                        + listing.skipped().stream().map(f -> "\n  " + ExportFindings.name(f)).reduce("", String::concat));
            }
            List<InputFile> ratings = ratingFiles(o, conf, files.size());
            Progress.say("reading %d file(s), %,d bytes%s", files.size(), files.stream().mapToLong(InputFile::sizeBytes).sum(),
                    ratings.isEmpty() ? "" : String.format(", and %d ratings file(s)", ratings.size()));
            DayPartitions partitions = new DayPartitions(o.warehouse(), runId, conf);
            try {
                return score(o, new Run(runId, started, t0, files, ratings, listing.skipped()), partitions);
            } catch (IOException | RuntimeException e) {
                partitions.discard();
                throw e;
            }
        }
    }

    /** The --ratings files, numbered after the exports so every input file of the run has its own index. */
    private static List<InputFile> ratingFiles(ScoreOptions o, Configuration conf, int first) throws IOException {
        if (!o.ratings().any()) {
            return List.of();
        }
        List<InputFile> out = new ArrayList<>();
        for (InputFile f : InputListing.expand(o.ratings().paths(), conf).files()) {
            out.add(new InputFile(f.path(), first + out.size(), f.sizeBytes(), f.sha256()));
        }
        if (out.isEmpty()) {
            throw new IOException("no ratings files under " + String.join(", ", o.ratings().paths()));
        }
        return out;
    }

    /** The identity and inputs of one run: its exports, and the ratings files joined onto them. */
    private record Run(String id, Instant started, long t0, List<InputFile> exports, List<InputFile> ratings, List<String> skipped) {
        double seconds() {
            return (System.nanoTime() - t0) / 1e9;
        }

        /** Every input file, whose rows the run's counts account for. */
        List<InputFile> files() {
            List<InputFile> all = new ArrayList<>(exports);
            all.addAll(ratings);
            return all;
        }
    }

    private RunSummary score(ScoreOptions o, Run run, DayPartitions partitions) throws IOException {
        RunTally tally = scoreAndStage(o, run, partitions);
        RunCounts counts = RunCounts.of(tally, run.files());
        ExportFindings findings = ExportFindings.of(tally, run.files(), o.mapping(), spark.sparkContext().hadoopConfiguration())
                .withSkipped(run.skipped());
        CommitGate.Decision decision = o.gate().judge(counts.rowsRead(), counts.accepted(), o.day(), tally.startDays);
        List<String> notes = new ArrayList<>(decision.notes());
        if (decision.day() != null) {
            long outsideDay = tally.startingOutside(decision.day());
            if (outsideDay > 0 && decision.commits()) {
                notes.add(String.format("%,d conversations start on another day; they are stored under %s", outsideDay, decision.day()));
            }
        }
        if (!run.ratings().isEmpty()) {
            long rows = run.ratings().stream().mapToLong(f -> counts.perFile().get(f.path())[RunTally.READ]).sum();
            notes.add(String.format("ratings: %,d of the %,d rows of %d ratings file(s) rated a conversation%s", tally.ratingsJoined, rows,
                    run.ratings().size(), tally.ratingsJoined < rows ? "; the others are quarantined (unmatched_rating, or unreadable)" : ""));
        }
        tally.timeOnlyDated.forEach((file, n) -> notes.add(String.format("%s: %,d times of day without a date were put on %s (--date)",
                ExportFindings.name(file), n, o.day())));
        Summary summary = new Summary(run, counts, tally, findings, notes, decision, o.warehouse());
        if (!decision.commits()) {
            Path rejected = RejectedRows.write(spark.read().parquet(partitions.stagingPath(Tables.QUARANTINE)),
                    Path.of(o.reports(), decision.day() == null ? "undated" : decision.day().toString()), run.id());
            partitions.discard();
            Progress.say("not committed: %s", String.join("; ", decision.refusals()));
            return summary.refused(rejected, run.seconds());
        }
        String day = decision.day().toString();
        long agents;
        try {
            agents = aggregate(o, partitions);
            Row manifest = RunsTable.TABLE.row(counts.manifest(run.id(), run.started(), Instant.now(), run.seconds(), o, tally.conversations,
                    tally.scored, agents));
            stage(partitions, Tables.RUNS, spark.createDataFrame(List.of(manifest), RunsTable.TABLE.schema()).coalesce(1));
            partitions.commit(day, Tables.ALL);
        } catch (IOException | RuntimeException e) {
            throw new RunFailed(summary.refused(null, run.seconds()), e);
        }
        Progress.say("committed %s to %s", day, o.warehouse());
        try {
            Path csv = ScorecardReport.write(spark.read().parquet(partitions.partitionPath(Tables.AGENT_SCORECARDS, day)),
                    Path.of(o.reports(), day), day, o.words());
            Path index = o.htmlReport() ? SupervisorReport.publish(spark, o.warehouse(), o.reports(), day, o.words()).index() : null;
            return summary.committed(agents, csv, index, run.seconds());
        } catch (IOException | RuntimeException e) {
            // The day is committed; only its report is missing, and `chatqa report` can build it again.
            throw new RunFailed(summary.committed(agents, null, null, run.seconds()), e);
        }
    }

    /** Parses, scores and writes the streamed tables into staging; returns what the tasks counted. */
    private RunTally scoreAndStage(ScoreOptions o, Run run, DayPartitions partitions) throws IOException {
        List<InputFile> files = run.files();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> parsedRows = jsc.parallelize(run.exports(), run.exports().size())
                .flatMap(new ExportParsing(o.mapping(), o.timezone(), run.started(), o.day()));
        if (!run.ratings().isEmpty()) {
            parsedRows = parsedRows.union(jsc.parallelize(run.ratings(), run.ratings().size())
                    .flatMap(new ExportParsing(o.ratings().mapping(), o.timezone(), run.started(), o.day(), true)));
        }
        Dataset<Row> parsed = spark.createDataFrame(parsedRows, ParsedRows.SCHEMA);
        Column key = col("group_key");
        // The hash first: keys share long prefixes (the shop id), which defeats the sorter's
        // 8-byte prefix comparison; a 64-bit hash gives it a prefix that almost always decides.
        int scoring = scoringPartitions(files);
        Dataset<Row> grouped = (scoring > 0 ? parsed.repartition(scoring, key) : parsed.repartition(key))
                .sortWithinPartitions(xxhash64(key), key);

        Map<String, StagedTable> streamed = new LinkedHashMap<>();
        for (Table<?> t : STREAMED) {
            streamed.put(t.name(), StagedTable.prepare(spark, partitions.stagingPath(t.name()), t.schema(), t.freeText()));
        }
        Progress.say("scoring and writing %s", String.join(", ", streamed.keySet()));
        RunTally tally = RunTally.merge(grouped.toJavaRDD()
                .mapPartitions(new ConversationScoring(o.ruleBook(), o.maskWarehouse(), o.storeWords(), o.timezone(), run.id(), streamed))
                .collect());
        for (StagedTable t : streamed.values()) {
            stageIfEmpty(t);
        }
        Progress.say("scored %,d conversations", tally.conversations);
        return tally;
    }

    /** Stages the scorecards and scenario tables, aggregated from the staged parts; returns the agents scored. */
    private long aggregate(ScoreOptions o, DayPartitions partitions) {
        Dataset<Row> segments = spark.read().parquet(partitions.stagingPath(Tables.AGENT_SEGMENTS));
        Dataset<Row> hits = spark.read().parquet(partitions.stagingPath(Tables.RULE_HITS));
        stage(partitions, Tables.AGENT_SCORECARDS, Scorecards.compute(segments, o.ruleBook().slaSeconds()).coalesce(1));
        stage(partitions, Tables.AGENT_SCENARIOS, AgentScenarios.compute(segments, hits).coalesce(1));
        return spark.read().parquet(partitions.stagingPath(Tables.AGENT_SCORECARDS)).count();
    }

    /** The parts of the summary known once the rows are counted. */
    private record Summary(Run run, RunCounts counts, RunTally tally, ExportFindings findings, List<String> notes,
                           CommitGate.Decision decision, String warehouse) {
        RunSummary committed(long agents, Path csv, Path report, double seconds) {
            return build(true, agents, csv, report, null, seconds);
        }

        RunSummary refused(Path rejected, double seconds) {
            return build(false, 0, null, null, rejected, seconds);
        }

        private RunSummary build(boolean committed, long agents, Path csv, Path report, Path rejected, double seconds) {
            return new RunSummary(run.id(), decision.day() == null ? null : decision.day().toString(), committed, run.files().size(),
                    counts.rowsRead(), counts.accepted(), counts.quarantined(), byCount(counts.reasons()), findings.examples(),
                    findings.diagnoses(), findings.warnings(), notes, decision.refusals(), tally.ruleErrors, tally.conversations,
                    tally.scored, agents, byCount(tally.outcomes), byCount(tally.scenarios), warehouse, csv, report, rejected, seconds);
        }
    }

    /**
     * Explicit partitions for large inputs, so each scoring task sorts about 64 MB of export text
     * and a retried task redoes little; 0 for small ones, where the session's shuffle partitions
     * (coalesced by adaptive execution) are plenty.
     */
    private int scoringPartitions(List<InputFile> files) {
        long bytes = files.stream().mapToLong(InputFile::sizeBytes).sum();
        int configured = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
        long wanted = (bytes + SCORING_PARTITION_BYTES - 1) / SCORING_PARTITION_BYTES;
        return wanted > configured ? (int) Math.min(wanted, 10_000) : 0;
    }

    /** A table no task wrote a row to still gets its schema, as a file with no rows. */
    private void stageIfEmpty(StagedTable table) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(table.directory());
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        FileStatus[] parts = fs.exists(dir) ? fs.listStatus(dir, p -> p.getName().startsWith("part-")) : new FileStatus[0];
        if (parts.length == 0) {
            spark.createDataFrame(List.of(), table.schema()).coalesce(1).write().mode(SaveMode.Overwrite).parquet(table.directory());
        }
    }

    private static Map<String, Long> byCount(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void stage(DayPartitions partitions, String table, Dataset<Row> data) {
        Progress.say("writing %s", table);
        data.write().mode(SaveMode.Overwrite).parquet(partitions.stagingPath(table));
    }

}
