package chatqa.rules;

import java.util.Locale;

/** Phrase signals the outcome classifier reads; their phrases live in the rule book's {@code outcomes.signals}. */
public enum Signal {
    PLATFORM_INTERVENTION, SUPERVISOR_REQUESTED, COMPLAINT_THREATENED, REFUND_AGREED, COMPENSATED, HUMAN_REQUESTED,
    CUSTOMER_UNHAPPY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Signal fromCode(String code) {
        for (Signal s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return null;
    }
}
