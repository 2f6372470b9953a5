package chatqa.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.rank;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Per-agent, per-day scorecards aggregated in Spark SQL from the day's agent parts
 * ({@code agent_segments}): an agent who took over a transferred conversation is credited with
 * their part only, so "conversations" counts parts. First-response times come from first parts,
 * transfer-response times from parts taken over. Rates are over the parts where the standard
 * was due (apology_rate only over parts that answered a complaint). Outcome rates use the
 * outcome of the conversation each part belongs to, sentiment rates its swing (recovery_rate over
 * parts of conversations that started negative). Agents are ranked within their shop by mean
 * QA score of their parts.
 */
public final class Scorecards {
    /** Scorecard name for agent messages that carried no agent id. */
    public static final String UNKNOWN_AGENT = "(unknown)";

    private Scorecards() {
    }

    public static Dataset<Row> compute(Dataset<Row> segments, List<Integer> slaSeconds) {
        String frt = "CASE WHEN response_kind = 'first_response' THEN response_s END";
        List<Column> aggs = new ArrayList<>();
        aggs.add(expr("count(*)").as("conversations"));
        aggs.add(expr("count(" + frt + ")").as("frt_measured"));
        aggs.add(expr("percentile(" + frt + ", 0.5)").as("frt_p50_s"));
        aggs.add(expr("percentile(" + frt + ", 0.9)").as("frt_p90_s"));
        for (int s : slaSeconds) {
            aggs.add(expr("avg(CASE WHEN (" + frt + ") IS NULL THEN NULL WHEN (" + frt + ") <= " + s + " THEN 1D ELSE 0D END)")
                    .as("sla_" + s + "s_rate"));
        }
        aggs.add(expr("count(CASE WHEN response_kind = 'transfer_response' THEN 1 END)").as("transfers_in"));
        aggs.add(expr("percentile(CASE WHEN response_kind = 'transfer_response' THEN response_s END, 0.5)")
                .as("transfer_response_p50_s"));
        aggs.add(expr("sum(customer_turns)").as("customer_turns"));
        aggs.add(expr("sum(unanswered_turns)").as("unanswered_turns"));
        aggs.add(expr("sum(aggregate(waits_s, 0D, (acc, w) -> acc + w)) / nullif(sum(size(waits_s)), 0)").as("mean_wait_s"));
        aggs.add(expr("max(max_wait_s)").as("max_wait_s"));
        aggs.add(rate("greeting_passed").as("greeting_rate"));
        aggs.add(expr("count(apology_passed)").as("apology_required"));
        aggs.add(rate("apology_passed").as("apology_rate"));
        aggs.add(rate("closing_passed").as("closing_rate"));
        aggs.add(expr("sum(red_line_hits)").as("red_line_hits"));
        aggs.add(expr("sum(CASE WHEN fatal THEN 1 ELSE 0 END)").as("fatal_count"));
        aggs.add(expr("sum(long_agent_messages)").as("long_agent_messages"));
        aggs.add(rate("escalation_requested").as("escalation_rate"));
        aggs.add(rate("outcome = 'platform_intervention'").as("platform_intervention_rate"));
        aggs.add(rate("complaint_threatened").as("complaint_threat_rate"));
        aggs.add(rate("outcome = 'resolved_in_chat'").as("resolved_rate"));
        aggs.add(rate("transferred_out").as("transfer_out_rate"));
        aggs.add(expr("count_if(started_negative)").as("started_negative"));
        aggs.add(expr("avg(CASE WHEN started_negative THEN CASE WHEN recovered THEN 1D ELSE 0D END END)").as("recovery_rate"));
        aggs.add(rate("deteriorated").as("deterioration_rate"));
        aggs.add(expr("avg(sentiment_swing)").as("mean_swing"));
        aggs.add(expr("avg(qa_score)").as("qa_score"));
        Dataset<Row> perAgent = segments
                .withColumn("agent_id", expr("coalesce(agent_id, '" + UNKNOWN_AGENT + "')"))
                .groupBy(col("shop_id"), col("agent_id"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        return perAgent.withColumn("rank", rank().over(Window.partitionBy("shop_id").orderBy(desc("qa_score"))))
                .orderBy(col("shop_id"), col("rank"), col("agent_id"));
    }

    private static Column rate(String condition) {
        return expr(rateSql(condition));
    }

    /** SQL for the share of rows where {@code condition} holds, over the rows where it is known (not null). */
    public static String rateSql(String condition) {
        return "avg(CASE WHEN " + condition + " THEN 1D WHEN NOT (" + condition + ") THEN 0D END)";
    }

    private static Column expr(String sql) {
        return org.apache.spark.sql.functions.expr(sql);
    }
}
