package chatqa.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per agent and scenario for the day (the {@code agent_scenarios} table): the agent's scenario mix
 * (how many of their parts were in conversations tagged with each scenario, and the share of their
 * parts) and their compliance with that scenario's rules, overall and per rule. Built, like the
 * scorecards, from the agent parts and the rule results credited to them; a conversation with
 * several scenarios counts once under each, so shares add up to more than 1.
 */
public final class AgentScenarios {
    private AgentScenarios() {
    }

    public static Dataset<Row> compute(Dataset<Row> segments, Dataset<Row> hits) {
        String agent = "coalesce(agent_id, '" + Scorecards.UNKNOWN_AGENT + "')";
        Dataset<Row> parts = segments.withColumn("agent_id", expr(agent));
        Dataset<Row> totals = parts.groupBy("shop_id", "agent_id").agg(expr("count(*)").as("agent_parts"));
        Dataset<Row> mix = parts.select(col("shop_id"), col("agent_id"), col("qa_score"), explode(col("scenarios")).as("scenario"))
                .groupBy("shop_id", "agent_id", "scenario")
                .agg(expr("count(*)").as("conversations"), expr("avg(qa_score)").as("qa_score"));
        Dataset<Row> rules = hits.where(col("scenario").isNotNull())
                .withColumn("agent_id", expr(agent))
                .groupBy("shop_id", "agent_id", "scenario", "rule_id")
                .agg(expr("count(*)").as("checked"), expr("count_if(passed)").as("passed"))
                .groupBy("shop_id", "agent_id", "scenario")
                .agg(expr("sum(checked)").as("rule_checks"), expr("sum(passed)").as("rules_passed"),
                        expr("map_from_entries(array_sort(collect_list(struct(rule_id, passed / checked))))").as("rule_compliance"));
        String[] agentKey = {"shop_id", "agent_id"};
        String[] scenarioKey = {"shop_id", "agent_id", "scenario"};
        return mix.join(totals, agentKey).join(rules, scenarioKey, "left")
                .select(col("shop_id"), col("agent_id"), col("scenario"), col("conversations"),
                        expr("conversations / agent_parts").as("share"), col("qa_score"),
                        expr("coalesce(rule_checks, 0L)").as("rule_checks"), expr("coalesce(rules_passed, 0L)").as("rules_passed"),
                        expr("rules_passed / rule_checks").as("compliance"), col("rule_compliance"))
                .orderBy(col("shop_id"), col("agent_id"), col("scenario"));
    }
}
