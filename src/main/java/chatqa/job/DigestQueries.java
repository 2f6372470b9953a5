package chatqa.job;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import chatqa.publish.Digest;
import chatqa.warehouse.Scorecards;
import chatqa.warehouse.Tables;
import chatqa.warehouse.WarehouseViews;

/**
 * The day's digest from the warehouse views (registered by the report): each list one small
 * query, its first {@code limit} rows to the driver, its count complete.
 */
final class DigestQueries {
    /** An agent's score must fall this many points to be listed. */
    static final double SCORE_DROP = 5.0;
    /** A rule's failure rate must rise this much (a share) over at least MIN_CHECKS checks. */
    static final double RATE_JUMP = 0.10;
    static final long MIN_CHECKS = 10;
    static final int LIMIT = 20;

    private final SparkSession spark;
    private final String day;

    DigestQueries(SparkSession spark, String day) {
        this.spark = spark;
        this.day = day;
    }

    Digest read() {
        List<Row> prev = spark.sql("SELECT cast(max(dt) AS STRING) AS d FROM agent_scorecards WHERE dt < DATE'" + day + "'").collectAsList();
        String previous = prev.isEmpty() ? null : prev.get(0).getAs("d");
        String name = WarehouseViews.ruleName(spark, "");
        String at = "dt = DATE'" + day + "'";

        long fatalCount = count("SELECT count(*) FROM rule_hits WHERE " + at + " AND fatal");
        List<Digest.Fatal> fatal = new ArrayList<>();
        for (Row r : rows("SELECT shop_id, coalesce(agent_id, '" + Scorecards.UNKNOWN_AGENT + "') AS agent, rule_id, " + name
                + " AS name, conversation_id, matched_text FROM rule_hits WHERE " + at + " AND fatal "
                + "ORDER BY shop_id, agent, conversation_id, message_seq")) {
            fatal.add(new Digest.Fatal(r.getAs("shop_id"), r.getAs("agent"), r.getAs("rule_id"), r.getAs("name"), r.getAs("conversation_id"),
                    r.getAs("matched_text")));
        }
        String platform = "outcome = '" + chatqa.rules.Outcome.PLATFORM_INTERVENTION.code() + "'";
        long interventionCount = count("SELECT count(*) FROM conversations WHERE " + at + " AND " + platform);
        List<Digest.Intervention> interventions = new ArrayList<>();
        for (Row r : rows("SELECT shop_id, coalesce(agent_id, '" + Scorecards.UNKNOWN_AGENT + "') AS agent, conversation_id "
                + "FROM conversations WHERE " + at + " AND " + platform + " ORDER BY shop_id, conversation_id")) {
            interventions.add(new Digest.Intervention(r.getAs("shop_id"), r.getAs("agent"), r.getAs("conversation_id")));
        }
        List<Digest.Drop> drops = new ArrayList<>();
        List<Digest.Jump> jumps = new ArrayList<>();
        if (previous != null) {
            String before = "DATE'" + previous + "'";
            for (Row r : rows("SELECT t.shop_id, t.agent_id, t.qa_score, p.qa_score AS previous FROM agent_scorecards t "
                    + "JOIN agent_scorecards p ON p.dt = " + before + " AND p.shop_id <=> t.shop_id AND p.agent_id = t.agent_id "
                    + "WHERE t." + at + " AND p.qa_score - t.qa_score >= " + SCORE_DROP + " ORDER BY t.qa_score - p.qa_score, t.shop_id, t.agent_id")) {
                drops.add(new Digest.Drop(r.getAs("shop_id"), r.getAs("agent_id"), r.getAs("qa_score"), r.getAs("previous")));
            }
            for (Row r : rows("WITH t AS (SELECT shop_id, rule_id, first(" + name + ") AS name, count(*) AS checked, "
                    + "count_if(NOT passed) / count(*) AS rate FROM rule_hits WHERE " + at + " GROUP BY shop_id, rule_id), "
                    + "p AS (SELECT shop_id, rule_id, count_if(NOT passed) / count(*) AS rate FROM rule_hits WHERE dt = " + before
                    + " GROUP BY shop_id, rule_id) "
                    + "SELECT t.shop_id, t.rule_id, t.name, t.rate, p.rate AS previous, t.checked FROM t JOIN p "
                    + "ON p.shop_id <=> t.shop_id AND p.rule_id = t.rule_id WHERE t.checked >= " + MIN_CHECKS
                    + " AND t.rate - p.rate >= " + RATE_JUMP + " ORDER BY p.rate - t.rate, t.shop_id, t.rule_id")) {
                jumps.add(new Digest.Jump(r.getAs("shop_id"), r.getAs("rule_id"), r.getAs("name"), ((Number) r.getAs("rate")).doubleValue(),
                        ((Number) r.getAs("previous")).doubleValue(), ((Number) r.getAs("checked")).longValue()));
            }
        }
        return new Digest(day, previous, fatalCount, fatal, interventionCount, interventions, SCORE_DROP, drops, RATE_JUMP, jumps,
                backlog());
    }

    /** The queues drawn up to the day against the verdicts imported; null when no queue was ever drawn. */
    private Digest.Backlog backlog() {
        if (!spark.catalog().tableExists(WarehouseViews.REVIEW_QUEUE_LATEST)) {
            return null;
        }
        boolean reviewed = spark.catalog().tableExists(Tables.REVIEWS);
        String perDay = "SELECT cast(q.dt AS STRING) AS d, count(*) AS queued, "
                + (reviewed ? "count(r.conversation_id) AS reviewed FROM " + WarehouseViews.REVIEW_QUEUE_LATEST + " q LEFT JOIN (SELECT DISTINCT dt, conversation_id "
                + "FROM reviews) r ON r.dt = q.dt AND r.conversation_id = q.conversation_id"
                : "0L AS reviewed FROM " + WarehouseViews.REVIEW_QUEUE_LATEST + " q")
                + " WHERE q.dt <= DATE'" + day + "' GROUP BY q.dt";
        long waiting = count("SELECT coalesce(sum(queued - reviewed), 0) FROM (" + perDay + ")");
        List<Digest.BacklogDay> days = new ArrayList<>();
        for (Row r : rows("SELECT * FROM (" + perDay + ") WHERE queued > reviewed ORDER BY d")) {
            days.add(new Digest.BacklogDay(r.getAs("d"), ((Number) r.getAs("queued")).longValue(), ((Number) r.getAs("reviewed")).longValue()));
        }
        // An appeal is open while the latest judgment of its check has no final decision.
        long appeals = reviewed ? count("SELECT count(*) FROM (SELECT *, row_number() OVER (PARTITION BY dt, conversation_id, segment, rule_id "
                + "ORDER BY imported_at DESC, source_row DESC) AS n FROM reviews WHERE dt <= DATE'" + day + "') "
                + "WHERE n = 1 AND appeal IS NOT NULL AND appeal_decision IS NULL") : 0;
        return new Digest.Backlog(waiting, appeals, days);
    }

    private List<Row> rows(String q) {
        return spark.sql(q + " LIMIT " + LIMIT).collectAsList();
    }

    private long count(String q) {
        return ((Number) spark.sql(q).first().get(0)).longValue();
    }
}
