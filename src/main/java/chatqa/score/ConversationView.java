package chatqa.score;

import java.util.List;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Conversation;

/**
 * A conversation as checks see it: its messages enriched with words and phrase hits, its agent
 * parts, the scenarios it was tagged with, and — once measured — its timing, outcome and the
 * customer's mood, which handling rules judge.
 *
 * @param facts null until measured (the outcome classifier itself reads the view without them)
 */
public record ConversationView(Conversation conversation, List<EnrichedMessage> messages, List<AgentSegment> segments,
                               List<ScenarioTag> scenarios, Facts facts) {

    /** What was measured about the conversation as a whole. */
    public record Facts(ResponseTiming timing, ConversationOutcome outcome, SentimentSwing swing) {
    }

    public ConversationView {
        messages = List.copyOf(messages);
        segments = List.copyOf(segments);
        scenarios = List.copyOf(scenarios);
    }

    public ConversationView(Conversation conversation, List<EnrichedMessage> messages, List<AgentSegment> segments,
                            List<ScenarioTag> scenarios) {
        this(conversation, messages, segments, scenarios, null);
    }

    public ConversationView withFacts(Facts measured) {
        return new ConversationView(conversation, messages, segments, scenarios, measured);
    }

    /** The first of {@code names} this conversation is tagged with, or null. */
    public String firstScenarioOf(List<String> names) {
        for (String n : names) {
            if (scenarios.stream().anyMatch(t -> t.scenario().equals(n))) {
                return n;
            }
        }
        return null;
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
