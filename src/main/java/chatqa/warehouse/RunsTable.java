package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.time.Instant;
import java.util.List;

/** The {@code runs} table: the manifest of the run that wrote the day. */
public final class RunsTable {
    /** One input file of a run and its counts. */
    public record Input(String path, long sizeBytes, String sha256, String encoding, long rowsRead, long accepted, long quarantined) {
    }

    /** What a run read, with which rule book and version, and what it counted. */
    public record Manifest(String runId, Instant startedAt, Instant finishedAt, double durationSeconds, String version, String timezone,
                           String master, String ruleBook, String ruleBookSha256, String mapping, List<Input> inputs, long rowsRead,
                           long accepted, long quarantined, long duplicates, long conversations, long scoredConversations, long agents,
                           List<Integer> slaSeconds) {
        public Manifest {
            inputs = List.copyOf(inputs);
            slaSeconds = List.copyOf(slaSeconds);
        }
    }

    static final Table<Input> INPUT = new Table<>("inputs", List.of(
            new Column<>("path", StringType, "", Input::path),
            new Column<>("size_bytes", LongType, "", Input::sizeBytes),
            new Column<>("sha256", StringType, "", Input::sha256),
            new Column<>("encoding", StringType, "`UTF-8`, `GB18030`, `Big5`, `UTF-16LE` or `UTF-16BE`", Input::encoding),
            new Column<>("rows_read", LongType, "", Input::rowsRead),
            new Column<>("accepted", LongType, "", Input::accepted),
            new Column<>("quarantined", LongType, "", Input::quarantined)));

    public static final Table<Manifest> TABLE = new Table<>(Tables.RUNS, List.of(
            new Column<>("run_id", StringType, "UTC start time and a random suffix", Manifest::runId),
            new Column<>("started_at", TimestampType, "", Manifest::startedAt),
            new Column<>("finished_at", TimestampType, "", Manifest::finishedAt),
            new Column<>("duration_s", DoubleType, "", Manifest::durationSeconds),
            new Column<>("chatqa_version", StringType, "", Manifest::version),
            new Column<>("timezone", StringType, "", Manifest::timezone),
            new Column<>("master", StringType, "the Spark master it ran on", Manifest::master),
            new Column<>("rule_book", StringType, "the rule book's file (or built-in name)", Manifest::ruleBook),
            new Column<>("rule_book_sha256", StringType, "hash of its text", Manifest::ruleBookSha256),
            new Column<>("mapping", StringType, "the export mapping (and after `; ratings: ` the --ratings files' mapping)", Manifest::mapping),
            Column.structs("inputs", INPUT, "every input file", Manifest::inputs),
            new Column<>("rows_read", LongType, "total rows read", Manifest::rowsRead),
            new Column<>("accepted", LongType, "total accepted", Manifest::accepted),
            new Column<>("quarantined", LongType, "total quarantined (duplicates included)", Manifest::quarantined),
            new Column<>("duplicates", LongType, "of those, duplicates", Manifest::duplicates),
            new Column<>("conversations", LongType, "", Manifest::conversations),
            new Column<>("scored_conversations", LongType, "conversations with a QA score", Manifest::scoredConversations),
            new Column<>("agents", LongType, "scorecards written", Manifest::agents),
            new Column<>("sla_seconds", createArrayType(IntegerType, false),
                    "the rule book's first-response SLA tiers: the scorecards' `sla_<N>s_rate` columns and the views follow them",
                    m -> m.slaSeconds().toArray(new Integer[0]))));

    private RunsTable() {
    }
}
