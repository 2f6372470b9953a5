package chatqa.score;

import java.util.ArrayList;
import java.util.List;

import chatqa.enrich.EnrichedMessage;
import chatqa.rules.SentimentThresholds;

/**
 * How the customer's mood moved over a conversation, from the sentiment of each customer
 * message: where its score started, its low, where it ended, the swing (end − start); from the
 * labels, whether an unhappy customer was turned around (recovered: the first message negative,
 * the last not) or a customer became unhappy (deteriorated: the last message negative and the
 * first not, or the score fell by the rule book's {@code deterioration_drop}); and the agent
 * message just before the sharpest drop into a negative message (or within negatives, by at
 * least {@code deterioration_drop}) — the likely cause. All null
 * when the customer never wrote.
 */
public record SentimentSwing(Double start, Double min, Double end, Double swing, Boolean startedNegative,
                             Boolean recovered, Boolean deteriorated, String causeMessageId, Integer causeMessageSeq) {

    public static final SentimentSwing NONE = new SentimentSwing(null, null, null, null, null, null, null, null, null);

    public static SentimentSwing of(List<EnrichedMessage> messages, SentimentThresholds t) {
        List<EnrichedMessage> customer = new ArrayList<>();
        for (EnrichedMessage m : messages) {
            if (m.sentiment() != null) {
                customer.add(m);
            }
        }
        if (customer.isEmpty()) {
            return NONE;
        }
        double start = customer.get(0).sentiment().score();
        double end = customer.get(customer.size() - 1).sentiment().score();
        double min = customer.stream().mapToDouble(m -> m.sentiment().score()).min().orElseThrow();
        EnrichedMessage cause = null;
        double sharpest = 0;
        for (int i = 1; i < customer.size(); i++) {
            double drop = customer.get(i - 1).sentiment().score() - customer.get(i).sentiment().score();
            EnrichedMessage agent = lastAgentBetween(messages, customer.get(i - 1).seq(), customer.get(i).seq());
            // A drop into a negative message, or a deeper fall within one (by deterioration_drop):
            // an already angry customer staying angry after an apology is no drop it caused.
            boolean fell = !customer.get(i - 1).sentiment().isNegative() || drop >= t.deteriorationDrop();
            if (drop > sharpest && fell && agent != null && customer.get(i).sentiment().isNegative()) {
                sharpest = drop;
                cause = agent;
            }
        }
        boolean startedNegative = customer.get(0).sentiment().isNegative();
        boolean endedNegative = customer.get(customer.size() - 1).sentiment().isNegative();
        boolean deteriorated = customer.size() > 1 && endedNegative && (!startedNegative || end < start - t.deteriorationDrop());
        return new SentimentSwing(start, min, end, end - start, startedNegative, startedNegative && !endedNegative,
                deteriorated, cause == null ? null : cause.message().messageId(), cause == null ? null : cause.seq());
    }

    private static EnrichedMessage lastAgentBetween(List<EnrichedMessage> messages, int fromSeq, int toSeq) {
        EnrichedMessage found = null;
        for (EnrichedMessage m : messages) {
            if (m.seq() > fromSeq && m.seq() < toSeq && m.message().isAgent()) {
                found = m;
            }
        }
        return found;
    }
}
