package chatqa.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.spark.sql.SparkSession;

import chatqa.privacy.PersonalDataMask;
import chatqa.publish.DayReport;
import chatqa.publish.DigestWriter;
import chatqa.publish.HtmlReport;
import chatqa.publish.Words;
import chatqa.warehouse.WarehouseViews;

/**
 * Builds {@code reports/<day>/} (overview, agent pages, charts, the digest) from what the warehouse holds for
 * the day, so a report can be regenerated at any time without scoring again.
 */
public final class SupervisorReport {
    private SupervisorReport() {
    }

    public static HtmlReport.Written publish(SparkSession spark, String warehouse, String reports, String day, Words words) throws IOException {
        return publish(spark, warehouse, reports, day, words, false);
    }

    /** @param agentPng draw the agents' charts as PNG too */
    public static HtmlReport.Written publish(SparkSession spark, String warehouse, String reports, String day, Words words, boolean agentPng)
            throws IOException {
        WarehouseViews.register(spark, warehouse);
        if (!spark.catalog().tableExists("agent_scorecards")
                || spark.sql("SELECT 1 FROM agent_scorecards WHERE dt = DATE'" + day + "' LIMIT 1").isEmpty()) {
            throw new IOException("the warehouse " + warehouse + " has no scored day " + day + ": run `chatqa score --date " + day + "` first");
        }
        Progress.say("building the report for %s", day);
        ReportQueries queries = new ReportQueries(spark, day);
        DayReport report = queries.read();
        Progress.say("read the day's figures: %d agent(s); writing their pages", report.agents().size());
        String generatedAt = ZonedDateTime.now(ZoneId.of(spark.conf().get("spark.sql.session.timeZone")))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
        HtmlReport.Written written = new HtmlReport(PersonalDataMask.standard(), words, agentPng).write(report, new ReportEvidence(spark, day).read(),
                Path.of(reports, day), generatedAt);
        java.util.Map<String, String> pages = new java.util.HashMap<>();
        report.pages().forEach(p -> pages.put(p.key(), p.fileName()));
        new DigestWriter(words, PersonalDataMask.standard()).write(new DigestQueries(spark, day).read(), pages, Path.of(reports, day));
        written.warnings().forEach(w -> Progress.say("warning: %s", w));
        return written;
    }
}
