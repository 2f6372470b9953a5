package chatqa.warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Registers the warehouse for SQL: every table as a view over all its days ({@code dt} from the
 * partition folders), and the trend views analysts start from. Views are defined here in SQL so
 * they can be read, copied into other engines, and documented (docs/tables.md).
 */
public final class WarehouseViews {
    /** The view of each day's latest review-queue draw, read by the sampling and the digest. */
    public static final String REVIEW_QUEUE_LATEST = "review_queue_latest";

    private WarehouseViews() {
    }

    /**
     * Trend views: name → SQL over the table views. Rates are the scorecards' own definitions;
     * compliance_daily has one SLA rate per tier of {@code slaSeconds}.
     */
    public static Map<String, String> trends(List<Integer> slaSeconds) {
        Map<String, String> trends = new LinkedHashMap<>();
        trends.put("rule_daily", """
                SELECT dt, shop_id, rule_id, first(category) AS category,
                       count(*) AS checked,
                       count_if(NOT passed) AS hits,
                       count_if(NOT passed) / count(*) AS hit_rate
                FROM rule_hits GROUP BY dt, shop_id, rule_id""");
        trends.put("agent_trend", """
                SELECT dt, shop_id, agent_id, conversations, qa_score,
                       avg(qa_score) OVER (PARTITION BY shop_id, agent_id ORDER BY datediff(dt, DATE'1970-01-01')
                                           RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS qa_score_7d_avg,
                       rank,
                       lag(rank) OVER (PARTITION BY shop_id, agent_id ORDER BY dt) - rank AS rank_change
                FROM agent_scorecards""");
        StringBuilder sla = new StringBuilder();
        for (int tier : slaSeconds) {
            sla.append("       ").append(Aggregate.within("frt_s", tier)).append(" AS ").append(Aggregate.slaColumn(tier)).append(",\n");
        }
        trends.put("compliance_daily", """
                SELECT dt, shop_id,
                       count(*) AS conversations,
                       count(qa_score) AS scored,
                       %s,
                       %s,
                       %s,
                %s       %s,
                       count_if(fatal) AS fatal_conversations
                FROM conversations GROUP BY dt, shop_id""".formatted(Scorecards.GREETING_RATE.select(), Scorecards.APOLOGY_RATE.select(),
                Scorecards.CLOSING_RATE.select(), sla, Scorecards.QA_SCORE.select()));
        // A conversation counts under each of its scenarios; rule results under the scenario rule_hits names.
        trends.put("scenario_daily", """
                WITH tagged AS (
                    SELECT dt, shop_id, qa_score, apology_passed, explode(scenarios) AS scenario FROM conversations),
                mix AS (
                    SELECT dt, shop_id, scenario, count(*) AS conversations, count(qa_score) AS scored, avg(qa_score) AS qa_score,
                           %s
                    FROM tagged GROUP BY dt, shop_id, scenario),
                days AS (
                    SELECT dt, shop_id, count(*) AS day_conversations FROM conversations GROUP BY dt, shop_id),
                per_rule AS (
                    SELECT dt, shop_id, scenario, rule_id, count(*) AS checked, count_if(passed) AS passed
                    FROM rule_hits WHERE scenario IS NOT NULL GROUP BY dt, shop_id, scenario, rule_id),
                rules AS (
                    SELECT dt, shop_id, scenario, sum(checked) AS rule_checks, sum(passed) AS rules_passed,
                           map_from_entries(array_sort(collect_list(struct(rule_id, passed / checked)))) AS rule_compliance
                    FROM per_rule GROUP BY dt, shop_id, scenario)
                SELECT m.dt, m.shop_id, m.scenario, m.conversations, m.conversations / d.day_conversations AS share,
                       m.scored, m.qa_score, m.apology_rate,
                       coalesce(r.rule_checks, 0L) AS rule_checks, r.rules_passed / r.rule_checks AS compliance, r.rule_compliance
                FROM mix m
                JOIN days d ON d.dt = m.dt AND d.shop_id = m.shop_id
                LEFT JOIN rules r ON r.dt = m.dt AND r.shop_id = m.shop_id AND r.scenario = m.scenario""".formatted(
                Scorecards.APOLOGY_RATE.select()));
        // Reviewers against the machine, per day and rule: the latest verdict of each reviewer on each check;
        // precision and recall from the random control sample only (the risk strata would bias them), with
        // 95 % Wilson intervals; agreement over every reviewed check.
        trends.put("rule_accuracy", """
                WITH latest AS (
                    SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY dt, conversation_id, segment, rule_id, reviewer
                                                                ORDER BY imported_at DESC, source_row DESC) AS n FROM reviews)
                    WHERE n = 1 AND verdict <> 'na'),
                c AS (
                    SELECT dt, rule_id, count(*) AS reviewed, count_if(verdict = 'agree') / count(*) AS agreement,
                           count_if(sample_reason = 'control') AS control_reviewed,
                           count_if(sample_reason = 'control' AND NOT machine_passed AND verdict = 'agree') AS tp,
                           count_if(sample_reason = 'control' AND NOT machine_passed AND verdict = 'disagree') AS fp,
                           count_if(sample_reason = 'control' AND machine_passed AND verdict = 'disagree') AS fn,
                           count_if(sample_reason = 'control' AND machine_passed AND verdict = 'agree') AS tn
                    FROM latest GROUP BY dt, rule_id)
                SELECT dt, rule_id, reviewed, agreement, control_reviewed, tp, fp, fn, tn,
                       tp / nullif(tp + fp, 0) AS precision,
                       %s AS precision_low, %s AS precision_high,
                       tp / nullif(tp + fn, 0) AS recall,
                       %s AS recall_low, %s AS recall_high
                FROM c""".formatted(wilson("tp", "tp + fp", "-"), wilson("tp", "tp + fp", "+"), wilson("tp", "tp + fn", "-"),
                wilson("tp", "tp + fn", "+")));
        // The agents' scores after review: per checked part, the latest judgment of each check decides —
        // a disagreed deduction (or an upheld appeal) is restored, corrected points replace the machine's,
        // and the part is rescored as the machine scores (100 minus the points, 0 after a fatal failure).
        trends.put("agent_reviewed", """
                WITH latest AS (
                    SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY dt, conversation_id, segment, rule_id
                                                                ORDER BY imported_at DESC, source_row DESC) AS n FROM reviews) WHERE n = 1),
                effective AS (
                    SELECT h.dt, h.shop_id, h.conversation_id, h.segment, h.points_deducted AS machine_points,
                           l.verdict IS NOT NULL OR l.appeal_decision IS NOT NULL AS reviewed,
                           CASE WHEN l.appeal_decision = 'upheld' OR l.verdict = 'disagree' THEN coalesce(l.corrected_points, 0)
                                WHEN l.corrected_points IS NOT NULL THEN l.corrected_points
                                ELSE h.points_deducted END AS points,
                           CASE WHEN l.appeal_decision = 'upheld' OR l.verdict = 'disagree' THEN false ELSE h.fatal END AS fatal,
                           l.appeal IS NOT NULL AND l.appeal_decision IS NULL AS appeal_open,
                           l.appeal_decision = 'upheld' AS appeal_upheld, l.appeal_decision = 'rejected' AS appeal_rejected
                    FROM rule_hits h LEFT JOIN latest l ON l.dt = h.dt AND l.conversation_id = h.conversation_id
                         AND l.segment = h.segment AND l.rule_id = h.rule_id
                    WHERE h.dt IN (SELECT DISTINCT dt FROM reviews)),
                parts AS (
                    SELECT dt, shop_id, conversation_id, segment, max(reviewed) AS reviewed,
                           CASE WHEN max(fatal) THEN 0D ELSE greatest(0D, 100D - sum(points)) END AS reviewed_score,
                           sum(machine_points) - sum(points) AS restored_points,
                           count_if(appeal_open) AS appeals_open, count_if(appeal_upheld) AS appeals_upheld,
                           count_if(appeal_rejected) AS appeals_rejected
                    FROM effective GROUP BY dt, shop_id, conversation_id, segment)
                SELECT s.dt, s.shop_id, coalesce(s.agent_id, '%s') AS agent_id, count(*) AS parts, count_if(p.reviewed) AS reviewed_parts,
                       avg(s.qa_score) AS qa_score,
                       avg(CASE WHEN p.reviewed THEN p.reviewed_score ELSE s.qa_score END) AS reviewed_qa_score,
                       sum(p.restored_points) AS restored_points, sum(p.appeals_open) AS appeals_open,
                       sum(p.appeals_upheld) AS appeals_upheld, sum(p.appeals_rejected) AS appeals_rejected
                FROM agent_segments s JOIN parts p ON p.dt = s.dt AND p.conversation_id = s.conversation_id AND p.segment = s.segment
                WHERE s.qa_score IS NOT NULL
                GROUP BY s.dt, s.shop_id, coalesce(s.agent_id, '%s')
                HAVING count_if(p.reviewed) > 0 OR sum(p.appeals_open) > 0""".formatted(Scorecards.UNKNOWN_AGENT, Scorecards.UNKNOWN_AGENT));
        // Calibration: two reviewers on the same checks — agreement and Cohen's kappa per rule and pair
        // (rule_id null: over all rules), from each reviewer's latest agree / disagree.
        trends.put("reviewer_agreement", """
                WITH latest AS (
                    SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY dt, conversation_id, segment, rule_id, reviewer
                                                                ORDER BY imported_at DESC, source_row DESC) AS n FROM reviews)
                    WHERE n = 1 AND verdict IN ('agree', 'disagree')),
                pairs AS (
                    SELECT a.rule_id, a.reviewer AS reviewer_a, b.reviewer AS reviewer_b,
                           CASE WHEN a.verdict = 'agree' THEN 1D ELSE 0D END AS ya, CASE WHEN b.verdict = 'agree' THEN 1D ELSE 0D END AS yb
                    FROM latest a JOIN latest b ON a.dt = b.dt AND a.conversation_id = b.conversation_id AND a.segment = b.segment
                         AND a.rule_id = b.rule_id AND a.reviewer < b.reviewer),
                c AS (
                    SELECT rule_id, reviewer_a, reviewer_b, count(*) AS checks, avg(CASE WHEN ya = yb THEN 1D ELSE 0D END) AS agreement,
                           avg(ya) AS pa, avg(yb) AS pb
                    FROM pairs GROUP BY GROUPING SETS ((rule_id, reviewer_a, reviewer_b), (reviewer_a, reviewer_b)))
                SELECT rule_id, reviewer_a, reviewer_b, checks, agreement,
                       (agreement - (pa * pb + (1 - pa) * (1 - pb))) / nullif(1 - (pa * pb + (1 - pa) * (1 - pb)), 0) AS kappa
                FROM c""");
        // A day's review queue is its latest draw: an earlier draw of the same day was replaced, not added to.
        trends.put(REVIEW_QUEUE_LATEST, """
                SELECT dt, %s FROM (SELECT *, dense_rank() OVER (PARTITION BY dt ORDER BY drawn_at DESC, draw_id DESC) AS k
                                    FROM review_queue) WHERE k = 1""".formatted(String.join(", ", ReviewQueueTable.TABLE.names())));
        // Per skill group, the scorecards' own definitions over the day's agent parts.
        StringBuilder group = new StringBuilder("SELECT dt, shop_id, group_id, count(DISTINCT agent_id) AS agents");
        for (Aggregate a : Scorecards.columns(slaSeconds)) {
            group.append(",\n       ").append(a.select());
        }
        trends.put("group_daily", group.append("\nFROM agent_segments WHERE group_id IS NOT NULL GROUP BY dt, shop_id, group_id").toString());
        return trends;
    }

