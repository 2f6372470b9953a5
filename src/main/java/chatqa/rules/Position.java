package chatqa.rules;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which messages of a conversation a rule looks at. */
public enum Position {
    /** The first human agent message (the greeting is judged here; bots do not count). */
    FIRST_AGENT_MESSAGE("first_agent_message"),
    /** The last {@code count} agent messages (the closing is judged here). */
    LAST_AGENT_MESSAGES("last_agent_messages"),
    /** The first agent reply after each customer message that matches the rule's trigger. */
    FIRST_REPLY_AFTER_TRIGGER("first_reply_after_trigger"),
    /**
     * The agent messages within a number of messages ({@code within_messages}) or agent messages
     * ({@code within_agent_messages}) after each customer message that matches the rule's trigger.
     */
    AFTER_TRIGGER("after_trigger"),
    /** Every message of the rule's role. */
    ANY("any");

    private final String code;

    Position(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Position fromCode(String code) {
        for (Position p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        return null;
    }

    public static String codes() {
        return Arrays.stream(values()).map(Position::code).collect(Collectors.joining(", "));
    }
}
