package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.List;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Names and schemas of the warehouse tables (documented in docs/tables.md). Each table lives in
 * {@code <warehouse>/<name>/dt=YYYY-MM-DD/}; the {@code dt} column comes from the folder name.
 * The scorecard schema depends on the rule book's SLA tiers and is built in {@link Scorecards}.
 */
public final class Tables {
    public static final String MESSAGES = "messages";
    public static final String CONVERSATIONS = "conversations";
    public static final String RULE_HITS = "rule_hits";
    public static final String AGENT_SEGMENTS = "agent_segments";
    public static final String AGENT_SCORECARDS = "agent_scorecards";
    public static final String AGENT_SCENARIOS = "agent_scenarios";
    public static final String QUARANTINE = "quarantine";
    public static final String RUNS = "runs";

    /** Every table a run writes, in commit order. */
    public static final List<String> ALL = List.of(MESSAGES, CONVERSATIONS, AGENT_SEGMENTS, RULE_HITS, AGENT_SCORECARDS,
            AGENT_SCENARIOS, QUARANTINE, RUNS);

    /** Why a conversation got a scenario tag: the message and span that triggered it (null for 'other'). */
    public static final StructType SCENARIO_EVIDENCE = schema(
            field("scenario", StringType),
            field("message_id", StringType),
            field("message_seq", IntegerType),
            field("matched_text", StringType),
            field("evidence", StringType));

    public static final StructType MESSAGE = schema(
            field("conversation_id", StringType),
            field("message_id", StringType),
            field("seq", IntegerType),
            field("sent_at", TimestampType),
            field("role", StringType),
            field("agent_id", StringType),
            field("customer_id", StringType),
            field("shop_id", StringType),
            field("text", StringType),
            field("words", createArrayType(StringType, false)),
            field("char_count", IntegerType),
            field("sentiment", DoubleType),
            field("sentiment_explanation", StringType),
            field("source_file", StringType),
            field("source_line", LongType));

    public static final StructType CONVERSATION = schema(
            field("conversation_id", StringType),
            field("shop_id", StringType),
            field("customer_id", StringType),
            field("agent_id", StringType),
            field("agent_ids", createArrayType(StringType, false)),
            field("started_at", TimestampType),
            field("ended_at", TimestampType),
            field("message_count", IntegerType),
            field("customer_messages", IntegerType),
            field("agent_messages", IntegerType),
            field("bot_messages", IntegerType),
            field("system_messages", IntegerType),
            field("frt_s", DoubleType),
            field("customer_turns", IntegerType),
            field("answered_turns", IntegerType),
            field("unanswered_turns", IntegerType),
            field("waits_s", createArrayType(DoubleType, false)),
            field("max_wait_s", DoubleType),
            field("mean_wait_s", DoubleType),
            field("long_agent_messages", IntegerType),
            field("greeting_passed", BooleanType),
            field("apology_required", BooleanType),
            field("apology_passed", BooleanType),
            field("closing_passed", BooleanType),
            field("red_line_hits", IntegerType),
            field("fatal", BooleanType),
            field("points_deducted", IntegerType),
            field("qa_score", DoubleType),
            field("failed_rules", createArrayType(StringType, false)),
            field("segment_count", IntegerType),
            field("outcome", StringType),
            field("outcome_evidence", StringType),
            field("escalation_requested", BooleanType),
            field("platform_intervention", BooleanType),
            field("complaint_threatened", BooleanType),
            field("refund_agreed", BooleanType),
            field("compensated", BooleanType),
            field("transferred", BooleanType),
            field("human_requested", BooleanType),
            field("customer_unhappy_at_end", BooleanType),
            field("sentiment_start", DoubleType),
            field("sentiment_min", DoubleType),
            field("sentiment_end", DoubleType),
            field("sentiment_swing", DoubleType),
            field("started_negative", BooleanType),
            field("recovered", BooleanType),
            field("deteriorated", BooleanType),
            field("cause_message_id", StringType),
            field("cause_message_seq", IntegerType),
            field("scenarios", createArrayType(StringType, false)),
            field("scenario_evidence", createArrayType(SCENARIO_EVIDENCE, false)));

    public static final StructType AGENT_SEGMENT = schema(
            field("conversation_id", StringType),
            field("shop_id", StringType),
            field("segment", IntegerType),
            field("agent_id", StringType),
            field("first_seq", IntegerType),
            field("first_agent_seq", IntegerType),
            field("last_seq", IntegerType),
            field("response_kind", StringType),
            field("response_s", DoubleType),
            field("customer_turns", IntegerType),
            field("unanswered_turns", IntegerType),
            field("waits_s", createArrayType(DoubleType, false)),
            field("max_wait_s", DoubleType),
            field("long_agent_messages", IntegerType),
            field("greeting_passed", BooleanType),
            field("apology_required", BooleanType),
            field("apology_passed", BooleanType),
            field("closing_passed", BooleanType),
            field("red_line_hits", IntegerType),
            field("fatal", BooleanType),
            field("points_deducted", IntegerType),
            field("qa_score", DoubleType),
            field("transferred_out", BooleanType),
            field("outcome", StringType),
            field("escalation_requested", BooleanType),
            field("complaint_threatened", BooleanType),
            field("sentiment_swing", DoubleType),
            field("started_negative", BooleanType),
            field("recovered", BooleanType),
            field("deteriorated", BooleanType),
            field("scenarios", createArrayType(StringType, false)));

    public static final StructType RULE_HIT = schema(
            field("conversation_id", StringType),
            field("shop_id", StringType),
            field("agent_id", StringType),
            field("segment", IntegerType),
            field("rule_id", StringType),
            field("category", StringType),
            field("description", StringType),
            field("passed", BooleanType),
            field("fatal", BooleanType),
            field("points_deducted", IntegerType),
            field("message_id", StringType),
            field("message_seq", IntegerType),
            field("matched_text", StringType),
            field("span_start", IntegerType),
            field("span_end", IntegerType),
            field("evidence", StringType),
            field("scenario", StringType));

    public static final StructType QUARANTINED = schema(
            field("source_file", StringType),
            field("source_line", LongType),
            field("reason", StringType),
            field("field", StringType),
            field("detail", StringType),
            field("raw", StringType));

    public static final StructType INPUT_FILE = schema(
            field("path", StringType),
            field("size_bytes", LongType),
            field("sha256", StringType),
            field("encoding", StringType),
            field("rows_read", LongType),
            field("accepted", LongType),
            field("quarantined", LongType));

    public static final StructType RUN = schema(
            field("run_id", StringType),
            field("started_at", TimestampType),
            field("finished_at", TimestampType),
            field("duration_s", DoubleType),
            field("chatqa_version", StringType),
            field("timezone", StringType),
            field("master", StringType),
            field("rule_book", StringType),
            field("rule_book_sha256", StringType),
            field("mapping", StringType),
            field("inputs", createArrayType(INPUT_FILE, false)),
            field("rows_read", LongType),
            field("accepted", LongType),
            field("quarantined", LongType),
            field("duplicates", LongType),
            field("conversations", LongType),
            field("scored_conversations", LongType),
            field("agents", LongType));

    private Tables() {
    }

    static StructField field(String name, DataType type) {
        return new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty());
    }

    static StructType schema(StructField... fields) {
        return new StructType(fields);
    }
}
