package chatqa.spark;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import chatqa.enrich.EnrichedMessage;
import chatqa.ingest.QuarantinedRow;
import chatqa.ingest.Sessionizer;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;
import chatqa.publish.PersonalDataMask.Masked;
import chatqa.publish.WarehouseMask;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScore;
import chatqa.score.OutcomeFlags;
import chatqa.score.RuleError;
import chatqa.score.ResponseTiming;
import chatqa.score.ScenarioTag;
import chatqa.score.SegmentScore;
import chatqa.score.SentimentSwing;

/**
 * Converts between the pure-Java records and Spark rows of the schemas in
 * {@link chatqa.warehouse.Tables}. Arrays are passed as Java arrays, which Spark's row encoder
 * accepts without Scala collections.
 */
final class RowCodec {
    static final String KIND_MESSAGE = "message";
    static final String KIND_QUARANTINE = "quarantine";
    static final String KIND_FILE = "file";
    /** The quarantine reason of a check whose regular expression failed on a message. */
    static final String RULE_ERROR = "rule_error";

    private RowCodec() {
    }

    /**
     * A parsed input row (schema {@link Stages#PARSED}). Its group key brings a conversation key's
     * messages together in the scoring task; quarantined rows and file notes sort after every
     * message key, by file and line, each a group of its own.
     */
    static Row parsedMessage(Message m) {
        return RowFactory.create(KIND_MESSAGE, m.source().file(), m.source().fileIndex(), m.source().line(),
                m.conversationId(), m.messageId(), m.sentAt(), m.role().code(), m.agentId(), m.customerId(), m.shopId(),
                m.text(), null, null, null, null, null, null, Sessionizer.key(m.shopId(), m.conversationId(), m.customerId()));
    }

    static Row parsedQuarantine(QuarantinedRow q, int fileIndex) {
        return RowFactory.create(KIND_QUARANTINE, q.file(), fileIndex, q.line(), null, null, null, null, null, null, null,
                null, q.reason().code(), q.field(), q.detail(), q.raw(), null, null,
                String.format("\uffffq\u0001%s\u0001%019d", q.file(), q.line()));
    }

    static Row parsedFile(String file, int fileIndex, String encoding, long timeOnly) {
        return RowFactory.create(KIND_FILE, file, fileIndex, 0L, null, null, null, null, null, null, null,
                null, null, null, null, null, encoding, timeOnly, "\uffffo\u0001" + file);
    }

    static Message message(Row r) {
        return new Message(r.getAs("conversation_id"), r.getAs("message_id"), (Instant) r.getAs("sent_at"),
                Role.fromCode(r.getAs("role")), r.getAs("agent_id"), r.getAs("customer_id"), r.getAs("shop_id"),
                r.getAs("text"), new SourceRef(r.getAs("file"), (Integer) r.getAs("file_index"), (Long) r.getAs("line")));
    }

    /** The warehouse rows of one scored conversation. */
    record ScoredRows(Row conversation, Row[] messages, Row[] segments, Row[] hits) {
    }

    /**
     * @param mask null: store the raw text; else store texts, words and evidence spans masked
     *             ({@code --mask-warehouse})
     */
    static ScoredRows rows(ConversationScore s, WarehouseMask mask) {
        Map<Integer, Masked> masks = new HashMap<>();
        Row[] messages = s.messages().stream().map(e -> {
            if (mask == null) {
                return message(e, e.message().text(), e.words().words().toArray(new String[0]));
            }
            WarehouseMask.MaskedMessage mm = mask.message(e.message().text(), e.words());
            masks.put(e.seq(), mm.masked());
            return message(e, mm.text(), mm.words());
        }).toArray(Row[]::new);
        Row[] segments = s.segments().stream().map(p -> segment(s, p)).toArray(Row[]::new);
        Row[] hits = s.checks().stream().map(c -> hit(s, c, masks)).toArray(Row[]::new);
        return new ScoredRows(conversation(s), messages, segments, hits);
    }

    /** A quarantined row of the warehouse, its raw line masked when {@code mask} is given. */
    static Row quarantine(QuarantinedRow q, WarehouseMask mask) {
        return RowFactory.create(q.file(), q.line(), q.reason().code(), q.field(), q.detail(),
                mask == null ? q.raw() : mask.text(q.raw()));
    }

    /**
     * A check that could not be made, stored in the quarantine table under the message's file and
     * line with reason {@value #RULE_ERROR} and the rule id as its field. It is no input row: the
     * message itself was accepted and scored.
     */
    static Row ruleError(RuleError e, SourceRef message) {
        return RowFactory.create(message.file(), message.line(), RULE_ERROR, e.owner(),
                e.detail() + "; " + e.owner() + " is not scored for this conversation", null);
    }

