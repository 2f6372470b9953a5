package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;

import chatqa.score.ConversationScore;
import chatqa.score.SegmentScore;

/**
 * The {@code agent_segments} table: one row per agent part of a conversation, the unit the
 * scorecards are aggregated over. Outcome and mood columns are the conversation's.
 */
public final class AgentSegmentsTable {
    /** One agent's part and the conversation it belongs to. */
    public record Source(ConversationScore conversation, SegmentScore part) {
    }

    public static final Table<Source> TABLE = new Table<>(Tables.AGENT_SEGMENTS, columns());

    private AgentSegmentsTable() {
    }

    private static List<Column<Source>> columns() {
        List<Column<Source>> c = new ArrayList<>(List.of(
                ConversationsTable.CONVERSATION_ID.from(Source::conversation),
                ConversationsTable.SHOP_ID.from(Source::conversation),
                new Column<>("segment", IntegerType, "1-based part number", s -> s.part().segment().index()),
                new Column<>("agent_id", StringType, "null when the export has no id", s -> s.part().segment().agentId()),
                new Column<>("agent_name", StringType, "the agent's display name where the export has one beside the id (the mapping's "
                        + "`agent_name`: Qiyu staffName), the last the part's messages carry; null otherwise",
                        s -> s.part().segment().agentName()),
                new Column<>("first_seq", IntegerType, "the part's first message", s -> s.part().segment().firstSeq()),
                new Column<>("first_agent_seq", IntegerType, "its agent's first message", s -> s.part().segment().firstAgentSeq()),
                new Column<>("last_seq", IntegerType, "the part's last message", s -> s.part().segment().lastSeq()),
                new Column<>("response_kind", StringType, "`first_response` (part 1) or `transfer_response`",
                        s -> s.part().segment().index() == 1 ? "first_response" : "transfer_response"),
                new Column<>("response_s", DoubleType, "part 1: the first response time; later parts: from the previous agent's last "
                        + "message (the hand-over) to this agent's first message", s -> s.part().responseSeconds()),
                new Column<>("customer_turns", IntegerType, "turns this agent answered or left open", s -> s.part().timing().customerTurns()),
                new Column<>("unanswered_turns", IntegerType, "turns this agent left open", s -> s.part().timing().unansweredTurns()),
                new Column<>("out_of_hours_turns", IntegerType, "of this agent's turns, those that began while the shop was closed",
                        s -> s.part().timing().outOfHoursTurns()),
                new Column<>("waits_s", createArrayType(DoubleType, false), "waits of the turns this agent answered",
                        s -> s.part().timing().waitsSeconds().toArray(new Double[0])),
                new Column<>("max_wait_s", DoubleType, "the longest of them", s -> s.part().timing().longestWaitSeconds())));
        // The part's own verdicts: greeting on the agent's first message, apology on the complaints
        // this agent answered, closing only for the last part.
        c.addAll(Column.from(VerdictColumns.COLUMNS, s -> s.part().verdicts()));
        c.add(new Column<>("transferred_out", BooleanType, "another agent took over after this part",
                s -> s.part().segment().transferredOut()));
        c.addAll(Column.from(List.of(ConversationsTable.OUTCOME, ConversationsTable.ESCALATION_REQUESTED,
                ConversationsTable.COMPLAINT_THREATENED, ConversationsTable.SENTIMENT_SWING, ConversationsTable.STARTED_NEGATIVE,
                ConversationsTable.RECOVERED, ConversationsTable.DETERIORATED, ConversationsTable.SATISFACTION, ConversationsTable.CSAT, ConversationsTable.GROUP,
                ConversationsTable.SCENARIOS),
                Source::conversation));
        return c;
    }
}
