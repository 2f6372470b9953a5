package chatqa.job;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import chatqa.publish.ReviewQueue;
import chatqa.publish.ReviewQueue.Reason;
import chatqa.rules.Outcome;
import chatqa.warehouse.DayAppend;
import chatqa.warehouse.ReviewQueueTable;
import chatqa.warehouse.ReviewQueueTable.Queued;
import chatqa.warehouse.Scorecards;
import chatqa.warehouse.Tables;
import chatqa.warehouse.WarehouseViews;

/**
 * Draws a day's review queue from the warehouse, reproducibly for a seed: first a control sample
 * at random from every scored conversation (so reviewers' verdicts on it estimate the machine's
 * precision without bias), then every red line, platform intervention and complaint threat, then
 * the lowest satisfaction (the estimate, or the customer's own rating), up to {@code size}; then
 * each agent of the day who is neither in the queue nor in the queues of the six days before
 * ({@code review_queue_latest}) gets their lowest-scored conversation, so no agent goes a week
 * unreviewed without every agent being drawn every day. Each stratum is one query with a limit:
 * only the queue reaches the driver. {@link #record} keeps a drawn queue in {@code review_queue}.
 */
final class ReviewSampling {
    private final SparkSession spark;
    private final String day;

    ReviewSampling(SparkSession spark, String day) {
        this.spark = spark;
        this.day = day;
    }

    ReviewQueue draw(int size, double controlShare, long seed) {
        boolean rated = WarehouseViews.hasColumn(spark, Tables.CONVERSATIONS, "csat");
        spark.sql("SELECT conversation_id, shop_id, coalesce(agent_id, '" + Scorecards.UNKNOWN_AGENT + "') AS agent, qa_score, fatal, outcome, "
                + "complaint_threatened, satisfaction_estimate, " + (rated ? "csat" : "CAST(NULL AS DOUBLE) AS csat")
                + ", xxhash64(conversation_id, " + seed + "L) AS draw FROM conversations WHERE dt = DATE'" + day + "' AND qa_score IS NOT NULL")
                .createOrReplaceTempView("review_pool");
        Map<String, ReviewQueue.Sampled> chosen = new LinkedHashMap<>();
        int control = (int) Math.round(size * controlShare);
        take(chosen, Reason.CONTROL, "TRUE", "draw", control);
        String risk = "CASE WHEN fatal THEN 'red_line' WHEN outcome = '" + Outcome.PLATFORM_INTERVENTION.code() + "' THEN 'platform_intervention' "
                + "WHEN complaint_threatened THEN 'complaint_threat' END";
        for (Row r : spark.sql("SELECT *, " + risk + " AS why FROM review_pool WHERE " + risk + " IS NOT NULL" + notChosen(chosen)
                + " ORDER BY why DESC, draw LIMIT " + Math.max(0, size - chosen.size())).collectAsList()) {
            add(chosen, r, Reason.valueOf(r.<String>getAs("why").toUpperCase(java.util.Locale.ROOT)));
        }
        take(chosen, Reason.LOW_SATISFACTION, "satisfaction_estimate IS NOT NULL OR csat IS NOT NULL",
                "coalesce((csat - 3) / 1.0, satisfaction_estimate), satisfaction_estimate, draw", size - chosen.size());
        String week = spark.catalog().tableExists(WarehouseViews.REVIEW_QUEUE_LATEST)
                ? " LEFT ANTI JOIN (SELECT DISTINCT shop_id, agent_id FROM " + WarehouseViews.REVIEW_QUEUE_LATEST + " WHERE dt >= date_sub(DATE'" + day + "', 6) "
                + "AND dt < DATE'" + day + "') w ON w.shop_id <=> p.shop_id AND w.agent_id = p.agent" : "";
        for (Row r : spark.sql("SELECT * FROM (SELECT p.*, row_number() OVER (PARTITION BY p.shop_id, p.agent ORDER BY p.qa_score, p.draw) AS n "
                + "FROM review_pool p" + week + " WHERE TRUE" + notChosenAgents(chosen) + ") WHERE n = 1 ORDER BY shop_id, agent").collectAsList()) {
            add(chosen, r, Reason.AGENT_COVERAGE);
        }
        List<ReviewQueue.CheckRow> checks = new ArrayList<>();
        List<ReviewQueue.Line> messages = new ArrayList<>();
        if (!chosen.isEmpty()) {
            spark.createDataset(new ArrayList<>(chosen.keySet()), Encoders.STRING()).toDF("conversation_id").createOrReplaceTempView("review_ids");
            for (Row r : spark.sql("SELECT h.conversation_id, h.segment, coalesce(h.agent_id, '" + Scorecards.UNKNOWN_AGENT + "') AS agent, "
                    + "h.rule_id, " + WarehouseViews.ruleName(spark, "h.") + " AS rule_name, h.category, h.passed, "
                    + "h.points_deducted, h.fatal, h.evidence, h.message_seq, h.span_start, h.span_end FROM rule_hits h "
                    + "JOIN review_ids i ON i.conversation_id = h.conversation_id WHERE h.dt = DATE'" + day + "' "
                    + "ORDER BY h.conversation_id, h.segment, h.rule_id").collectAsList()) {
                Integer points = r.getAs("points_deducted");
                Boolean fatal = r.getAs("fatal");
                checks.add(new ReviewQueue.CheckRow(r.getAs("conversation_id"), r.<Integer>getAs("segment"), r.getAs("agent"), r.getAs("rule_id"),
                        r.getAs("rule_name"), r.getAs("category"), r.<Boolean>getAs("passed"), points == null ? 0 : points,
                        fatal != null && fatal, r.getAs("evidence"), r.getAs("message_seq"), r.getAs("span_start"), r.getAs("span_end")));
            }
            for (Row r : spark.sql("SELECT m.conversation_id, m.seq, m.role, m.agent_id, date_format(m.sent_at, 'yyyy-MM-dd HH:mm:ss') AS sent_at, "
                    + "m.text FROM messages m JOIN review_ids i ON i.conversation_id = m.conversation_id WHERE m.dt = DATE'" + day + "' "
                    + "ORDER BY m.conversation_id, m.seq").collectAsList()) {
                messages.add(new ReviewQueue.Line(r.getAs("conversation_id"), r.<Integer>getAs("seq"), r.getAs("role"), r.getAs("agent_id"),
                        r.getAs("sent_at"), r.getAs("text")));
            }
        }
        return new ReviewQueue(day, seed, size, controlShare, new ArrayList<>(chosen.values()), checks, messages);
    }

