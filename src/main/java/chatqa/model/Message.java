package chatqa.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One accepted chat message as exported by the shop. {@code sentAt} is null when the export has
 * no timestamps at all (then every latency metric is unknown, never zero); {@code conversationId}
 * and {@code messageId} are null when the export does not carry them. {@code rating} is the
 * customer's rating of the conversation when the export puts one on its rows (null otherwise);
 * {@code groupId} the skill group or queue that handled it (Qiyu fromGroup, Udesk belong_queue);
 * {@code agentName} the agent's display name when the export has one beside the id (Qiyu staffName):
 * shown to supervisors, while scorecards stay keyed by the id.
 */
public record Message(
        String conversationId,
        String messageId,
        Instant sentAt,
        Role role,
        String agentId,
        String customerId,
        String shopId,
        String text,
        SourceRef source,
        Rating rating,
        String groupId,
        String agentName) {

    /** A message without a rating. */
    public Message(String conversationId, String messageId, Instant sentAt, Role role, String agentId, String customerId,
                   String shopId, String text, SourceRef source) {
        this(conversationId, messageId, sentAt, role, agentId, customerId, shopId, text, source, null, null, null);
    }

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    public boolean isAgent() {
        return role == Role.AGENT;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    /** The same message with a conversation and message id assigned by sessionizing. */
    public Message withIds(String newConversationId, String newMessageId) {
        return new Message(newConversationId, newMessageId, sentAt, role, agentId, customerId, shopId, text, source, rating, groupId, agentName);
    }

    /** The same message carrying {@code newRating}: a rating joined from a separate ratings file. */
    public Message withRating(Rating newRating) {
        return new Message(conversationId, messageId, sentAt, role, agentId, customerId, shopId, text, source, newRating, groupId, agentName);
    }
}
