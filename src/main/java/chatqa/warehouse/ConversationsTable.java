package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import chatqa.model.Role;
import chatqa.score.ConversationScore;
import chatqa.score.ScenarioTag;

/** The {@code conversations} table: one row per conversation. */
public final class ConversationsTable {
    /** Why a conversation got a scenario tag: the message and span that triggered it (null for 'other'). */
    static final Table<ScenarioTag> SCENARIO_EVIDENCE = new Table<>("scenario_evidence", List.of(
            new Column<>("scenario", StringType, "the tag", ScenarioTag::scenario),
            new Column<>("message_id", StringType, "the message that triggered it", t -> t.evidence().messageId()),
            new Column<>("message_seq", IntegerType, "its position", t -> t.evidence().messageSeq() < 0 ? null : t.evidence().messageSeq()),
            new Column<>("matched_text", StringType, "the matched span", t -> t.evidence().matchedText()),
            new Column<>("evidence", StringType, "e.g. `customer message 3: '便宜点'`", t -> t.evidence().why())));

    /** The key columns that agent_segments and rule_hits share. */
    static final Column<ConversationScore> CONVERSATION_ID = new Column<>("conversation_id", StringType,
            "the export's id, or the sessionized id (see messages)", s -> s.conversation().id());
    static final Column<ConversationScore> SHOP_ID = new Column<>("shop_id", StringType, "", s -> s.conversation().shopId());

    /** Outcome, flag and sentiment columns that agent_segments copies from its conversation. */
    static final Column<ConversationScore> OUTCOME = new Column<>("outcome", StringType,
            "`platform_intervention`, `external_complaint_threat`, `return_refund_exchange`, `compensated`, `transferred`, "
                    + "`customer_silent_unhappy`, `resolved_in_chat` or `unresolved`: the first class that applies in the rule book's precedence",
            s -> s.outcome().outcome().code());
    static final Column<ConversationScore> ESCALATION_REQUESTED = new Column<>("escalation_requested", BooleanType,
            "the customer asked for platform staff or a supervisor", s -> s.outcome().flags().escalationRequested());
    static final Column<ConversationScore> COMPLAINT_THREATENED = new Column<>("complaint_threatened", BooleanType,
            "the customer threatened an outside complaint (投诉, 12315, 消协, 差评, 起诉)", s -> s.outcome().flags().complaintThreatened());
    static final Column<ConversationScore> SENTIMENT_SWING = new Column<>("sentiment_swing", DoubleType, "sentiment_end − sentiment_start",
            s -> s.sentiment().swing());
    static final Column<ConversationScore> STARTED_NEGATIVE = new Column<>("started_negative", BooleanType,
            "the first customer message is labelled negative by the chat sentiment model", s -> s.sentiment().startedNegative());
    static final Column<ConversationScore> RECOVERED = new Column<>("recovered", BooleanType,
            "started negative and the last customer message is not negative", s -> s.sentiment().recovered());
    static final Column<ConversationScore> DETERIORATED = new Column<>("deteriorated", BooleanType,
            "the customer wrote more than once and their last message is negative, while the first was not or scored more than `sentiment.deterioration_drop` higher", s -> s.sentiment().deteriorated());
    static final Column<ConversationScore> SATISFACTION = new Column<>("satisfaction_estimate", DoubleType,
            "how satisfied the customer was, estimated on the -2..2 scale of people's ratings (STC-3 judges) from their sentiment over "
                    + "the conversation and at the end, the outcome, unanswered turns and escalations; null when the customer never wrote",
            s -> s.satisfaction() == null ? null : s.satisfaction().value());
    static final Column<ConversationScore> CSAT = new Column<>("csat", DoubleType,
            "the customer's own rating on the 1-5 CSAT scale (5 very satisfied), from the export (the mapping's `rating` column and "
                    + "`ratings:` table); null when the customer did not rate or the value is none the scale knows",
            s -> s.conversation().rating() == null ? null : s.conversation().rating().csat());
    static final Column<ConversationScore> GROUP = new Column<>("group_id", StringType,
            "the skill group or queue that handled the conversation (the mapping's `group_id`: Qiyu fromGroup, Udesk belong_queue); "
                    + "the last one its messages name, null when the export has none", s -> s.conversation().groupId());
    static final Column<ConversationScore> SCENARIOS = new Column<>("scenarios", createArrayType(StringType, false),
            "every scenario of the rule book's `scenarios:` section the conversation shows, in the section's order "
                    + "(`pre_sales_product`, `bargaining`, `payment`, `logistics`, `quality_complaint`, `return_refund`, "
                    + "`after_sales_usage` in the built-in book), or `[other]`",
            s -> s.scenarioNames().toArray(new String[0]));

    public static final Table<ConversationScore> TABLE = new Table<>(Tables.CONVERSATIONS, columns(),
            Set.of("conversation_id", "outcome_evidence"));

    private ConversationsTable() {
    }

    private static int count(ConversationScore s, Role role) {
        return (int) s.conversation().messages().stream().filter(m -> m.role() == role).count();
    }