    /** The same for a quarantined row as parsed (schema {@link Stages#PARSED}). */
    static Row quarantine(Row parsed, WarehouseMask mask) {
        String raw = parsed.getAs("raw");
        return RowFactory.create(parsed.getAs("file"), parsed.getAs("line"), parsed.getAs("reason"), parsed.getAs("field"),
                parsed.getAs("detail"), mask == null || raw == null ? raw : mask.text(raw));
    }

    private static Row message(EnrichedMessage e, String text, String[] words) {
        Message m = e.message();
        return RowFactory.create(m.conversationId(), m.messageId(), e.seq(), m.sentAt(), m.role().code(), m.agentId(),
                m.customerId(), m.shopId(), text, words, m.text().length(),
                e.sentiment() == null ? null : e.sentiment().score(), e.sentiment() == null ? null : e.sentiment().explanation(),
                m.source().file(), m.source().line());
    }

    private static Row conversation(ConversationScore s) {
        var c = s.conversation();
        ResponseTiming t = s.timing();
        OutcomeFlags f = s.outcome().flags();
        SentimentSwing w = s.sentiment();
        int[] byRole = new int[Role.values().length];
        c.messages().forEach(m -> byRole[m.role().ordinal()]++);
        return RowFactory.create(c.id(), c.shopId(), c.customerId(), s.agentId(), s.agentIds().toArray(new String[0]),
                c.startedAt(), c.endedAt(), c.messages().size(), byRole[Role.CUSTOMER.ordinal()],
                byRole[Role.AGENT.ordinal()], byRole[Role.BOT.ordinal()], byRole[Role.SYSTEM.ordinal()],
                t.firstResponseSeconds(), t.customerTurns(), t.answeredTurns(), t.unansweredTurns(),
                t.waitsSeconds().toArray(new Double[0]), t.longestWaitSeconds(), t.meanWaitSeconds(),
                s.longAgentMessages(), s.greetingPassed(), s.apologyPassed() != null, s.apologyPassed(),
                s.closingPassed(), s.redLineHits(), s.fatal(), s.deductions(), s.qaScore(),
                s.failedRuleIds().toArray(new String[0]), s.segments().size(), s.outcome().outcome().code(),
                s.outcome().evidence(), f.escalationRequested(), f.platformIntervention(), f.complaintThreatened(),
                f.refundAgreed(), f.compensated(), f.transferred(), f.humanRequested(), f.customerUnhappyAtEnd(),
                w.start(), w.min(), w.end(), w.swing(), w.startedNegative(), w.recovered(), w.deteriorated(),
                w.causeMessageId(), w.causeMessageSeq(), s.scenarioNames().toArray(new String[0]),
                s.scenarios().stream().map(RowCodec::scenarioEvidence).toArray(Row[]::new));
    }

    private static Row scenarioEvidence(ScenarioTag t) {
        var e = t.evidence();
        return RowFactory.create(t.scenario(), e.messageId(), e.messageSeq() < 0 ? null : e.messageSeq(), e.matchedText(), e.why());
    }

    private static Row segment(ConversationScore s, SegmentScore p) {
        var c = s.conversation();
        var part = p.segment();
        ResponseTiming t = p.timing();
        OutcomeFlags f = s.outcome().flags();
        return RowFactory.create(c.id(), c.shopId(), part.index(), part.agentId(), part.firstSeq(), part.firstAgentSeq(),
                part.lastSeq(), part.index() == 1 ? "first_response" : "transfer_response", p.responseSeconds(),
                t.customerTurns(), t.unansweredTurns(), t.waitsSeconds().toArray(new Double[0]), t.longestWaitSeconds(),
                p.longAgentMessages(), p.greetingPassed(), p.apologyPassed() != null, p.apologyPassed(), p.closingPassed(),
                p.redLineHits(), p.fatal(), p.deductions(), p.qaScore(), part.transferredOut(), s.outcome().outcome().code(),
                f.escalationRequested(), f.complaintThreatened(), s.sentiment().swing(), s.sentiment().startedNegative(),
                s.sentiment().recovered(), s.sentiment().deteriorated(), s.scenarioNames().toArray(new String[0]));
    }

    private static Row hit(ConversationScore s, CheckResult c, Map<Integer, Masked> masks) {
        var e = WarehouseMask.evidence(c.evidence(), masks.get(c.evidence().messageSeq()));
        SegmentScore part = s.segments().get(c.segment() - 1);
        return RowFactory.create(s.conversation().id(), s.conversation().shopId(), part.segment().agentId(), c.segment(),
                c.rule().id(), c.rule().category(), c.rule().description(), c.passed(), c.fatalHit(), c.pointsDeducted(),
                e.messageId(), e.messageSeq() < 0 ? null : e.messageSeq(), e.matchedText(),
                e.start() < 0 ? null : e.start(), e.end() < 0 ? null : e.end(), e.why(), s.scenarioOf(c.rule()));
    }
}
