package chatqa.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Per agent and scenario for the day (the {@code agent_scenarios} table): the agent's scenario mix
 * (how many of their parts were in conversations tagged with each scenario, and the share of their
 * parts) and their compliance with that scenario's rules, overall and per rule. Built, like the
 * scorecards, from the agent parts and the rule results credited to them; a conversation with
 * several scenarios counts once under each, so shares add up to more than 1.
 */
public final class AgentScenarios {
    /** The table's columns, in order; {@link #compute} writes exactly these. */
    public static final List<Aggregate> COLUMNS = List.of(
            new Aggregate("shop_id", StringType, "", "shop_id"),
            new Aggregate("agent_id", StringType, "`(unknown)` for parts without an agent id", "coalesce(agent_id, '(unknown)')"),
            new Aggregate("scenario", StringType, "", "explode(scenarios)"),
            new Aggregate("conversations", LongType, "the agent's parts in conversations with this scenario", "count(*)"),
            new Aggregate("share", DoubleType, "conversations / all the agent's parts that day", "conversations / agent_parts"),
            new Aggregate("qa_score", DoubleType, "mean QA score of those parts", "avg(qa_score)"),
            new Aggregate("rule_checks", LongType,
                    "results of the scenario's rules credited to the agent (0 when the scenario has no rules)", "coalesce(rule_checks, 0L)"),
            new Aggregate("rules_passed", LongType, "of those, passed", "coalesce(rules_passed, 0L)"),
            new Aggregate("compliance", DoubleType, "rules_passed / rule_checks; null without checks", "rules_passed / rule_checks"),
            new Aggregate("rule_compliance", DataTypes.createMapType(StringType, DoubleType),
                    "per scenario rule, the share of its results that passed, e.g. `{bargaining.no_ad_hoc_discount -> 1.0, "
                            + "bargaining.points_to_promotions -> 0.5}`",
                    "map_from_entries(array_sort(collect_list(struct(rule_id, passed / checked))))"));

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
                        expr(column("rule_compliance").sql()).as("rule_compliance"));
        String[] agentKey = {"shop_id", "agent_id"};
        String[] scenarioKey = {"shop_id", "agent_id", "scenario"};
        return mix.join(totals, agentKey).join(rules, scenarioKey, "left")
                .select(col("shop_id"), col("agent_id"), col("scenario"), col("conversations"),
                        expr(column("share").sql()).as("share"), col("qa_score"),
                        expr(column("rule_checks").sql()).as("rule_checks"), expr(column("rules_passed").sql()).as("rules_passed"),
                        expr(column("compliance").sql()).as("compliance"), col("rule_compliance"))
                .orderBy(col("shop_id"), col("agent_id"), col("scenario"));
    }

    private static Aggregate column(String name) {
        return COLUMNS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
