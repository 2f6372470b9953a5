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
 * Per-agent, per-day scorecards aggregated from the day's conversations in Spark SQL. Each
 * conversation counts for the agent credited with it; conversations no human agent took part in
 * are not scored. Rates are over the conversations where the standard was due (apology_rate only
 * over conversations with a complaint). Agents are ranked within their shop by mean QA score.
 */
public final class Scorecards {
    /** Scorecard name for agent messages that carried no agent id. */
    public static final String UNKNOWN_AGENT = "(unknown)";

    private Scorecards() {
    }

    public static Dataset<Row> compute(Dataset<Row> conversations, List<Integer> slaSeconds) {
        List<Column> aggs = new ArrayList<>();
        aggs.add(expr("count(*)").as("conversations"));
        aggs.add(expr("count(frt_s)").as("frt_measured"));
        aggs.add(expr("percentile(frt_s, 0.5)").as("frt_p50_s"));
        aggs.add(expr("percentile(frt_s, 0.9)").as("frt_p90_s"));
        for (int s : slaSeconds) {
            aggs.add(expr("avg(CASE WHEN frt_s IS NULL THEN NULL WHEN frt_s <= " + s + " THEN 1D ELSE 0D END)")
                    .as("sla_" + s + "s_rate"));
        }
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
        aggs.add(expr("avg(qa_score)").as("qa_score"));
        Dataset<Row> perAgent = conversations
                .where(col("qa_score").isNotNull())
                .withColumn("agent_id", expr("coalesce(agent_id, '" + UNKNOWN_AGENT + "')"))
                .groupBy(col("shop_id"), col("agent_id"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        return perAgent.withColumn("rank", rank().over(Window.partitionBy("shop_id").orderBy(desc("qa_score"))))
                .orderBy(col("shop_id"), col("rank"), col("agent_id"));
    }

    private static Column rate(String verdict) {
        return expr("avg(CASE WHEN " + verdict + " THEN 1D WHEN NOT " + verdict + " THEN 0D END)");
    }

    private static Column expr(String sql) {
        return org.apache.spark.sql.functions.expr(sql);
    }
}
