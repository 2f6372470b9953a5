package chatqa.enrich;

import chatqa.model.Message;
import chatqa.rules.MessageMatches;

/**
 * A message with what the pipeline learned about it, computed once: its 1-based position in the
 * conversation, its segmentation, every rule-book phrase it contains, and for customer messages
 * their sentiment (null for other senders: only customers' feelings are tracked).
 */
public record EnrichedMessage(Message message, int seq, SegmentedText words, MessageMatches matches, Sentiment sentiment) {
}
