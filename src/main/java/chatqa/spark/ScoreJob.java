package chatqa.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import chatqa.ingest.InputFile;
import chatqa.ingest.Sessionizer;
import chatqa.publish.HtmlReport;
import chatqa.warehouse.AgentScenarios;
import chatqa.warehouse.DayPartitions;
import chatqa.warehouse.Scorecards;
import chatqa.warehouse.Tables;

/**
 * The nightly scoring job: parse every export file into accepted and quarantined rows, group
 * messages by conversation key, sessionize and score each conversation in one pass, then write
 * the day's tables to staging, commit them together, and publish the scorecard CSV.
 */
public final class ScoreJob {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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

        JavaRDD<Row> parsedRows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(files, files.size())
                .flatMap(new ExportParsing(o.mapping(), o.timezone(), started));
        Dataset<Row> parsed = spark.createDataFrame(parsedRows, Stages.PARSED).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> bundles = parsed.where(col("kind").equalTo(RowCodec.KIND_MESSAGE))
                .groupByKey((MapFunction<Row, String>) r -> Sessionizer.key(r.getAs("shop_id"), r.getAs("conversation_id"),
                        r.getAs("customer_id")), Encoders.STRING())
                .flatMapGroups(new ConversationScoring(o.ruleBook(), o.maskWarehouse()), Encoders.row(Stages.BUNDLE))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> conversations = bundles.select(col("conversation.*"));
            String day = day(o, conversations);
            long outsideDay = conversations.where(col("started_at").isNotNull()
                    .and(to_date(col("started_at")).notEqual(lit(day).cast("date")))).count();
            Progress.say("scoring day %s", day);
            DayPartitions partitions = new DayPartitions(o.warehouse(), runId, day, conf);
            try {
                return write(o, runId, started, t0, files, parsed, bundles, conversations, day, outsideDay, partitions);
            } catch (IOException | RuntimeException e) {
                partitions.discard();
                throw e;
            }
        } finally {
            bundles.unpersist();
            parsed.unpersist();
        }
    }

    private RunSummary write(ScoreOptions o, String runId, Instant started, long t0, List<InputFile> files,
                             Dataset<Row> parsed, Dataset<Row> bundles, Dataset<Row> conversations, String day,
                             long outsideDay, DayPartitions partitions) throws IOException {
        Dataset<Row> messages = bundles.select(explode(col("messages")).as("m")).select(col("m.*"))
                .orderBy(col("conversation_id"), col("seq"));
        Dataset<Row> segments = bundles.select(explode(col("segments")).as("s")).select(col("s.*"))
                .orderBy(col("conversation_id"), col("segment"));
        Dataset<Row> hits = bundles.select(explode(col("hits")).as("h")).select(col("h.*"))
                .orderBy(col("conversation_id"), col("segment"), col("rule_id"));
        Dataset<Row> duplicates = bundles.select(explode(col("duplicates")).as("d")).select(col("d.*"));
        Dataset<Row> quarantine = parsed.where(col("kind").equalTo(RowCodec.KIND_QUARANTINE))
                .select(col("file").as("source_file"), col("line").as("source_line"), col("reason"), col("field"),
                        col("detail"), o.maskWarehouse() ? MaskedText.column(spark, col("raw")).as("raw") : col("raw"))
                .unionByName(duplicates)
                .orderBy(col("source_file"), col("source_line"));
        Dataset<Row> scorecards = Scorecards.compute(segments, o.ruleBook().slaSeconds());
        Dataset<Row> agentScenarios = AgentScenarios.compute(segments, hits);

        stage(partitions, Tables.MESSAGES, messages);
        stage(partitions, Tables.CONVERSATIONS, conversations.orderBy(col("conversation_id")));
        stage(partitions, Tables.AGENT_SEGMENTS, segments);
        stage(partitions, Tables.RULE_HITS, hits);
        stage(partitions, Tables.AGENT_SCORECARDS, scorecards.coalesce(1));
        stage(partitions, Tables.AGENT_SCENARIOS, agentScenarios.coalesce(1));
        stage(partitions, Tables.QUARANTINE, quarantine);

        RunCounts counts = RunCounts.collect(parsed, duplicates, files);
        long conversationCount = conversations.count();
        long scored = conversations.where(col("qa_score").isNotNull()).count();
        long agents = spark.read().parquet(partitions.stagingPath(Tables.AGENT_SCORECARDS)).count();
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (Row r : conversations.groupBy("outcome").count().orderBy(col("count").desc(), col("outcome")).collectAsList()) {
            outcomes.put(r.getAs("outcome"), r.getAs("count"));
        }
        Map<String, Long> scenarios = new LinkedHashMap<>();
        for (Row r : conversations.select(explode(col("scenarios")).as("scenario")).groupBy("scenario").count()
                .orderBy(col("count").desc(), col("scenario")).collectAsList()) {
            scenarios.put(r.getAs("scenario"), r.getAs("count"));
        }
        Instant finished = Instant.now();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Row run = counts.runRow(runId, started, finished, seconds, o, conversationCount, scored, agents);
        stage(partitions, Tables.RUNS, spark.createDataFrame(List.of(run), Tables.RUN).coalesce(1));

        partitions.commit(Tables.ALL);
        Progress.say("committed %s to %s", day, o.warehouse());

        Path csv = ScorecardReport.write(spark.read().parquet(partitions.partitionPath(Tables.AGENT_SCORECARDS)),
                Path.of(o.reports(), day), day);
        HtmlReport.Written report = SupervisorReport.publish(spark, o.warehouse(), o.reports(), day);
        return new RunSummary(runId, day, files.size(), counts.rowsRead(), counts.accepted(), counts.quarantined(),
                counts.reasons(), conversationCount, scored, outsideDay, agents, outcomes, o.warehouse(), csv,
                report.index(), (System.nanoTime() - t0) / 1e9, scenarios);
    }

    private static void stage(DayPartitions partitions, String table, Dataset<Row> data) {
        Progress.say("writing %s", table);
        data.write().mode(SaveMode.Overwrite).parquet(partitions.stagingPath(table));
    }

    /** The day given, or the day most conversations start on. */
    private static String day(ScoreOptions o, Dataset<Row> conversations) throws IOException {
        if (o.day() != null) {
            return o.day().toString();
        }
        List<Row> top = conversations.where(col("started_at").isNotNull())
                .groupBy(to_date(col("started_at")).as("d")).count()
                .orderBy(col("count").desc(), col("d")).limit(1).collectAsList();
        if (top.isEmpty()) {
            throw new IOException("the input has no timestamps, so the day cannot be derived: pass --date YYYY-MM-DD");
        }
        return ((LocalDate) top.get(0).getAs("d")).toString();
    }
}
