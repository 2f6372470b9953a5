package chatqa.score;

import java.util.List;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Conversation;

/** A conversation as checks see it: its messages enriched with words and phrase hits. */
public record ConversationView(Conversation conversation, List<EnrichedMessage> messages) {

    public ConversationView {
        messages = List.copyOf(messages);
    }

    public List<EnrichedMessage> agentMessages() {
        return messages.stream().filter(m -> m.message().isAgent()).toList();
    }
}
