package chatqa.rules;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a handling rule judges: whether the customer's problem was handled, read from the
 * conversation's outcome, timing and the customer's sentiment rather than from the agent's
 * phrases. Each applies only where it can (an unhappy ending needs a customer who wrote and an
 * agent who took part).
 */
public enum HandlingSignal {
    /** The customer's last message is negative: they left unhappy. */
    CUSTOMER_LEFT_UNHAPPY,
    /** The customer's last turn got no agent reply. */
    LAST_TURN_UNANSWERED,
    /** The customer threatened a complaint or asked for the platform or a supervisor, and still ended negative. */
    ESCALATION_NOT_DEFUSED,
    /** The customer started negative and never came round (their last message is negative too). */
    ANGER_NOT_SOOTHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HandlingSignal fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(HandlingSignal::code).toList());
    }
}
