package chatqa.score;

import chatqa.model.Evidence;
import chatqa.rules.Rule;

/**
 * The outcome of one rule on one conversation. Only applicable checks are recorded: a greeting
 * rule does not apply to a conversation no agent answered, an apology rule only to conversations
 * with a complaint.
 */
public record CheckResult(Rule rule, boolean passed, int pointsDeducted, Evidence evidence) {

    public static CheckResult pass(Rule rule, Evidence evidence) {
        return new CheckResult(rule, true, 0, evidence);
    }

    public static CheckResult fail(Rule rule, Evidence evidence) {
        return new CheckResult(rule, false, rule.points(), evidence);
    }

    /** A failed fatal rule: the conversation scores zero. */
    public boolean fatalHit() {
        return !passed && rule.fatal();
    }
}
