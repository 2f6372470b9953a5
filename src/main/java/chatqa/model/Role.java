package chatqa.model;

/**
 * Who sent a message. Only {@link #AGENT} messages are human service replies: bot auto-replies
 * and platform notices never stop a response clock and are never judged as the agent's words.
 */
public enum Role {
    CUSTOMER, AGENT, BOT, SYSTEM;

    /** Lower-case name as stored in the warehouse. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
