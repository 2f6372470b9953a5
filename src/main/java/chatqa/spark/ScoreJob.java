package chatqa.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.apache.spark.sql.types.StructType;

import chatqa.ingest.InputFile;
import chatqa.publish.HtmlReport;
import chatqa.warehouse.AgentScenarios;
import chatqa.warehouse.DayPartitions;
import chatqa.warehouse.Scorecards;
import chatqa.warehouse.Tables;

/**
 * The nightly scoring job, one pass over the data: parse every export file into accepted and
 * quarantined rows, shuffle them by conversation key, and in each scoring task sessionize and
 * score one key's messages at a time, writing the messages, conversations, agent parts, rule
 * checks and quarantine straight into the run's staging folder (nothing is cached, nothing but
 * counts reaches the driver). The scorecards and scenario tables are then aggregated from the
 * staged parts, all tables are committed together, and the scorecard CSV and HTML report are
 * published.
 */
public final class ScoreJob {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final long SCORING_PARTITION_BYTES = 64L << 20;
    /** The tables the scoring tasks write as they score; the rest are aggregated from them afterwards. */
    private static final Map<String, StreamedTable> STREAMED = streamed();

    private final SparkSession spark;

    public ScoreJob(SparkSession spark) {
        this.spark = spark;
    }

    public RunSummary run(ScoreOptions o) throws IOException {
        long t0 = System.nanoTime();
        Instant started = Instant.now();
        String runId = RUN_ID.format(started) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (String d : DayPartitions.recover(o.warehouse(), conf)) {
            Progress.say("finished the commit of %s that an earlier run was killed in", d);
        }
        List<InputFile> files = InputListing.expand(o.inputs(), conf);
        if (files.isEmpty()) {
            throw new IOException("no export files (.csv .tsv .txt .jsonl .json .ndjson) under " + String.join(", ", o.inputs()));
        }
        Progress.say("reading %d file(s), %,d bytes", files.size(), files.stream().mapToLong(InputFile::sizeBytes).sum());

        DayPartitions partitions = new DayPartitions(o.warehouse(), runId, conf);
        try {
            return score(o, runId, started, t0, files, partitions);
        } catch (IOException | RuntimeException e) {
            partitions.discard();
            throw e;
        }
    }

    private RunSummary score(ScoreOptions o, String runId, Instant started, long t0, List<InputFile> files,
                             DayPartitions partitions) throws IOException {
        JavaRDD<Row> parsedRows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(files, files.size())
                .flatMap(new ExportParsing(o.mapping(), o.timezone(), started));
        Dataset<Row> parsed = spark.createDataFrame(parsedRows, Stages.PARSED);
        Column key = col("group_key");
        // The hash first: keys share long prefixes (the shop id), which defeats the sorter's
        // 8-byte prefix comparison; a 64-bit hash gives it a prefix that almost always decides.
        int scoring = scoringPartitions(files);
        Dataset<Row> grouped = (scoring > 0 ? parsed.repartition(scoring, key) : parsed.repartition(key))
                .sortWithinPartitions(xxhash64(key), key);

        Map<String, StagedTable> streamed = new LinkedHashMap<>();
        for (StreamedTable t : STREAMED.values()) {
            streamed.put(t.name(), StagedTable.prepare(spark, partitions.stagingPath(t.name()), t.schema(), t.freeText()));
        }
        Progress.say("scoring and writing %s", String.join(", ", streamed.keySet()));
        RunTally tally = RunTally.merge(grouped.toJavaRDD()
                .mapPartitions(new ConversationScoring(o.ruleBook(), o.maskWarehouse(), o.timezone(), runId, streamed))
                .collect());
        for (StagedTable t : streamed.values()) {
            stageIfEmpty(t);
        }
        String day = day(o, tally);
        long outsideDay = tally.startingOutside(LocalDate.parse(day));
        Progress.say("scored day %s", day);

        Dataset<Row> segments = spark.read().parquet(partitions.stagingPath(Tables.AGENT_SEGMENTS));
        Dataset<Row> hits = spark.read().parquet(partitions.stagingPath(Tables.RULE_HITS));
        stage(partitions, Tables.AGENT_SCORECARDS, Scorecards.compute(segments, o.ruleBook().slaSeconds()).coalesce(1));
        stage(partitions, Tables.AGENT_SCENARIOS, AgentScenarios.compute(segments, hits).coalesce(1));

        RunCounts counts = RunCounts.of(tally, files);
        long agents = spark.read().parquet(partitions.stagingPath(Tables.AGENT_SCORECARDS)).count();
        Instant finished = Instant.now();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Row run = counts.runRow(runId, started, finished, seconds, o, tally.conversations, tally.scored, agents);
        stage(partitions, Tables.RUNS, spark.createDataFrame(List.of(run), Tables.RUN).coalesce(1));

        partitions.commit(day, Tables.ALL);
        Progress.say("committed %s to %s", day, o.warehouse());

        Path csv = ScorecardReport.write(spark.read().parquet(partitions.partitionPath(Tables.AGENT_SCORECARDS, day)),
                Path.of(o.reports(), day), day);
        HtmlReport.Written report = SupervisorReport.publish(spark, o.warehouse(), o.reports(), day);
        return new RunSummary(runId, day, files.size(), counts.rowsRead(), counts.accepted(), counts.quarantined(),
                counts.reasons(), tally.conversations, tally.scored, outsideDay, agents, byCount(tally.outcomes),
                o.warehouse(), csv, report.index(), (System.nanoTime() - t0) / 1e9, byCount(tally.scenarios));
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

    private static Map<String, StreamedTable> streamed() {
        Map<String, StreamedTable> m = new LinkedHashMap<>();
        for (StreamedTable t : List.of(
                new StreamedTable(Tables.MESSAGES, Tables.MESSAGE, Set.of("message_id", "text", "sentiment_explanation")),
                new StreamedTable(Tables.CONVERSATIONS, Tables.CONVERSATION, Set.of("conversation_id", "outcome_evidence")),
                new StreamedTable(Tables.AGENT_SEGMENTS, Tables.AGENT_SEGMENT, Set.of()),
                new StreamedTable(Tables.RULE_HITS, Tables.RULE_HIT, Set.of("matched_text", "evidence")),
                new StreamedTable(Tables.QUARANTINE, Tables.QUARANTINED, Set.of("detail", "raw")))) {
            m.put(t.name(), t);
        }
        return m;
    }

    /**
     * A table the scoring tasks write, and its free-text columns: nearly every value differs, so
     * a Parquet dictionary and min/max statistics cost time on every row and buy nothing.
     */
    private record StreamedTable(String name, StructType schema, Set<String> freeText) {
    }

    /** The day given, or the day most conversations start on. */
    private static String day(ScoreOptions o, RunTally tally) throws IOException {
        if (o.day() != null) {
            return o.day().toString();
        }
        return tally.busiestDay().map(LocalDate::toString).orElseThrow(() -> new IOException(
                "the input has no timestamps, so the day cannot be derived: pass --date YYYY-MM-DD"));
    }
}
