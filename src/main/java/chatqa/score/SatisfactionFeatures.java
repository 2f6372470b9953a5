package chatqa.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import chatqa.enrich.EnrichedMessage;
import chatqa.enrich.SentimentLabel;

/**
 * What a conversation shows about how satisfied the customer was, as numbers for
 * {@link SatisfactionModel}: the customer's sentiment at the end, over the conversation and at
 * its low, recovery, the outcome, unanswered turns, escalations, whether the agent apologised
 * where a complaint called for it, how often they apologised at all, whether the customer
 * thanked, and whether the agent sent them to another channel ({@link SatisfactionCues}).
 * Names are what the drivers column shows.
 */
final class SatisfactionFeatures {
    private SatisfactionFeatures() {
    }

    static Map<String, Double> of(List<EnrichedMessage> messages, ResponseTiming timing, ConversationOutcome outcome,
                                  SentimentSwing swing, Verdicts verdicts) {
        Map<String, Double> f = new LinkedHashMap<>();
        List<EnrichedMessage> customer = messages.stream().filter(m -> m.message().isCustomer() && m.sentiment() != null).toList();
        int n = customer.size();
        EnrichedMessage last = n == 0 ? null : customer.get(n - 1);
        f.put("ended negative", flag(last != null && last.sentiment().label() == SentimentLabel.NEGATIVE));
        f.put("ended positive", flag(last != null && last.sentiment().label() == SentimentLabel.POSITIVE));
        f.put("end mood", last == null ? 0 : last.sentiment().score());
        f.put("lowest mood", swing.min() == null ? 0 : swing.min());
        f.put("share of negative messages", n == 0 ? 0 : customer.stream().filter(m -> m.sentiment().isNegative()).count() / (double) n);
        f.put("share of positive messages", n == 0 ? 0
                : customer.stream().filter(m -> m.sentiment().label() == SentimentLabel.POSITIVE).count() / (double) n);
        f.put("started negative", flag(Boolean.TRUE.equals(swing.startedNegative())));
        f.put("recovered", flag(Boolean.TRUE.equals(swing.recovered())));
        List<ResponseTiming.Turn> turns = timing.turns();
        f.put("last turn unanswered", flag(!turns.isEmpty() && !turns.get(turns.size() - 1).answered()));
        f.put("share of turns unanswered", turns.isEmpty() ? 0 : timing.unansweredTurns() / (double) turns.size());
        var flags = outcome.flags();
        f.put("resolved in chat", flag(outcome.outcome() == chatqa.rules.Outcome.RESOLVED_IN_CHAT));
        f.put("complaint threatened", flag(flags.complaintThreatened()));
        f.put("escalation requested", flag(flags.escalationRequested()));
        f.put("refund agreed", flag(flags.refundAgreed()));
        f.put("compensated", flag(flags.compensated()));
        f.put("transferred", flag(flags.transferred()));
        f.put("apology missing", flag(Boolean.FALSE.equals(verdicts.apologyPassed())));
        f.put("customer messages", Math.log1p(n));
        f.put("start mood", swing.start() == null ? 0 : swing.start());
        f.put("mean mood", n == 0 ? 0 : customer.stream().mapToDouble(m -> m.sentiment().score()).average().orElse(0));
        List<String> agentTexts = messages.stream().filter(m -> m.message().isAgent()).map(m -> m.message().text().strip()).toList();
        f.put("agent messages", Math.log1p(agentTexts.size()));
        f.put("agent repeated a message", flag(agentTexts.stream().filter(t -> t.length() >= 8).distinct().count()
                < agentTexts.stream().filter(t -> t.length() >= 8).count()));
        SatisfactionCues cues = SatisfactionCues.SHARED;
        f.put("customer thanked", flag(customer.stream().anyMatch(m -> cues.customerThanked().find(m.message().text()))));
        f.put("negative customer messages", Math.log1p(customer.stream().filter(m -> m.sentiment().isNegative()).count()));
        f.put("agent apologies", Math.log1p(messages.stream()
                .filter(m -> m.message().isAgent() && cues.agentApologised().find(m.message().text())).count()));
        f.put("sent to another channel", flag(messages.stream()
                .anyMatch(m -> m.message().isAgent() && cues.sentElsewhere().find(m.message().text()))));
        // Long agent answers and long customer messages both go with harder problems.
        f.put("agent message length", Math.log1p(messages.stream().filter(m -> m.message().isAgent())
                .mapToInt(m -> m.message().text().length()).average().orElse(0)));
        f.put("customer message length", Math.log1p(customer.stream().mapToInt(m -> m.message().text().length()).average().orElse(0)));
        return f;
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
