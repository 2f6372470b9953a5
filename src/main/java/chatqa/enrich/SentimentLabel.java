package chatqa.enrich;

import java.util.Locale;

/** The three classes of ../shared/LABELS-SENTIMENT.md: what a customer message expresses. */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label for a code, or null. */
    public static SentimentLabel fromCode(String code) {
        for (SentimentLabel l : values()) {
            if (l.code().equals(code)) {
                return l;
            }
        }
        return null;
    }
}
