package chatqa.job;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

import chatqa.ingest.QuarantinedRow;
import chatqa.ingest.Sessionizer;
import chatqa.model.Message;
import chatqa.model.Rating;
import chatqa.model.Role;
import chatqa.model.SourceRef;
import chatqa.warehouse.Column;
import chatqa.warehouse.Table;

/**
 * The job's intermediate rows, never written to the warehouse: every input row after parsing —
 * kind "message" (accepted), "rating" (a row of a --ratings file, in the message columns: its shop,
 * customer, agent, conversation id, time and rating, keyed like the chats it rates), "quarantine"
 * (rejected with a reason) or "file" (one per input file, carrying the encoding it was read in and
 * how many of its times of day were put on the run's day) — with the key the scoring task groups
 * them by. Declared like the warehouse tables, and
 * read back by column name.
 */
final class ParsedRows {
    static final String KIND_MESSAGE = "message";
    static final String KIND_RATING = "rating";
    static final String KIND_QUARANTINE = "quarantine";
    static final String KIND_FILE = "file";

    /** One parsed row: a message, a quarantined row or a file note (the other two null). */
    record Parsed(String kind, String file, int fileIndex, long line, Message message, QuarantinedRow quarantined, String encoding,
                  Long timeOnly, String groupKey) {
    }

    static final Table<Parsed> TABLE = new Table<>("parsed", List.of(
            column("kind", StringType, Parsed::kind),
            column("file", StringType, Parsed::file),
            column("file_index", IntegerType, Parsed::fileIndex),
            column("line", LongType, Parsed::line),
            message("conversation_id", StringType, Message::conversationId),
            message("message_id", StringType, Message::messageId),
            message("sent_at", TimestampType, Message::sentAt),
            message("role", StringType, m -> m.role().code()),
            message("agent_id", StringType, Message::agentId),
            message("customer_id", StringType, Message::customerId),
            message("shop_id", StringType, Message::shopId),
            message("text", StringType, Message::text),
            message("rating_raw", StringType, m -> m.rating() == null ? null : m.rating().raw()),
            message("csat", DoubleType, m -> m.rating() == null ? null : m.rating().csat()),
            message("group_id", StringType, Message::groupId),
            message("agent_name", StringType, Message::agentName),
            quarantined("reason", q -> q.reason().code()),
            quarantined("field", QuarantinedRow::field),
            quarantined("detail", QuarantinedRow::detail),
            quarantined("raw", QuarantinedRow::raw),
            column("encoding", StringType, Parsed::encoding),
            column("time_only", LongType, Parsed::timeOnly),
            column("group_key", StringType, Parsed::groupKey)));

    static final StructType SCHEMA = TABLE.schema();

    private ParsedRows() {
    }

    private static Column<Parsed> column(String name, DataType type, Function<Parsed, Object> value) {
        return new Column<>(name, type, "", value);
    }

    private static Column<Parsed> message(String name, DataType type, Function<Message, Object> value) {
        return column(name, type, p -> p.message() == null ? null : value.apply(p.message()));
    }

    private static Column<Parsed> quarantined(String name, Function<QuarantinedRow, Object> value) {
        return column(name, StringType, p -> p.quarantined() == null ? null : value.apply(p.quarantined()));
    }

    /**
     * An accepted message. Its group key brings a conversation key's messages together in the
     * scoring task; quarantined rows and file notes sort after every message key, by file and
     * line, each a group of its own.
     */
    static Row message(Message m) {
        return TABLE.row(new Parsed(KIND_MESSAGE, m.source().file(), m.source().fileIndex(), m.source().line(), m, null, null, null,
                Sessionizer.key(m.shopId(), m.conversationId(), m.customerId())));
    }

    /** A rating of a --ratings file, keyed like the messages of the conversations it may rate. */
    static Row rating(Message m) {
        return TABLE.row(new Parsed(KIND_RATING, m.source().file(), m.source().fileIndex(), m.source().line(), m, null, null, null,
                Sessionizer.key(m.shopId(), m.conversationId(), m.customerId())));
    }

    static Row quarantined(QuarantinedRow q, int fileIndex) {
        return TABLE.row(new Parsed(KIND_QUARANTINE, q.file(), fileIndex, q.line(), null, q, null, null,
                String.format("\\uffffq\\u0001%s\\u0001%019d", q.file(), q.line())));
    }

    static Row file(String file, int fileIndex, String encoding, long timeOnly) {
        return TABLE.row(new Parsed(KIND_FILE, file, fileIndex, 0L, null, null, encoding, timeOnly, "\\uffffo\\u0001" + file));
    }

    static Message toMessage(Row r) {
        return new Message(r.getAs("conversation_id"), r.getAs("message_id"), (Instant) r.getAs("sent_at"),
                Role.fromCode(r.getAs("role")), r.getAs("agent_id"), r.getAs("customer_id"), r.getAs("shop_id"),
                r.getAs("text"), new SourceRef(r.getAs("file"), (Integer) r.getAs("file_index"), (Long) r.getAs("line")),
                r.getAs("rating_raw") == null ? null : new Rating(r.getAs("rating_raw"), (Double) r.getAs("csat")), r.getAs("group_id"),
                r.getAs("agent_name"));
    }
}
