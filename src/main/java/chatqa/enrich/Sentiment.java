package chatqa.enrich;

/**
 * A message's sentiment on one scale for every language: -1 (angry) to 1 (happy), 0 neutral,
 * with the words or features that drove it, so a supervisor can see why.
 *
 * @param model which model scored it: zh-nb (Chinese naive Bayes + chat lexicon) or corenlp
 */
public record Sentiment(double score, String explanation, String model) {
    public static final Sentiment NEUTRAL = new Sentiment(0.0, "no sentiment words", "none");
}
