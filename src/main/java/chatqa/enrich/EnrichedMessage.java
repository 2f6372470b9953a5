package chatqa.enrich;

import chatqa.model.Message;
import chatqa.rules.MessageMatches;

/**
 * A message with what the pipeline learned about it, computed once: its 1-based position in the
 * conversation, its segmentation and every rule-book phrase it contains.
 */
public record EnrichedMessage(Message message, int seq, SegmentedText words, MessageMatches matches) {
}