    /**
     * Keeps a drawn queue in the warehouse's {@code review_queue} under a new draw id (a later draw
     * of the same day replaces it in {@code review_queue_latest}; nothing is overwritten).
     */
    static String record(SparkSession spark, String warehouse, ReviewQueue q) throws IOException {
        Instant now = Instant.now();
        String id = DayAppend.newId(now);
        List<Queued> rows = q.conversations().stream().map(c -> new Queued(c.conversationId(), c.shopId(), c.agentId(), c.reason().code(),
                c.qaScore(), q.seed(), id, now)).toList();
        DayAppend.append(spark, warehouse, ReviewQueueTable.TABLE, Map.of(q.day(), rows), id);
        return id;
    }

    private void take(Map<String, ReviewQueue.Sampled> chosen, Reason reason, String where, String order, int n) {
        if (n <= 0) {
            return;
        }
        // Not "WHERE (": Spark would read WHERE as an alias of the view and the parentheses as its column names.
        for (Row r : spark.sql("SELECT * FROM review_pool WHERE TRUE AND (" + where + ")" + notChosen(chosen) + " ORDER BY " + order + " LIMIT " + n)
                .collectAsList()) {
            add(chosen, r, reason);
        }
    }

    private static void add(Map<String, ReviewQueue.Sampled> chosen, Row r, Reason reason) {
        chosen.putIfAbsent(r.getAs("conversation_id"), new ReviewQueue.Sampled(r.getAs("conversation_id"), r.getAs("shop_id"), r.getAs("agent"),
                reason, r.getAs("qa_score")));
    }

    /** The queue so far is at most the asked size: small enough to name in the query. */
    private static String notChosen(Map<String, ReviewQueue.Sampled> chosen) {
        return chosen.isEmpty() ? "" : " AND conversation_id NOT IN (" + String.join(", ", chosen.keySet().stream().map(ReviewSampling::literal).toList()) + ")";
    }

    private static String notChosenAgents(Map<String, ReviewQueue.Sampled> chosen) {
        if (chosen.isEmpty()) {
            return "";
        }
        List<String> pairs = chosen.values().stream().map(s -> "(" + literal(String.valueOf(s.shopId())) + ", " + literal(s.agentId()) + ")")
                .distinct().toList();
        return " AND (coalesce(shop_id, 'null'), agent) NOT IN (" + String.join(", ", pairs) + ")";
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