    /** The bound of the 95 % Wilson score interval of {@code hits} out of {@code n} ({@code sign} "-" low, "+" high); null for n = 0. */
    public static String wilson(String hits, String n, String sign) {
        // Every division by n goes through nullif: ANSI mode raises on a division by zero even beside a null.
        String m = "nullif(" + n + ", 0)";
        String p = "(" + hits + ") / " + m;
        return "((" + p + " + 1.9208 / " + m + ") " + sign + " 1.96 * sqrt(" + p + " * (1 - " + p + ") / " + m + " + 0.9604 / power(" + m
                + ", 2))) / (1 + 3.8416 / " + m + ")";
    }

    /** Whether a registered table has a column (days scored before it existed do not). */
    public static boolean hasColumn(SparkSession spark, String table, String column) {
        return spark.catalog().tableExists(table) && List.of(spark.table(table).columns()).contains(column);
    }

    /**
     * The SQL of a rule_hits row's rule as people read it: its rule-book name, or its id on days
     * scored before rules had names; {@code prefix} qualifies the columns ("h." or "").
     */
    public static String ruleName(SparkSession spark, String prefix) {
        return hasColumn(spark, Tables.RULE_HITS, "rule_name") ? "coalesce(" + prefix + "rule_name, " + prefix + "rule_id)" : prefix + "rule_id";
    }

