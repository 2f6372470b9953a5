package chatqa.rules;

import java.io.Serializable;

/**
 * Where sentiment scores (-1 … 1) turn negative or positive, and how far a customer's mood must
 * fall to count as deteriorated; from the rule book's {@code sentiment} section.
 */
public record SentimentThresholds(double negativeBelow, double positiveAbove, double deteriorationDrop) implements Serializable {
    public static final SentimentThresholds DEFAULT = new SentimentThresholds(-0.2, 0.2, 0.3);
}
