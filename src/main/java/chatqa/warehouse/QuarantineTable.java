package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import java.util.Set;

/**
 * The {@code quarantine} table: one row per input row that was not accepted, and one
 * {@value #RULE_ERROR} row per rule check that could not be made on a message.
 */
public final class QuarantineTable {
    /** The reason of a check whose regular expression failed on a message (no input row: the message was scored). */
    public static final String RULE_ERROR = "rule_error";

    /** One quarantined row as stored (raw masked with {@code --mask-warehouse}). */
    public record Entry(String file, long line, String reason, String field, String detail, String raw) {
    }

    public static final Table<Entry> TABLE = new Table<>(Tables.QUARANTINE, List.of(
            new Column<>("source_file", StringType, "the export file", Entry::file),
            new Column<>("source_line", LongType, "the row's (first) line", Entry::line),
            new Column<>("reason", StringType, "`bad_encoding`, `unbalanced_quotes`, `wrong_column_count`, `bad_json`, `bad_workbook`, `missing_column`, "
                    + "`missing_text`, `missing_role`, `unknown_role`, `missing_timestamp`, `bad_timestamp`, `implausible_timestamp`, "
                    + "`missing_customer`, `duplicate_message`, `unmatched_rating` (a row of a `--ratings` file that rates no conversation); "
                    + "and `rule_error`", Entry::reason),
            new Column<>("field", StringType, "the canonical field at fault, if one; for `rule_error` the id of the rule (or "
                    + "`scenario:<name>`, `outcome:<signal>`, `transfer`)", Entry::field),
            new Column<>("detail", StringType, "what was wrong", Entry::detail),
            new Column<>("raw", StringType, "the row as read (first 2,000 characters)", Entry::raw)),
            Set.of("detail", "raw"));

    private QuarantineTable() {
    }
}
