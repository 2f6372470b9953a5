package chatqa.job;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;

import chatqa.publish.HtmlReport;
import chatqa.publish.Words;
import chatqa.warehouse.SqlQuery;

/**
 * The Spark session of one command, and what a command can do with it: score days, rebuild a
 * report, answer a query. Commands hold one of these instead of Spark itself, so Spark stays in
 * the job and warehouse packages; closing it stops Spark.
 */
public final class Session implements AutoCloseable {
    private final SparkSession spark;

    private Session(SparkSession spark) {
        this.spark = spark;
    }

    /** A session on {@code master} (null: local[*] or spark-submit's), showing times in {@code timezone}. */
    public static Session open(String master, String timezone) {
        return new Session(SparkSessions.create(master, timezone));
    }

    public RunSummary score(ScoreOptions options) throws IOException {
        return new ScoreJob(spark).run(options);
    }

    public HtmlReport.Written report(String warehouse, String reports, String day, Words words, boolean agentPng) throws IOException {
        return SupervisorReport.publish(spark, warehouse, reports, day, words, agentPng);
    }

    /** Runs one read-only query over the warehouse and prints or writes its result. */
    public void query(String warehouse, String sql, QueryOutput.Format output, Path out, int limit, PrintStream stdout) throws IOException {
        SqlQuery q = new SqlQuery(spark, warehouse);
        QueryOutput.write(q.run(sql), output, out, limit, stdout);
    }

    /** The interactive prompt over the warehouse: registered once, then query after query from {@code in}. */
    public int prompt(String warehouse, QueryOutput.Format output, int limit, SqlPrompt.Lines in, PrintStream stdout) throws IOException {
        return new SqlPrompt(new SqlQuery(spark, warehouse), output, limit).run(in, stdout);
    }

    /** The day's review queue, drawn from the warehouse ({@link ReviewSampling}). */
    public chatqa.publish.ReviewQueue reviewQueue(String warehouse, String day, int size, double controlShare, long seed) throws IOException {
        chatqa.warehouse.WarehouseViews.register(spark, warehouse);
        if (!spark.catalog().tableExists("conversations")
                || spark.sql("SELECT 1 FROM conversations WHERE dt = DATE'" + day + "' LIMIT 1").isEmpty()) {
            throw new IOException("the warehouse " + warehouse + " has no scored day " + day + ": run `chatqa score --date " + day + "` first");
        }
        return new ReviewSampling(spark, day).draw(size, controlShare, seed);
    }

    /** Keeps a drawn queue in the warehouse's review_queue table; returns the draw id ({@link ReviewSampling#record}). */
    public String recordReviewQueue(String warehouse, chatqa.publish.ReviewQueue queue) throws IOException {
        return ReviewSampling.record(spark, warehouse, queue);
    }

    /** Imports a filled review workbook into the reviews table ({@link ReviewImport}). */
    public ReviewImport.Outcome importReviews(String warehouse, Path file) throws IOException {
        return new ReviewImport(spark, warehouse).run(file);
    }

    /** Scores stored days again with another rule book and compares ({@link RulesDiff}); the warehouse is not written. */
    public RulesDiff.Outcome rulesDiff(String warehouse, chatqa.rules.RuleBook book, String from, String to, Path folder,
                                       chatqa.publish.Words words) throws IOException {
        return new RulesDiff(spark).run(warehouse, book, from, to, folder, words);
    }

    @Override
    public void close() {
        spark.stop();
    }
}
