package chatqa.ingest;

import java.util.Locale;

/** The fields of chatqa's canonical message schema; mappings point export columns at them. */
public enum CanonicalField {
    CONVERSATION_ID, MESSAGE_ID, SENT_AT, SENDER_ROLE, AGENT_ID, CUSTOMER_ID, SHOP_ID, TEXT,
    /** The customer's rating of the conversation, on any of its rows (optional). */
    RATING,
    /** The skill group or queue that handled the conversation (optional). */
    GROUP_ID,
    /** The agent's display name beside the agent id (optional). */
    AGENT_NAME;

    /** Fields only some exports or rows have (a rating, a group, a name), which say nothing of a layout. */
    public boolean optional() {
        return this == RATING || this == GROUP_ID || this == AGENT_NAME;
    }

    /** The column name in canonical CSV headers and JSON keys. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CanonicalField fromColumn(String column) {
        for (CanonicalField f : values()) {
            if (f.column().equals(column)) {
                return f;
            }
        }
        return null;
    }
}
