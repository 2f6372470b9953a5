package chatqa.model;

import java.time.Instant;
import java.util.List;

/**
 * One customer contact: its messages sorted by time (ties in file order), each with its
 * conversation and message id set. A conversation may pass between several agents.
 */
public record Conversation(String id, String shopId, String customerId, List<Message> messages) {

    public Conversation {
        messages = List.copyOf(messages);
    }

    /** True when every message has a timestamp, so latencies can be measured. */
    public boolean hasTimestamps() {
        return !messages.isEmpty() && messages.stream().allMatch(m -> m.sentAt() != null);
    }

    /** The customer's rating of the conversation: the last one its messages carry, or null. */
    public Rating rating() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).rating() != null) {
                return messages.get(i).rating();
            }
        }
        return null;
    }

    /** The skill group or queue that handled the conversation: the last its messages name, or null. */
    public String groupId() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).groupId() != null) {
                return messages.get(i).groupId();
            }
        }
        return null;
    }

    public Instant startedAt() {
        return messages.isEmpty() ? null : messages.get(0).sentAt();
    }

    public Instant endedAt() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1).sentAt();
    }
}
