package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;

import java.util.List;

import chatqa.score.Verdicts;

/**
 * The verdict columns that {@code conversations} (over the whole conversation) and
 * {@code agent_segments} (over one agent's part) share, declared once.
 */
final class VerdictColumns {
    static final List<Column<Verdicts>> COLUMNS = List.of(
            new Column<>("long_agent_messages", IntegerType,
                    "agent messages longer than the rule book's `long_message_chars` (\"split your reply\")", Verdicts::longAgentMessages),
            new Column<>("greeting_passed", BooleanType, "all applicable `greeting` rules passed; null when none applied",
                    Verdicts::greetingPassed),
            new Column<>("apology_required", BooleanType, "an `apology` rule applied (a customer complained and an agent replied)",
                    Verdicts::apologyRequired),
            new Column<>("apology_passed", BooleanType, "all applicable `apology` rules passed; null when not required",
                    Verdicts::apologyPassed),
            new Column<>("closing_passed", BooleanType, "all applicable `closing` rules passed; null when none applied",
                    Verdicts::closingPassed),
            new Column<>("red_line_hits", IntegerType, "failed `absent` rules of category `red_line`", Verdicts::redLineHits),
            new Column<>("fatal", BooleanType, "a fatal rule failed: the QA score is 0", Verdicts::fatal),
            new Column<>("points_deducted", IntegerType, "sum of the points of failed rules (each rule once)", Verdicts::deductions),
            new Column<>("qa_score", DoubleType, "100 − points_deducted, at least 0; 0 when fatal; null when no agent took part",
                    Verdicts::qaScore));

    private VerdictColumns() {
    }
}
