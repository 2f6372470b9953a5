package chatqa.rules;

import java.io.Serializable;

/**
 * How far a customer's sentiment score (-1 … 1) must fall between their first and last message
 * to count as deteriorated even when both are negative; from the rule book's {@code sentiment}
 * section. Whether a message is negative is the sentiment model's label.
 */
public record SentimentThresholds(double deteriorationDrop) implements Serializable {
    public static final SentimentThresholds DEFAULT = new SentimentThresholds(0.3);
}
