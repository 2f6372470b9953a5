package chatqa.job;

import static chatqa.job.ReportQueries.d;
import static chatqa.job.ReportQueries.n;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import chatqa.publish.DayReport.AgentPage;
import chatqa.publish.DayReport.Bin;
import chatqa.publish.DayReport.DayPoint;
import chatqa.warehouse.Scorecards;

/**
 * The report's distributions and trend lines from the warehouse: the day's QA-score and
 * first-response histograms, counted in SQL, and the team's and each agent's last
 * {@link #TREND_DAYS} scored days, from the scorecards' own definitions.
 */
final class ReportSeries {
    /** Scored days on trend charts. */
    static final int TREND_DAYS = 30;
    /** First-response bands in seconds: log-spaced, with the usual SLA tiers as edges. */
    static final double[] FRT_EDGES = {0, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600};

    private final SparkSession spark;
    private final String day;

    ReportSeries(SparkSession spark, String day) {
        this.spark = spark;
        this.day = day;
    }

    /** Agent parts per 5-point QA band; 100 falls in the last band [95, 100]. */
    List<Bin> qaHistogram() {
        long[] counts = new long[20];
        for (Row r : sql("SELECT least(CAST(floor(qa_score / 5) AS INT), 19) AS b, count(*) AS n FROM agent_segments WHERE dt = DATE'"
                + day + "' AND qa_score IS NOT NULL GROUP BY 1")) {
            counts[Math.max(0, r.<Integer>getAs("b"))] += n(r, "n");
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            bins.add(new Bin(5.0 * i, 5.0 * i + 5, counts[i]));
        }
        return bins;
    }

    /** First responses per band of {@link #FRT_EDGES}; the last band is open. */
    List<Bin> frtHistogram() {
        StringBuilder band = new StringBuilder("CASE");
        for (int i = FRT_EDGES.length - 1; i >= 1; i--) {
            band.append(" WHEN response_s >= ").append(FRT_EDGES[i]).append(" THEN ").append(i);
        }
        band.append(" ELSE 0 END");
        long[] counts = new long[FRT_EDGES.length];
        for (Row r : sql("SELECT " + band + " AS b, count(*) AS n FROM agent_segments WHERE dt = DATE'" + day
                + "' AND response_kind = 'first_response' AND response_s IS NOT NULL GROUP BY 1")) {
            counts[r.<Integer>getAs("b")] += n(r, "n");
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < FRT_EDGES.length; i++) {
            bins.add(new Bin(FRT_EDGES[i], i + 1 < FRT_EDGES.length ? FRT_EDGES[i + 1] : null, counts[i]));
        }
        return bins;
    }

    /** The team's last {@link #TREND_DAYS} scored days up to the day. */
    List<DayPoint> teamTrend() {
        String q = "SELECT cast(dt AS STRING) AS day, " + Scorecards.CONVERSATIONS.select() + ", " + Scorecards.QA_SCORE.select() + ", "
                + Scorecards.GREETING_RATE.select() + ", " + Scorecards.APOLOGY_RATE.select() + ", " + Scorecards.CLOSING_RATE.select()
                + " FROM agent_segments WHERE dt <= DATE'" + day + "' AND dt IN (SELECT DISTINCT dt FROM agent_segments WHERE dt <= DATE'"
                + day + "' ORDER BY dt DESC LIMIT " + TREND_DAYS + ") GROUP BY dt ORDER BY dt";
        List<DayPoint> out = new ArrayList<>();
        for (Row r : sql(q)) {
            out.add(dayPoint(r));
        }
        return out;
    }

    /** Each agent's scorecards over the team's last {@link #TREND_DAYS} scored days. */
    Map<String, List<DayPoint>> agentTrends() {
        String q = "SELECT shop_id, agent_id, cast(dt AS STRING) AS day, conversations, qa_score, greeting_rate, apology_rate, closing_rate "
                + "FROM agent_scorecards WHERE dt IN (SELECT DISTINCT dt FROM agent_scorecards WHERE dt <= DATE'" + day
                + "' ORDER BY dt DESC LIMIT " + TREND_DAYS + ") ORDER BY shop_id, agent_id, dt";
        Map<String, List<DayPoint>> out = new LinkedHashMap<>();
        for (Row r : sql(q)) {
            out.computeIfAbsent(AgentPage.key(r.getAs("shop_id"), r.getAs("agent_id")), k -> new ArrayList<>()).add(dayPoint(r));
        }
        return out;
    }

    private List<Row> sql(String q) {
        return spark.sql(q).collectAsList();
    }

    /** A day of the team's or an agent's trend, from columns named as in the scorecards. */
    private static DayPoint dayPoint(Row r) {
        return new DayPoint(r.getAs("day"), n(r, Scorecards.CONVERSATIONS.name()), d(r, Scorecards.QA_SCORE), d(r, Scorecards.GREETING_RATE),
                d(r, Scorecards.APOLOGY_RATE), d(r, Scorecards.CLOSING_RATE));
    }
}
