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

    public Instant startedAt() {
        return messages.isEmpty() ? null : messages.get(0).sentAt();
    }

    public Instant endedAt() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1).sentAt();
    }
}
