package chatqa.warehouse;

import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Row;

import chatqa.enrich.EnrichedMessage;
import chatqa.ingest.QuarantinedRow;
import chatqa.model.SourceRef;
import chatqa.privacy.PersonalDataMask.Masked;
import chatqa.score.ConversationScore;
import chatqa.score.RuleError;

/**
 * The warehouse rows of one scored conversation, from the catalogue's tables: its conversation
 * row, a row per message, agent part and rule result. With {@code --mask-warehouse} this is
 * where personal data is masked, as the rows are written: message texts and words, and the
 * evidence spans, moved onto the masked text. Messages keep their words only with
 * {@code --store-words}: nothing chatqa reads needs them, and they were the largest column.
 */
public record ConversationRows(Row conversation, Row[] messages, Row[] segments, Row[] hits) {

    /** @param mask null: store the raw text; {@code words}: store each message's words */
    public static ConversationRows of(ConversationScore s, WarehouseMask mask, boolean words) {
        Map<Integer, Masked> masks = new HashMap<>();
        Row[] messages = s.messages().stream().map(e -> MessagesTable.TABLE.row(stored(e, mask, masks, words))).toArray(Row[]::new);
        Row[] segments = s.segments().stream()
                .map(p -> AgentSegmentsTable.TABLE.row(new AgentSegmentsTable.Source(s, p))).toArray(Row[]::new);
        Row[] hits = s.checks().stream().map(c -> RuleHitsTable.TABLE.row(
                new RuleHitsTable.Source(s, c, mask == null ? c.evidence() : mask.stored(c.evidence(), masks.get(c.evidence().messageSeq())))))
                .toArray(Row[]::new);
        return new ConversationRows(ConversationsTable.TABLE.row(s), messages, segments, hits);
    }

    private static MessagesTable.Source stored(EnrichedMessage e, WarehouseMask mask, Map<Integer, Masked> masks, boolean words) {
        if (mask == null) {
            return new MessagesTable.Source(e, e.message().text(), words ? e.words().words().toArray(new String[0]) : null);
        }
        WarehouseMask.MaskedMessage mm = mask.message(e.message().text(), words ? e.words() : null);
        masks.put(e.seq(), mm.masked());
        return new MessagesTable.Source(e, mm.text(), mm.words());
    }

    /** A quarantined input row, its raw line masked when {@code mask} is given. */
    public static Row quarantined(QuarantinedRow q, WarehouseMask mask) {
        return quarantined(q.file(), q.line(), q.reason().code(), q.field(), q.detail(), q.raw(), mask);
    }

    public static Row quarantined(String file, long line, String reason, String field, String detail, String raw, WarehouseMask mask) {
        return QuarantineTable.TABLE.row(new QuarantineTable.Entry(file, line, reason, field, detail,
                mask == null || raw == null ? raw : mask.text(raw)));
    }

    /**
     * A check that could not be made, stored in the quarantine table under the message's file and
     * line with the rule id as its field. It is no input row: the message was accepted and scored.
     */
    public static Row ruleError(RuleError e, SourceRef message) {
        return QuarantineTable.TABLE.row(new QuarantineTable.Entry(message.file(), message.line(), QuarantineTable.RULE_ERROR, e.owner(),
                e.detail() + "; " + e.owner() + " is not scored for this conversation", null));
    }
}
