package chatqa.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdicts of a set of rule results — a conversation's, or one agent's part of it: the
 * category verdicts (null when no rule of the category applied, so rates count only where the
 * standard was due), red-line hits, whether a fatal rule failed, the points deducted (each failed
 * rule once) and the QA score, 100 minus the points, never below 0, and 0 after a fatal failure.
 *
 * @param qaScore null when nobody was scored (no human agent took part)
 * @param longAgentMessages agent messages over the rule book's length limit
 */
public record Verdicts(Boolean greetingPassed, Boolean apologyPassed, Boolean closingPassed, int redLineHits, boolean fatal,
                       int deductions, Double qaScore, int longAgentMessages) {
    /** Categories that have their own columns in the conversations and scorecard tables. */
    public static final String GREETING = "greeting";
    public static final String APOLOGY = "apology";
    public static final String CLOSING = "closing";
    public static final String RED_LINE = "red_line";

    /** The verdicts of {@code results}; {@code scored}: whether a QA score applies at all. */
    public static Verdicts of(List<CheckResult> results, int longAgentMessages, boolean scored) {
        Map<String, CheckResult> perRule = new LinkedHashMap<>();
        for (CheckResult r : results) {
            perRule.merge(r.rule().id(), r, (a, b) -> a.passed() && !b.passed() ? b : a);
        }
        boolean fatal = results.stream().anyMatch(CheckResult::fatalHit);
        int deductions = perRule.values().stream().mapToInt(CheckResult::pointsDeducted).sum();
        Double qa = !scored ? null : fatal ? 0.0 : Math.max(0.0, 100.0 - deductions);
        int redLines = (int) results.stream()
                .filter(r -> !r.passed() && RED_LINE.equals(r.rule().category()) && r.rule().forbids()).count();
        return new Verdicts(verdict(results, GREETING), verdict(results, APOLOGY), verdict(results, CLOSING), redLines, fatal,
                deductions, qa, longAgentMessages);
    }

    /** Whether an apology was due at all (a customer complained and an agent replied). */
    public boolean apologyRequired() {
        return apologyPassed != null;
    }

    private static Boolean verdict(List<CheckResult> results, String category) {
        List<CheckResult> of = results.stream().filter(r -> category.equals(r.rule().category())).toList();
        return of.isEmpty() ? null : of.stream().allMatch(CheckResult::passed);
    }
}
