package chatqa.enrich;

/**
 * A message's sentiment on one scale for every language: a label (negative, neutral, positive) and
 * a score from -1 (angry) to 1 (happy) — for the chat model, P(positive) − P(negative) — with the
 * words or features that drove it, so a supervisor can see why.
 *
 * @param model which model scored it: zh-chat (Chinese chat model) or corenlp
 */
public record Sentiment(double score, SentimentLabel label, String explanation, String model) {
    public static final Sentiment NEUTRAL = new Sentiment(0.0, SentimentLabel.NEUTRAL, "no sentiment words", "none");

    public boolean isNegative() {
        return label == SentimentLabel.NEGATIVE;
    }
}
