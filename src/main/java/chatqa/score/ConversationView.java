package chatqa.score;

import java.util.List;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Conversation;

/** A conversation as checks see it: its messages enriched with words and phrase hits, and its agent parts. */
public record ConversationView(Conversation conversation, List<EnrichedMessage> messages, List<AgentSegment> segments) {

    public ConversationView {
        messages = List.copyOf(messages);
        segments = List.copyOf(segments);
    }

    public List<EnrichedMessage> agentMessages() {
        return messages.stream().filter(m -> m.message().isAgent()).toList();
    }

    /** Agent messages of one part. */
    public List<EnrichedMessage> agentMessages(AgentSegment s) {
        return messages.stream().filter(m -> m.message().isAgent() && s.contains(m.seq())).toList();
    }

    /** The part a message falls in (the first part for messages before any agent wrote). */
    public AgentSegment segmentOf(int seq) {
        for (AgentSegment s : segments) {
            if (s.contains(seq)) {
                return s;
            }
        }
        return segments.isEmpty() ? null : segments.get(0);
    }
}
