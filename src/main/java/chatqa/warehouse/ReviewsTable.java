package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The {@code reviews} table: one row per machine check a reviewer judged, as imported from a
 * filled review workbook ({@code chatqa review import}); {@code dt} is the scored day of the
 * check. A later import of the same check by the same reviewer supersedes the earlier one in the
 * views; nothing is overwritten.
 */
public final class ReviewsTable {
    /** Appeal decisions, as stored. */
    public static final List<String> DECISIONS = List.of("upheld", "rejected");

    /** The verdicts, as stored: the reviewer agrees with the machine's verdict, disagrees, or the check does not apply. */
    public static final List<String> VERDICTS = List.of("agree", "disagree", "na");

    /** One imported verdict. */
    public record Review(String conversationId, int segment, String ruleId, String reviewer, String verdict, Integer correctedPoints,
                         String comment, String appeal, String appealDecision, String sampleReason, boolean machinePassed, int machinePoints, String importId,
                         String sourceFile, long sourceRow, Instant importedAt) {
    }

    public static final Table<Review> TABLE = new Table<>(Tables.REVIEWS, List.of(
            new Column<>("conversation_id", StringType, "the check's conversation (see `rule_hits`)", Review::conversationId),
            new Column<>("segment", IntegerType, "its agent part", Review::segment),
            new Column<>("rule_id", StringType, "its rule", Review::ruleId),
            new Column<>("reviewer", StringType, "who judged it", Review::reviewer),
            new Column<>("verdict", StringType, "`agree` (the machine's verdict stands), `disagree` (it is wrong), `na` (the check does not "
                    + "apply); the workbook's 同意 / 不同意 / 不适用", Review::verdict),
            new Column<>("corrected_points", IntegerType, "the points the reviewer would deduct instead, when given", Review::correctedPoints),
            new Column<>("comment", StringType, "", Review::comment),
            new Column<>("appeal", StringType, "the agent's appeal against the machine's verdict, when they made one", Review::appeal),
            new Column<>("appeal_decision", StringType, "the final decision on the appeal: `upheld` (the agent is right: the verdict is "
                    + "treated as disagreed) or `rejected`; null while the appeal is open", Review::appealDecision),
            new Column<>("sample_reason", StringType, "why the conversation was in the queue: `control` (the random control sample: "
                    + "the one to estimate the machine's accuracy from), `red_line`, `platform_intervention`, `complaint_threat`, "
                    + "`low_satisfaction`, `agent_coverage`", Review::sampleReason),
            new Column<>("machine_passed", BooleanType, "the machine's verdict the reviewer judged (from `rule_hits` at import)", Review::machinePassed),
            new Column<>("machine_points", IntegerType, "the points the machine deducted", Review::machinePoints),
            new Column<>("import_id", StringType, "the import that brought the row", Review::importId),
            new Column<>("source_file", StringType, "the workbook", Review::sourceFile),
            new Column<>("source_row", LongType, "its row (1 = the header)", Review::sourceRow),
            new Column<>("imported_at", TimestampType, "", Review::importedAt)),
            Set.of("comment", "appeal"));

    private ReviewsTable() {
    }
}