    private static List<Column<ConversationScore>> columns() {
        List<Column<ConversationScore>> c = new ArrayList<>(List.of(
                CONVERSATION_ID,
                SHOP_ID,
                new Column<>("customer_id", StringType, "", s -> s.conversation().customerId()),
                new Column<>("agent_id", StringType, "the agent of the first part: the first human agent who replied (null: none, or no id)",
                        ConversationScore::agentId),
                new Column<>("agent_ids", createArrayType(StringType, false), "every agent who wrote, in order of first message",
                        s -> s.agentIds().toArray(new String[0])),
                new Column<>("started_at", TimestampType, "first message", s -> s.conversation().startedAt()),
                new Column<>("ended_at", TimestampType, "last message", s -> s.conversation().endedAt()),
                new Column<>("message_count", IntegerType, "", s -> s.conversation().messages().size()),
                new Column<>("customer_messages", IntegerType, "", s -> count(s, Role.CUSTOMER)),
                new Column<>("agent_messages", IntegerType, "", s -> count(s, Role.AGENT)),
                new Column<>("bot_messages", IntegerType, "", s -> count(s, Role.BOT)),
                new Column<>("system_messages", IntegerType, "", s -> count(s, Role.SYSTEM)),
                new Column<>("frt_s", DoubleType, "first response time: first customer message → first **agent** message after it, in open time with `business_hours` (bots and "
                        + "system notices don't count); null when unknown or never answered", s -> s.timing().firstResponseSeconds()),
                new Column<>("customer_turns", IntegerType, "runs of customer messages not yet answered by an agent",
                        s -> s.timing().customerTurns()),
                new Column<>("answered_turns", IntegerType, "turns an agent replied to", s -> s.timing().answeredTurns()),
                new Column<>("unanswered_turns", IntegerType, "turns no agent replied to", s -> s.timing().unansweredTurns()),
                new Column<>("out_of_hours_turns", IntegerType, "turns that began while the shop was closed (the rule book's "
                        + "`business_hours`); their waits count from the opening; 0 without business hours", s -> s.timing().outOfHoursTurns()),
                new Column<>("waits_s", createArrayType(DoubleType, false),
                        "every turn's wait, from the turn's first message to the agent's reply, in open time when the rule book has `business_hours`", s -> s.timing().waitsSeconds().toArray(new Double[0])),
                new Column<>("max_wait_s", DoubleType, "longest of `waits_s`", s -> s.timing().longestWaitSeconds()),
                new Column<>("mean_wait_s", DoubleType, "mean of `waits_s`", s -> s.timing().meanWaitSeconds())));
        c.addAll(Column.from(VerdictColumns.COLUMNS, ConversationScore::verdicts));
        c.addAll(List.of(
                new Column<>("failed_rules", createArrayType(StringType, false), "ids of failed rules",
                        s -> s.failedRuleIds().toArray(new String[0])),
                new Column<>("segment_count", IntegerType, "agent parts (more than 1: the conversation passed between agents)",
                        s -> s.segments().size()),
                OUTCOME,
                new Column<>("outcome_evidence", StringType, "the message that decided the outcome (e.g. `customer message 5: '12315'`)",
                        s -> s.outcome().evidence()),
                ESCALATION_REQUESTED,
                new Column<>("platform_intervention", BooleanType, "the customer asked for platform staff (小二介入, 平台介入, 仲裁)",
                        s -> s.outcome().flags().platformIntervention()),
                COMPLAINT_THREATENED,
                new Column<>("refund_agreed", BooleanType, "an agent agreed to a return, refund, exchange or resend",
                        s -> s.outcome().flags().refundAgreed()),
                new Column<>("compensated", BooleanType, "an agent offered compensation (红包, coupon, 补偿)", s -> s.outcome().flags().compensated()),
                new Column<>("transferred", BooleanType, "the conversation passed between agents, or the customer asked for a supervisor",
                        s -> s.outcome().flags().transferred()),
                new Column<>("human_requested", BooleanType, "the customer asked for a human (转人工) after a bot answered",
                        s -> s.outcome().flags().humanRequested()),
                new Column<>("customer_unhappy_at_end", BooleanType,
                        "the customer's last message was unhappy (a rule-book `customer_unhappy` phrase, or labelled negative by the chat sentiment model)",
                        s -> s.outcome().flags().customerUnhappyAtEnd()),
                new Column<>("sentiment_start", DoubleType, "sentiment of the first customer message", s -> s.sentiment().start()),
                new Column<>("sentiment_min", DoubleType, "the lowest customer sentiment", s -> s.sentiment().min()),
                new Column<>("sentiment_end", DoubleType, "sentiment of the last customer message", s -> s.sentiment().end()),
                SENTIMENT_SWING, STARTED_NEGATIVE, RECOVERED, DETERIORATED,
                new Column<>("cause_message_id", StringType, "the agent message just before the largest drop between two consecutive "
                        + "customer messages into a negative one, or within negatives by at least `sentiment.deterioration_drop` (the likely cause); "
                        + "null when the mood never dropped", s -> s.sentiment().causeMessageId()),
                new Column<>("cause_message_seq", IntegerType, "its position", s -> s.sentiment().causeMessageSeq()),
                SATISFACTION,
                new Column<>("satisfaction_drivers", StringType, "what moved the estimate most from an average conversation, "
                        + "e.g. `ended negative (-0.45), share of turns unanswered (-0.30)`",
                        s -> s.satisfaction() == null ? null : s.satisfaction().drivers()),
                CSAT,
                GROUP,
                new Column<>("csat_raw", StringType, "the rating as the export wrote it (非常满意, 5, an eval_code)",
                        s -> s.conversation().rating() == null ? null : s.conversation().rating().raw()),
                SCENARIOS,
                Column.structs("scenario_evidence", SCENARIO_EVIDENCE,
                        "per tag, the message that triggered it and the matched span; message fields null for `other`",
                        ConversationScore::scenarios)));
        return c;
    }
}
