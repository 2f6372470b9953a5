package chatqa.publish;

import java.util.List;

/**
 * What a new rule book would change over stored days, as the QA lead reads it before adopting
 * the book: per rule the pass rates and flips, per agent the QA score and rank before and after,
 * the first flipped checks with both evidences, and — where reviewers judged checks — how often
 * each book agrees with them. The CSV files beside the page hold every row.
 *
 * @param agents the agents whose score or rank changes most (the first {@code shown})
 * @param flips  the first flipped checks, in day and conversation order
 */
public record RulesDiffReport(String from, String to, String book, long conversations, long checks, long flipped, long reviewedChecks,
                              long oldAgrees, long newAgrees, List<RuleChange> rules, List<AgentChange> agents, long agentsChanged,
                              List<Flip> flips) {
    /** How many agents and flips the page lists; the CSV files have them all. */
    public static final int SHOWN = 100;

    public RulesDiffReport {
        rules = List.copyOf(rules);
        agents = List.copyOf(agents);
        flips = List.copyOf(flips);
    }

    /** One rule's checks and pass rate under the warehouse's book and the new one. */
    public record RuleChange(String ruleId, String name, long checkedBefore, long checkedAfter, Double passRateBefore, Double passRateAfter,
                             long flipped) {
    }

    /** One agent's mean QA score and rank within the shop under both books. */
    public record AgentChange(String shopId, String agentId, Double qaScoreBefore, Double qaScoreAfter, Integer rankBefore, Integer rankAfter) {
        public Double change() {
            return qaScoreBefore == null || qaScoreAfter == null ? null : qaScoreAfter - qaScoreBefore;
        }
    }

    /** A check whose verdict the new book turns. */
    public record Flip(String day, String conversationId, int segment, String agentId, String ruleId, boolean passedBefore,
                       String evidenceBefore, String evidenceAfter) {
    }
}
