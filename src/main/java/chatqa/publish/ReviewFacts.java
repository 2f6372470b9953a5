package chatqa.publish;

import java.util.List;
import java.util.Map;

/**
 * What the QA team's reviews say about a day, for the report: each reviewed agent's score after
 * review and appeals, and the rules whose precision, estimated from the control sample, falls
 * below the threshold. {@link #NONE} for a warehouse without reviews.
 *
 * @param agents      by agent key (DayReport.AgentPage.key)
 * @param threshold   a rule is listed when its precision is below this
 * @param minFailures … over at least this many reviewed machine failures
 */
public record ReviewFacts(Map<String, AgentReview> agents, List<RulePrecision> lowPrecision, double threshold, long minFailures) {
    public static final ReviewFacts NONE = new ReviewFacts(Map.of(), List.of(), 0, 0);

    public ReviewFacts {
        agents = Map.copyOf(agents);
        lowPrecision = List.copyOf(lowPrecision);
    }

    public boolean any() {
        return !agents.isEmpty() || !lowPrecision.isEmpty();
    }

    /** An agent's day after review. */
    public record AgentReview(long reviewedParts, Double reviewedQaScore, long restoredPoints, long appealsOpen, long appealsUpheld,
                              long appealsRejected) {
    }

    /** A rule whose reviewed precision (all days up to the report's, control sample) is below the threshold. */
    public record RulePrecision(String ruleId, String ruleName, long machineFailures, double precision, Double low, Double high) {
    }
}
