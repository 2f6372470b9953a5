package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import java.util.Set;

import chatqa.model.Evidence;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScore;

/** The {@code rule_hits} table: one row per rule and agent part it applied to, passed or not, with its evidence. */
public final class RuleHitsTable {
    /**
     * One rule result of a conversation and its evidence as stored (moved onto the masked text
     * with {@code --mask-warehouse}).
     */
    public record Source(ConversationScore conversation, CheckResult check, Evidence evidence) {
        String agentId() {
            return conversation.segments().get(check.segment() - 1).segment().agentId();
        }
    }

    public static final Table<Source> TABLE = new Table<>(Tables.RULE_HITS, List.of(
            ConversationsTable.CONVERSATION_ID.from(Source::conversation),
            ConversationsTable.SHOP_ID.from(Source::conversation),
            new Column<>("agent_id", StringType, "the agent of the part the result is credited to", Source::agentId),
            new Column<>("segment", IntegerType, "that part (see `agent_segments`)", s -> s.check().segment()),
            new Column<>("rule_id", StringType, "from the rule book", s -> s.check().rule().id()),
            new Column<>("rule_name", StringType, "the rule's short name in the rule book (问候语, 致歉), what reports show; the id "
                    + "when the book gives none", s -> s.check().rule().name()),
            new Column<>("category", StringType, "from the rule book", s -> s.check().rule().category()),
            new Column<>("description", StringType, "from the rule book", s -> s.check().rule().description()),
            new Column<>("passed", BooleanType, "", s -> s.check().passed()),
            new Column<>("fatal", BooleanType, "the rule failed and is fatal", s -> s.check().fatalHit()),
            new Column<>("points_deducted", IntegerType, "", s -> s.check().pointsDeducted()),
            new Column<>("message_id", StringType, "the message the check concerns (the matched one, or the one where the element is missing)",
                    s -> s.evidence().messageId()),
            new Column<>("message_seq", IntegerType, "its position", s -> s.evidence().messageSeq() < 0 ? null : s.evidence().messageSeq()),
            new Column<>("matched_text", StringType, "the matched span of that message's text; null for a missing element",
                    s -> s.evidence().matchedText()),
            new Column<>("span_start", IntegerType, "where the span starts in the text, in characters", s -> s.evidence().start() < 0 ? null
                    : s.evidence().start()),
            new Column<>("span_end", IntegerType, "where it ends (exclusive)", s -> s.evidence().end() < 0 ? null : s.evidence().end()),
            new Column<>("evidence", StringType, "a sentence saying what was found or missing where", s -> s.evidence().why()),
            new Column<>("scenario", StringType, "for a rule with `scenario:`, the scenario the result belongs to (the first of the rule's "
                    + "scenarios the conversation has); null for rules of every conversation", s -> s.conversation().scenarioOf(s.check().rule()))),
            Set.of("matched_text", "evidence"));

    private RuleHitsTable() {
    }
}
