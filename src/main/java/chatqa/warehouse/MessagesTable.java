package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.List;
import java.util.Set;

import chatqa.enrich.EnrichedMessage;

/** The {@code messages} table: one row per accepted message. */
public final class MessagesTable {
    /**
     * A message as it is stored: its enrichment, and its text and words — masked with
     * {@code --mask-warehouse}, raw otherwise.
     */
    public record Source(EnrichedMessage message, String text, String[] words) { // words null: not stored
    }

    public static final Table<Source> TABLE = new Table<>(Tables.MESSAGES, List.of(
            new Column<>("conversation_id", StringType,
                    "the export's id, or `<shop>:<customer>:<start yyyyMMddTHHmmssZ>` when sessionized",
                    s -> s.message().message().conversationId()),
            new Column<>("message_id", StringType, "the export's id, or `<conversation_id>#<seq>`",
                    s -> s.message().message().messageId()),
            new Column<>("seq", IntegerType, "position in the conversation after sorting by time (ties in file order)",
                    s -> s.message().seq()),
            new Column<>("sent_at", TimestampType, "null when the export has no timestamps", s -> s.message().message().sentAt()),
            new Column<>("role", StringType, "customer, agent, bot, system", s -> s.message().message().role().code()),
            new Column<>("agent_id", StringType, "as exported (or the mapping's default)", s -> s.message().message().agentId()),
            new Column<>("customer_id", StringType, "as exported", s -> s.message().message().customerId()),
            new Column<>("shop_id", StringType, "as exported (or the mapping's default)", s -> s.message().message().shopId()),
            new Column<>("text", StringType, "the message, trimmed", Source::text),
            new Column<>("words", createArrayType(StringType, false),
                    "HanLP segmentation (standard segmenter), computed once per message; stored only by runs with `--store-words` "
                            + "(null otherwise)", Source::words),
            new Column<>("char_count", IntegerType, "length of the raw `text`", s -> s.message().message().text().length()),
            new Column<>("sentiment", DoubleType,
                    "customer messages only: -1 (angry) … 1 (happy), P(positive) − P(negative) of the chat model; English by CoreNLP",
                    s -> s.message().sentiment() == null ? null : s.message().sentiment().score()),
            new Column<>("sentiment_label", StringType,
                    "customer messages only: `negative`, `neutral` or `positive` (the chat model's class; docs/labelling.md)",
                    s -> s.message().sentiment() == null ? null : s.message().sentiment().label().code()),
            new Column<>("sentiment_explanation", StringType,
                    "the label and the words that pushed towards it, e.g. `negative: 还没(+1.2) 都三天(+0.9)`; first the labelling "
                            + "convention when one decided it, `negative: problem_report('裂了') 屏幕(+0.4)`; or `corenlp: Negative`",
                    s -> s.message().sentiment() == null ? null : s.message().sentiment().explanation()),
            new Column<>("source_file", StringType, "the export file the row came from", s -> s.message().message().source().file()),
            new Column<>("source_line", LongType, "its line (the first line of a multi-line row)",
                    s -> s.message().message().source().line())),
            Set.of("message_id", "text", "sentiment_explanation"));

    private MessagesTable() {
    }
}