    /** Registers every table found under {@code warehouse} and the trend views over them; returns their names. */
    public static List<String> register(SparkSession spark, String warehouse) throws IOException {
        // A run killed in its commit is finished before anyone reads the day.
        DayPartitions.recover(warehouse, spark.sparkContext().hadoopConfiguration());
        Path root = new Path(warehouse);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<String> names = new ArrayList<>();
        for (String table : Tables.QUERIED) {
            Path dir = new Path(root, table);
            if (fs.exists(dir) && fs.listStatus(dir, p -> p.getName().startsWith("dt=")).length > 0) {
                spark.read().option("mergeSchema", "true").parquet(dir.toString()).createOrReplaceTempView(table);
                names.add(table);
            } else {
                // A view left by another warehouse read in the same session must not answer for this one.
                spark.catalog().dropTempView(table);
            }
        }
        trends(slaSeconds(spark, names)).forEach((name, sql) -> {
            try {
                spark.sql(sql).createOrReplaceTempView(name);
                names.add(name);
            } catch (Exception e) {
                // The table it reads is missing from this warehouse (an AnalysisException, which Scala
                // does not declare); the view is simply not offered.
                if (!(e instanceof org.apache.spark.sql.AnalysisException)) {
                    throw e;
                }
                spark.catalog().dropTempView(name);
            }
        });
        return names;
    }

    /**
     * The SLA tiers of the warehouse's latest run (runs.sla_seconds); none when no run recorded
     * them (a warehouse written before they were kept).
     */
    static List<Integer> slaSeconds(SparkSession spark, List<String> registered) {
        if (!registered.contains(Tables.RUNS) || !List.of(spark.table(Tables.RUNS).columns()).contains("sla_seconds")) {
            return List.of();
        }
        List<org.apache.spark.sql.Row> latest = spark.sql("SELECT sla_seconds FROM runs WHERE sla_seconds IS NOT NULL "
                + "ORDER BY finished_at DESC LIMIT 1").collectAsList();
        return latest.isEmpty() ? List.of() : latest.get(0).<Integer>getList(0).stream().sorted().toList();
    }
}
