package chatqa.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import chatqa.publish.DayReport.AgentPage;
import chatqa.publish.ReviewFacts;
import chatqa.warehouse.WarehouseViews;

/**
 * The reviews' part of the report, from views agent_reviewed and rule_accuracy (registered only
 * when the warehouse has reviews): the day's reviewed agents, and the rules whose precision over
 * every reviewed day up to the report's is below {@link #PRECISION_THRESHOLD} on at least
 * {@link #MIN_FAILURES} machine failures of the control sample.
 */
final class ReviewReportQueries {
    static final double PRECISION_THRESHOLD = 0.8;
    static final long MIN_FAILURES = 5;

    private ReviewReportQueries() {
    }

    static ReviewFacts read(SparkSession spark, String day) {
        if (!spark.catalog().tableExists("agent_reviewed") || !spark.catalog().tableExists("rule_accuracy")) {
            return ReviewFacts.NONE;
        }
        Map<String, ReviewFacts.AgentReview> agents = new HashMap<>();
        for (Row r : spark.sql("SELECT * FROM agent_reviewed WHERE dt = DATE'" + day + "'").collectAsList()) {
            agents.put(AgentPage.key(r.getAs("shop_id"), r.getAs("agent_id")), new ReviewFacts.AgentReview(n(r, "reviewed_parts"),
                    r.getAs("reviewed_qa_score"), n(r, "restored_points"), n(r, "appeals_open"), n(r, "appeals_upheld"), n(r, "appeals_rejected")));
        }
        List<ReviewFacts.RulePrecision> low = new ArrayList<>();
        // The same definitions as rule_accuracy, summed over the days up to the report's.
        for (Row r : spark.sql("WITH a AS (SELECT rule_id, sum(tp) AS tp, sum(fp) AS fp FROM rule_accuracy WHERE dt <= DATE'" + day
                + "' GROUP BY rule_id) SELECT a.rule_id, a.tp, a.fp, " + WarehouseViews.wilson("a.tp", "a.tp + a.fp", "-") + " AS low, "
                + WarehouseViews.wilson("a.tp", "a.tp + a.fp", "+") + " AS high, (SELECT first(" + WarehouseViews.ruleName(spark, "h.") + ") FROM rule_hits h "
                + "WHERE h.rule_id = a.rule_id AND h.dt = DATE'" + day + "') AS name FROM a "
                + "WHERE a.tp + a.fp >= " + MIN_FAILURES + " AND a.tp / (a.tp + a.fp) < " + PRECISION_THRESHOLD
                + " ORDER BY a.tp / (a.tp + a.fp), a.rule_id").collectAsList()) {
            long tp = n(r, "tp");
            long all = tp + n(r, "fp");
            String name = r.getAs("name");
            low.add(new ReviewFacts.RulePrecision(r.getAs("rule_id"), name == null ? r.getAs("rule_id") : name, all, (double) tp / all,
                    r.getAs("low"), r.getAs("high")));
        }
        return new ReviewFacts(agents, low, PRECISION_THRESHOLD, MIN_FAILURES);
    }

    private static long n(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
