package chatqa.score;

import java.util.ArrayList;
import java.util.List;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Message;
import chatqa.rules.Condition;

/**
 * Splits a conversation into the parts handled by each agent. A new part starts at an agent
 * message whose agent id differs from the current one, or, after an agent announced a handover
 * with a rule-book transfer phrase (转接, 为您转…), at the next agent message whose id does not
 * prove it is the same agent (ids missing). Customer, bot and system messages belong to the part
 * they fall in; those before the first agent message belong to the first part.
 */
public final class AgentSegments {
    private AgentSegments() {
    }

    public static List<AgentSegment> split(List<EnrichedMessage> messages, Condition transfer) {
        List<int[]> bounds = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String current = null;
        boolean handoff = false;
        for (EnrichedMessage e : messages) {
            Message m = e.message();
            if (!m.isAgent()) {
                continue;
            }
            boolean sameKnownAgent = current != null && current.equals(m.agentId());
            boolean idChanged = current != null && m.agentId() != null && !current.equals(m.agentId());
            if (bounds.isEmpty() || idChanged || (handoff && !sameKnownAgent)) {
                bounds.add(new int[] {bounds.isEmpty() ? 1 : e.seq(), e.seq()});
                agents.add(m.agentId());
                names.add(null);
                current = m.agentId();
                handoff = false;
            } else if (current == null && m.agentId() != null) {
                current = m.agentId();
                agents.set(agents.size() - 1, current);
            }
            if (m.agentName() != null) {
                names.set(names.size() - 1, m.agentName());
            }
            if (transfer != null && transfer.appliesTo(m.role()) && e.matches().contains(transfer.phrases())) {
                handoff = true;
            }
        }
        List<AgentSegment> out = new ArrayList<>(bounds.size());
        for (int i = 0; i < bounds.size(); i++) {
            int last = i + 1 < bounds.size() ? bounds.get(i + 1)[0] - 1 : messages.size();
            out.add(new AgentSegment(i + 1, agents.get(i), names.get(i), bounds.get(i)[0], bounds.get(i)[1], last, i + 1 < bounds.size()));
        }
        return out;
    }
}
