package chatqa.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code agent_scorecards} table: per agent and day, aggregated in Spark SQL from the day's
 * agent parts ({@code agent_segments}): an agent who took over a transferred conversation is
 * credited with their part only, so "conversations" counts parts. First-response times come from
 * first parts, transfer-response times from parts taken over. Rates are over the parts where the
 * standard was due (apology_rate only over parts that answered a complaint). Outcome rates use
 * the outcome of the conversation each part belongs to, sentiment rates its swing (recovery_rate
 * over parts of conversations that started negative). Agents are ranked within their shop by
 * mean QA score of their parts. Each column is declared once here, with its SQL; the report's
 * team and shop totals and the views reuse these declarations.
 */
public final class Scorecards {
    /** Scorecard name for agent messages that carried no agent id. */
    public static final String UNKNOWN_AGENT = "(unknown)";
    /** An agent part's first response time (null for parts taken over). */
    public static final String FRT = "CASE WHEN response_kind = 'first_response' THEN response_s END";

    public static final Aggregate CONVERSATIONS = new Aggregate("conversations", LongType, "the agent's parts", "count(*)");
    public static final Aggregate FRT_MEASURED = new Aggregate("frt_measured", LongType,
            "first parts with a known first response time", "count(" + FRT + ")");
    public static final Aggregate FRT_P50 = new Aggregate("frt_p50_s", DoubleType, "median first response time (exact)",
            "percentile(" + FRT + ", 0.5)");
    public static final Aggregate FRT_P90 = new Aggregate("frt_p90_s", DoubleType, "90th percentile of the first response times (exact)",
            "percentile(" + FRT + ", 0.9)");
    public static final Aggregate GREETING_RATE = new Aggregate("greeting_rate", DoubleType,
            "share of parts whose greeting passed (where one was due)", Aggregate.share("greeting_passed"));
    public static final Aggregate APOLOGY_REQUIRED = new Aggregate("apology_required", LongType,
            "parts with a complaint that needed an apology", "count(apology_passed)");
    public static final Aggregate APOLOGY_RATE = new Aggregate("apology_rate", DoubleType, "share of those where the apology came",
            Aggregate.share("apology_passed"));
    public static final Aggregate CLOSING_RATE = new Aggregate("closing_rate", DoubleType,
            "share of parts whose closing passed (where one was due)", Aggregate.share("closing_passed"));
    public static final Aggregate RED_LINE_HITS = new Aggregate("red_line_hits", LongType, "failed red-line rules", "sum(red_line_hits)");
    public static final Aggregate OUT_OF_HOURS_TURNS = new Aggregate("out_of_hours_turns", LongType,
            "turns that began while the shop was closed (the rule book's `business_hours`; their waits count from the opening)",
            "sum(out_of_hours_turns)");
    public static final Aggregate FATAL_COUNT = new Aggregate("fatal_count", LongType, "parts with a fatal failure",
            "sum(CASE WHEN fatal THEN 1 ELSE 0 END)");
    public static final Aggregate RESOLVED_RATE = new Aggregate("resolved_rate", DoubleType,
            "share whose conversation's outcome is `resolved_in_chat`", Aggregate.share("outcome = 'resolved_in_chat'"));
    public static final Aggregate STARTED_NEGATIVE = new Aggregate("started_negative", LongType,
            "parts in conversations whose customer started negative", "count_if(started_negative)");
    public static final Aggregate RECOVERY_RATE = new Aggregate("recovery_rate", DoubleType,
            "of those, the share where the customer recovered",
            "avg(CASE WHEN started_negative THEN CASE WHEN recovered THEN 1D ELSE 0D END END)");
    public static final Aggregate QA_SCORE = new Aggregate("qa_score", DoubleType, "mean QA score of the agent's parts", "avg(qa_score)");
    public static final Aggregate SATISFACTION = new Aggregate("satisfaction", DoubleType,
            "mean satisfaction estimate (-2..2) of the conversations of the agent's parts", "avg(satisfaction_estimate)");

    public static final Aggregate CSAT = new Aggregate("csat", DoubleType,
            "mean customer rating (1-5) of the agent's rated parts", "avg(csat)");
    public static final Aggregate RATED_RATE = new Aggregate("rated_rate", DoubleType,
            "share of the agent's parts whose customer left a rating", Aggregate.share("csat IS NOT NULL"));

    private Scorecards() {
    }

    /** The tier the docs show for "one column per tier": N. */
    static final int DOCUMENTED_TIER = -1;

    /** The rate of first responses within {@code tier} seconds, one per rule-book SLA tier. */
    public static Aggregate sla(int tier) {
        if (tier == DOCUMENTED_TIER) {
            return new Aggregate("sla_<N>s_rate", DoubleType, "share of measured first responses within N seconds, one column per "
                    + "`timing.sla_seconds` tier of the rule book (default 10, 30, 60; the run records them in `runs.sla_seconds`)", "");
        }
        return new Aggregate(Aggregate.slaColumn(tier), DoubleType, "share of measured first responses within " + tier + " seconds",
                Aggregate.within(FRT, tier));
    }

