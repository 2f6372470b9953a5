package chatqa.score;

import java.util.List;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Evidence;
import chatqa.rules.Rule;
import chatqa.rules.RuleKind;

/**
 * A handling rule ({@link RuleKind.Handling}): whether the customer's problem was handled, judged
 * from the conversation's measured facts — the customer's last message and mood, the last turn,
 * escalations — and credited to the agent part that had the conversation last. Not applicable
 * (no result) where the signal cannot arise: no customer message, no agent, no escalation.
 */
final class HandlingCheck {
    private HandlingCheck() {
    }

    static List<CheckResult> apply(Rule rule, RuleKind.Handling kind, ConversationView c) {
        ConversationView.Facts f = c.facts();
        List<EnrichedMessage> customer = c.messages().stream().filter(m -> m.message().isCustomer() && m.sentiment() != null).toList();
        if (f == null || c.segments().isEmpty() || customer.isEmpty()) {
            return List.of();
        }
        int part = c.segments().get(c.segments().size() - 1).index();
        EnrichedMessage last = customer.get(customer.size() - 1);
        boolean endedNegative = last.sentiment().isNegative();
        return switch (kind.signal()) {
            case CUSTOMER_LEFT_UNHAPPY -> List.of(endedNegative
                    ? CheckResult.fail(rule, part, at(last, "the customer's last message (" + last.seq() + ") is negative: "
                            + last.sentiment().explanation()))
                    : CheckResult.pass(rule, part, at(last, "the customer's last message (" + last.seq() + ") is "
                            + last.sentiment().label().code())));
            case LAST_TURN_UNANSWERED -> lastTurn(rule, part, c, f);
            case ESCALATION_NOT_DEFUSED -> {
                var flags = f.outcome().flags();
                if (!flags.complaintThreatened() && !flags.escalationRequested()) {
                    yield List.of();
                }
                yield List.of(endedNegative
                        ? CheckResult.fail(rule, part, at(last, "the customer escalated (" + f.outcome().outcome().code()
                                + ") and still ended negative (message " + last.seq() + ")"))
                        : CheckResult.pass(rule, part, at(last, "the customer escalated and ended " + last.sentiment().label().code())));
            }
            case ANGER_NOT_SOOTHED -> {
                if (!Boolean.TRUE.equals(f.swing().startedNegative()) || customer.size() < 2) {
                    yield List.of();
                }
                yield List.of(endedNegative
                        ? CheckResult.fail(rule, part, at(last, "the customer started negative and was still negative at message " + last.seq()))
                        : CheckResult.pass(rule, part, at(last, "the customer started negative and ended " + last.sentiment().label().code())));
            }
        };
    }

    private static List<CheckResult> lastTurn(Rule rule, int part, ConversationView c, ConversationView.Facts f) {
        List<ResponseTiming.Turn> turns = f.timing().turns();
        if (turns.isEmpty()) {
            return List.of();
        }
        ResponseTiming.Turn t = turns.get(turns.size() - 1);
        EnrichedMessage start = c.messages().get(t.startSeq() - 1);
        if (!t.answered() && lastCustomerIsThanks(c)) {
            // A closing thank-you (搞定了,谢谢) asks nothing: leaving it unanswered is no unanswered question.
            return List.of();
        }
        return List.of(t.answered()
                ? CheckResult.pass(rule, part, at(start, "the customer's last turn (message " + t.startSeq() + ") was answered"))
                : CheckResult.fail(rule, part, at(start, "the customer's last turn (message " + t.startSeq() + ") was never answered")));
    }

    private static boolean lastCustomerIsThanks(ConversationView c) {
        for (int i = c.messages().size() - 1; i >= 0; i--) {
            EnrichedMessage m = c.messages().get(i);
            if (m.message().isCustomer()) {
                return m.sentiment() != null && m.sentiment().label() == chatqa.enrich.SentimentLabel.POSITIVE;
            }
        }
        return false;
    }

    private static Evidence at(EnrichedMessage m, String why) {
        return Evidence.missing(m.message().messageId(), m.seq(), why);
    }
}
