package chatqa.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import chatqa.enrich.EnrichedMessage;
import chatqa.ingest.QuarantinedRow;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScore;
import chatqa.score.ResponseTiming;

/**
 * Converts between the pure-Java records and Spark rows of the schemas in
 * {@link chatqa.warehouse.Tables}. Arrays are passed as Java arrays, which Spark's row encoder
 * accepts without Scala collections.
 */
final class RowCodec {
    static final String KIND_MESSAGE = "message";
    static final String KIND_QUARANTINE = "quarantine";
    static final String KIND_FILE = "file";

    private RowCodec() {
    }

    /** A parsed input row (schema {@link Stages#PARSED}). */
    static Row parsedMessage(Message m) {
        return RowFactory.create(KIND_MESSAGE, m.source().file(), m.source().fileIndex(), m.source().line(),
                m.conversationId(), m.messageId(), m.sentAt(), m.role().code(), m.agentId(), m.customerId(), m.shopId(),
                m.text(), null, null, null, null, null);
    }

    static Row parsedQuarantine(QuarantinedRow q, int fileIndex) {
        return RowFactory.create(KIND_QUARANTINE, q.file(), fileIndex, q.line(), null, null, null, null, null, null, null,
                null, q.reason().code(), q.field(), q.detail(), q.raw(), null);
    }

    static Row parsedFile(String file, int fileIndex, String encoding) {
        return RowFactory.create(KIND_FILE, file, fileIndex, 0L, null, null, null, null, null, null, null,
                null, null, null, null, null, encoding);
    }

    static Message message(Row r) {
        return new Message(r.getAs("conversation_id"), r.getAs("message_id"), (Instant) r.getAs("sent_at"),
                Role.fromCode(r.getAs("role")), r.getAs("agent_id"), r.getAs("customer_id"), r.getAs("shop_id"),
                r.getAs("text"), new SourceRef(r.getAs("file"), (Integer) r.getAs("file_index"), (Long) r.getAs("line")));
    }

    static Row quarantine(QuarantinedRow q) {
        return RowFactory.create(q.file(), q.line(), q.reason().code(), q.field(), q.detail(), q.raw());
    }

    /** One scored conversation with its messages, checks and the duplicates found beside it. */
    static Row bundle(ConversationScore s, List<QuarantinedRow> duplicates) {
        Row[] messages = s.messages().stream().map(RowCodec::message).toArray(Row[]::new);
        Row[] hits = s.checks().stream().map(c -> hit(s, c)).toArray(Row[]::new);
        Row[] dups = duplicates.stream().map(RowCodec::quarantine).toArray(Row[]::new);
        return RowFactory.create(conversation(s), messages, hits, dups);
    }

    private static Row message(EnrichedMessage e) {
        Message m = e.message();
        return RowFactory.create(m.conversationId(), m.messageId(), e.seq(), m.sentAt(), m.role().code(), m.agentId(),
                m.customerId(), m.shopId(), m.text(), e.words().words().toArray(new String[0]), m.text().length(),
                m.source().file(), m.source().line());
    }

    private static Row conversation(ConversationScore s) {
        var c = s.conversation();
        ResponseTiming t = s.timing();
        int[] byRole = new int[Role.values().length];
        c.messages().forEach(m -> byRole[m.role().ordinal()]++);
        return RowFactory.create(c.id(), c.shopId(), c.customerId(), s.agentId(), s.agentIds().toArray(new String[0]),
                c.startedAt(), c.endedAt(), c.messages().size(), byRole[Role.CUSTOMER.ordinal()],
                byRole[Role.AGENT.ordinal()], byRole[Role.BOT.ordinal()], byRole[Role.SYSTEM.ordinal()],
                t.firstResponseSeconds(), t.customerTurns(), t.answeredTurns(), t.unansweredTurns(),
                t.waitsSeconds().toArray(new Double[0]), t.longestWaitSeconds(), t.meanWaitSeconds(),
                s.longAgentMessages(), s.greetingPassed(), s.apologyPassed() != null, s.apologyPassed(),
                s.closingPassed(), s.redLineHits(), s.fatal(), s.deductions(), s.qaScore(),
                s.failedRuleIds().toArray(new String[0]));
    }

    private static Row hit(ConversationScore s, CheckResult c) {
        var e = c.evidence();
        String agent = agentOf(s, e.messageSeq());
        return RowFactory.create(s.conversation().id(), s.conversation().shopId(), agent, c.rule().id(),
                c.rule().category(), c.rule().description(), c.passed(), c.fatalHit(), c.pointsDeducted(),
                e.messageId(), e.messageSeq() < 0 ? null : e.messageSeq(), e.matchedText(),
                e.start() < 0 ? null : e.start(), e.end() < 0 ? null : e.end(), e.why());
    }

    /** The agent a check concerns: the sender of its evidence message when an agent sent it. */
    private static String agentOf(ConversationScore s, int seq) {
        if (seq >= 1 && seq <= s.messages().size()) {
            Message m = s.messages().get(seq - 1).message();
            if (m.isAgent() && m.agentId() != null) {
                return m.agentId();
            }
        }
        return s.agentId();
    }

    static List<String> columns(org.apache.spark.sql.types.StructType schema) {
        List<String> out = new ArrayList<>();
        for (var f : schema.fields()) {
            out.add(f.name());
        }
        return out;
    }
}