    /** The aggregated columns in table order, for the rule book's SLA tiers. */
    public static List<Aggregate> columns(List<Integer> slaSeconds) {
        List<Aggregate> a = new ArrayList<>(List.of(CONVERSATIONS, FRT_MEASURED, FRT_P50, FRT_P90));
        slaSeconds.forEach(t -> a.add(sla(t)));
        a.addAll(List.of(
                new Aggregate("transfers_in", LongType, "parts taken over from another agent",
                        "count(CASE WHEN response_kind = 'transfer_response' THEN 1 END)"),
                new Aggregate("transfer_response_p50_s", DoubleType, "median transfer response time",
                        "percentile(CASE WHEN response_kind = 'transfer_response' THEN response_s END, 0.5)"),
                new Aggregate("customer_turns", LongType, "", "sum(customer_turns)"),
                new Aggregate("unanswered_turns", LongType, "", "sum(unanswered_turns)"),
                OUT_OF_HOURS_TURNS,
                new Aggregate("mean_wait_s", DoubleType, "mean of every wait the agent answered",
                        "sum(aggregate(waits_s, 0D, (acc, w) -> acc + w)) / nullif(sum(size(waits_s)), 0)"),
                new Aggregate("max_wait_s", DoubleType, "longest wait the agent answered", "max(max_wait_s)"),
                GREETING_RATE, APOLOGY_REQUIRED, APOLOGY_RATE, CLOSING_RATE, RED_LINE_HITS, FATAL_COUNT,
                new Aggregate("long_agent_messages", LongType, "", "sum(long_agent_messages)"),
                new Aggregate("escalation_rate", DoubleType,
                        "share of parts in conversations where the customer asked for the platform or a supervisor",
                        Aggregate.share("escalation_requested")),
                new Aggregate("platform_intervention_rate", DoubleType, "share whose conversation's outcome is `platform_intervention`",
                        Aggregate.share("outcome = 'platform_intervention'")),
                new Aggregate("complaint_threat_rate", DoubleType, "share in conversations with an outside-complaint threat",
                        Aggregate.share("complaint_threatened")),
                RESOLVED_RATE,
                new Aggregate("transfer_out_rate", DoubleType, "share of parts handed to another agent", Aggregate.share("transferred_out")),
                STARTED_NEGATIVE, RECOVERY_RATE,
                new Aggregate("deterioration_rate", DoubleType,
                        "share of parts in conversations where the customer's mood deteriorated", Aggregate.share("deteriorated")),
                new Aggregate("mean_swing", DoubleType, "mean sentiment swing", "avg(sentiment_swing)"),
                SATISFACTION, CSAT, RATED_RATE,
                QA_SCORE));
        return a;
    }

    /** The grouping keys before the aggregates: a scorecard is one shop's agent. */
    public static final List<Aggregate> KEYS = List.of(
            new Aggregate("shop_id", StringType, "", "shop_id"),
            new Aggregate("agent_id", StringType, "`(unknown)` for parts without an agent id", "coalesce(agent_id, '" + UNKNOWN_AGENT + "')"));
    /**
     * The agent's display name beside the keys: a name is shown, never grouped by, so an agent
     * renamed during the day keeps one scorecard (the greatest of the day's names is shown).
     */
    public static final Aggregate AGENT_NAME = new Aggregate("agent_name", StringType,
            "the agent's display name where the export has one (`agent_segments.agent_name`; the greatest if the day's parts differ)",
            "max(agent_name)");
    /** After the aggregates, computed over the day's scorecards. */
    public static final Aggregate RANK = new Aggregate("rank", IntegerType,
            "rank within the shop by `qa_score`, 1 = best (ties share a rank)", "rank() OVER (PARTITION BY shop_id ORDER BY qa_score DESC)");

    public static Dataset<Row> compute(Dataset<Row> segments, List<Integer> slaSeconds) {
        List<Aggregate> named = new ArrayList<>(List.of(AGENT_NAME));
        named.addAll(columns(slaSeconds));
        List<Column> aggs = named.stream().map(a -> expr(a.sql()).as(a.name())).toList();
        return segments
                .groupBy(KEYS.stream().map(k -> expr(k.sql()).as(k.name())).toArray(Column[]::new))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]))
                .withColumn(RANK.name(), expr(RANK.sql()))
                .orderBy(col("shop_id"), col(RANK.name()), col("agent_id"));
    }

    /** Every column in table order, for the docs. */
    public static List<Aggregate> all(List<Integer> slaSeconds) {
        List<Aggregate> all = new ArrayList<>(KEYS);
        all.add(AGENT_NAME);
        all.addAll(columns(slaSeconds));
        all.add(RANK);
        return all;
    }
}
