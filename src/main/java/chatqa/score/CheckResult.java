package chatqa.score;

import chatqa.model.Evidence;
import chatqa.rules.Rule;

/**
 * The outcome of one rule on one agent's part of a conversation. Only applicable checks are
 * recorded: a greeting rule does not apply to a conversation no agent answered, an apology rule
 * only where a customer complained.
 *
 * @param segment the 1-based agent part ({@link AgentSegment#index()}) the result is credited to
 */
public record CheckResult(Rule rule, int segment, boolean passed, int pointsDeducted, Evidence evidence) {

    public static CheckResult pass(Rule rule, int segment, Evidence evidence) {
        return new CheckResult(rule, segment, true, 0, evidence);
    }

    public static CheckResult fail(Rule rule, int segment, Evidence evidence) {
        return new CheckResult(rule, segment, false, rule.points(), evidence);
    }

    /** A failed fatal rule: the conversation scores zero. */
    public boolean fatalHit() {
        return !passed && rule.fatal();
    }
}
