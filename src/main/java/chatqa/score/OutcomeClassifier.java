package chatqa.score;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import chatqa.enrich.EnrichedMessage;
import chatqa.enrich.SentimentLabel;
import chatqa.model.Role;
import chatqa.rules.Condition;
import chatqa.rules.Outcome;
import chatqa.rules.OutcomeRules;
import chatqa.rules.Signal;
import chatqa.rules.Span;

/**
 * Classifies how a conversation ended from the rule book's phrase signals and the conversation's
 * structure. Every class that applies is found; the rule book's precedence picks the outcome.
 * A customer's last message is unhappy when the sentiment model labels it negative, or it carries
 * the customer-unhappy signal and the model does not read it as happy.
 */
public final class OutcomeClassifier {
    private final OutcomeRules rules;

    public OutcomeClassifier(OutcomeRules rules) {
        this.rules = rules;
    }

    public ConversationOutcome classify(ConversationView c, ResponseTiming timing) {
        Map<Outcome, String> applies = new EnumMap<>(Outcome.class);
        String platform = firstSignal(c, Signal.PLATFORM_INTERVENTION);
        String supervisor = firstSignal(c, Signal.SUPERVISOR_REQUESTED);
        String threat = firstSignal(c, Signal.COMPLAINT_THREATENED);
        String refund = firstSignal(c, Signal.REFUND_AGREED);
        String compensation = firstSignal(c, Signal.COMPENSATED);
        put(applies, Outcome.PLATFORM_INTERVENTION, platform);
        put(applies, Outcome.EXTERNAL_COMPLAINT_THREAT, threat);
        put(applies, Outcome.RETURN_REFUND_EXCHANGE, refund);
        put(applies, Outcome.COMPENSATED, compensation);
        String transfer = transferEvidence(c.segments());
        put(applies, Outcome.TRANSFERRED, transfer != null ? transfer : supervisor);

        EnrichedMessage lastCustomer = null;
        for (EnrichedMessage m : c.messages()) {
            if (m.message().isCustomer()) {
                lastCustomer = m;
            }
        }
        String unhappy = lastCustomer == null ? null : unhappy(lastCustomer);
        boolean unhappyAtEnd = unhappy != null;
        boolean lastTurnOpen = !timing.turns().isEmpty() && !timing.turns().get(timing.turns().size() - 1).answered();
        if (unhappyAtEnd && lastTurnOpen) {
            put(applies, Outcome.CUSTOMER_SILENT_UNHAPPY, "customer message " + lastCustomer.seq() + " (" + unhappy
                    + ") was never answered");
        }
        // A customer who ends on thanks needs no further reply: that last turn is not left open.
        boolean endedHappy = lastCustomer != null && lastCustomer.sentiment() != null
                && lastCustomer.sentiment().label() == SentimentLabel.POSITIVE;
        if (!c.segments().isEmpty() && !unhappyAtEnd && (!lastTurnOpen || endedHappy)) {
            put(applies, Outcome.RESOLVED_IN_CHAT, timing.turns().isEmpty() ? "an agent wrote and no customer turn was left open"
                    : lastTurnOpen ? "the customer ended content (message " + lastCustomer.seq() + ")"
                    : "an agent answered the customer's last turn (message "
                    + timing.turns().get(timing.turns().size() - 1).replySeq() + ")");
        }
        applies.put(Outcome.UNRESOLVED, c.segments().isEmpty() ? "no agent took part"
                : lastTurnOpen ? "the customer's last turn (message " + timing.turns().get(timing.turns().size() - 1).startSeq()
                + ") was never answered" : "the customer ended unhappy");
        Outcome chosen = rules.precedence().stream().filter(applies::containsKey).findFirst().orElse(Outcome.UNRESOLVED);
        OutcomeFlags flags = new OutcomeFlags(platform != null || supervisor != null, platform != null, threat != null,
                refund != null, compensation != null, applies.containsKey(Outcome.TRANSFERRED), humanRequested(c), unhappyAtEnd);
        return new ConversationOutcome(chosen, applies.get(chosen), flags);
    }

    /**
     * Why a customer message reads as unhappy: the sentiment model labels it negative, or it has a
     * rule-book unhappy phrase the model does not read as happy (好聪明!!解决了 is praise, 谢谢,不用了
     * a polite no); null if neither.
     */
    private String unhappy(EnrichedMessage m) {
        if (m.sentiment() != null && m.sentiment().isNegative()) {
            return "negative: " + m.sentiment().explanation().replaceFirst("^negative: ?", "");
        }
        Span s = hit(m, rules.signal(Signal.CUSTOMER_UNHAPPY));
        if (s != null && (m.sentiment() == null || m.sentiment().label() != SentimentLabel.POSITIVE)) {
            return "'" + s.text() + "'";
        }
        return null;
    }

    private static void put(Map<Outcome, String> applies, Outcome o, String evidence) {
        if (evidence != null) {
            applies.put(o, evidence);
        }
    }

    /** Evidence of the first message that carries the signal, or null. */
    private String firstSignal(ConversationView c, Signal signal) {
        Condition condition = rules.signal(signal);
        for (EnrichedMessage m : c.messages()) {
            Span s = hit(m, condition);
            if (s != null) {
                return m.message().role().code() + " message " + m.seq() + ": '" + s.text() + "'";
            }
        }
        return null;
    }

    private static Span hit(EnrichedMessage m, Condition condition) {
        if (condition == null || !condition.appliesTo(m.message().role())) {
            return null;
        }
        List<Span> spans = m.matches().find(condition.phrases());
        return spans.isEmpty() ? null : spans.get(0);
    }

    private static String transferEvidence(List<AgentSegment> segments) {
        if (segments.size() < 2) {
            return null;
        }
        AgentSegment next = segments.get(1);
        return "taken over by " + (next.agentId() == null ? "another agent" : next.agentId()) + " at message " + next.firstAgentSeq();
    }

    /** A customer asked for a human after a bot had answered. */
    private boolean humanRequested(ConversationView c) {
        boolean botSeen = false;
        for (EnrichedMessage m : c.messages()) {
            if (m.message().role() == Role.BOT) {
                botSeen = true;
            } else if (botSeen && m.message().isCustomer() && hit(m, rules.signal(Signal.HUMAN_REQUESTED)) != null) {
                return true;
            }
        }
        return false;
    }
}
