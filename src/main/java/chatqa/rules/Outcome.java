package chatqa.rules;

import java.util.Locale;

/**
 * How a conversation ended, from the shop's point of view. Shops want disputes settled in chat:
 * platform staff intervention and external complaints hurt their standing, so those classes
 * come first in the default precedence (see {@link OutcomeRules}).
 */
public enum Outcome {
    /** The customer asked platform staff to step in (小二介入, 平台介入, 申请仲裁). */
    PLATFORM_INTERVENTION,
    /** The customer threatened a complaint outside the chat (投诉, 12315, 消协, 差评, 起诉). */
    EXTERNAL_COMPLAINT_THREAT,
    /** The agent agreed to a return, refund, exchange or resend. */
    RETURN_REFUND_EXCHANGE,
    /** The agent offered compensation (红包, coupon, 补偿). */
    COMPENSATED,
    /** The conversation passed to another agent, a supervisor or after-sales. */
    TRANSFERRED,
    /** The customer's last message was unhappy and nobody answered it. */
    CUSTOMER_SILENT_UNHAPPY,
    /** An agent answered the customer's last turn and the customer did not end unhappy. */
    RESOLVED_IN_CHAT,
    /** None of the above: no agent took part, or the last turn was left open. */
    UNRESOLVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromCode(String code) {
        for (Outcome o : values()) {
            if (o.code().equals(code)) {
                return o;
            }
        }
        return null;
    }
}
