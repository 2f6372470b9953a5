package chatqa.score;

/**
 * The part of a conversation one agent handled: from the message after the previous agent's part
 * (or the start) to the message before the next agent's first message. A conversation that
 * passes between agents (转接) has several; each agent is credited only with their own.
 *
 * @param index          1-based position in the conversation
 * @param agentId        null when the export has no agent id for these messages
 * @param agentName      the agent's display name, the last the part's agent messages carry (null when none)
 * @param firstSeq       first message of the part (1 for the first part)
 * @param firstAgentSeq  the agent's first message in the part
 * @param lastSeq        last message of the part
 * @param transferredOut another agent took over after this part
 */
public record AgentSegment(int index, String agentId, String agentName, int firstSeq, int firstAgentSeq, int lastSeq, boolean transferredOut) {

    public boolean contains(int seq) {
        return seq >= firstSeq && seq <= lastSeq;
    }
}
