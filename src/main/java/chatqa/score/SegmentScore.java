package chatqa.score;

import java.util.List;

/**
 * What one agent is credited with for their part of a conversation: their response time (the
 * first response for the first agent, the transfer response for an agent who took over), the
 * waits of the turns they answered, their own rule results and the QA score of their part.
 */
public record SegmentScore(
        AgentSegment segment,
        Double responseSeconds,
        ResponseTiming timing,
        List<CheckResult> checks,
        Verdicts verdicts) {

    public SegmentScore {
        checks = List.copyOf(checks);
    }
}
