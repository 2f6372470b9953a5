package chatqa.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run did, for the console, printed whether it committed or not: row counts that
 * reconcile (read = accepted + quarantined), quarantine reasons with the first row of the most
 * frequent ones, a diagnosis for each file that failed as a whole, warnings, rule checks that
 * could not run, the outcome and scenario mix, and where the outputs are — or, for a run that
 * was refused, why the warehouse was left as it was and where its rejected rows went.
 *
 * @param day        null when the run could not tell its day
 * @param committed  whether the day's partitions were replaced
 * @param examples   "reason: file:line (field): detail" for the most frequent reasons
 * @param diagnoses  "file: what is wrong with it as a whole"
 * @param refusals   why the run did not commit (empty when it did)
 * @param rejectedRows the CSV of a refused run's quarantined rows (null when it committed)
 */
public record RunSummary(
        String runId,
        String day,
        boolean committed,
        int files,
        long rowsRead,
        long accepted,
        long quarantined,
        Map<String, Long> quarantineReasons,
        List<String> examples,
        List<String> diagnoses,
        List<String> warnings,
        List<String> notes,
        List<String> refusals,
        Map<String, Long> ruleErrors,
        long conversations,
        long scoredConversations,
        long agents,
        Map<String, Long> outcomes,
        Map<String, Long> scenarios,
        String warehouse,
        Path scorecardCsv,
        Path report,
        Path rejectedRows,
        double seconds) {

    /** The closing lines of a run, printed on standard output. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("chatqa score: day ").append(day == null ? "unknown" : day).append(" (run ").append(runId).append(")")
                .append(committed ? "" : " — NOT COMMITTED").append('\n');
        sb.append(String.format("  read          %,d rows from %d file(s)%n", rowsRead, files));
        sb.append(String.format("  accepted      %,d%n", accepted));
        sb.append(String.format("  quarantined   %,d", quarantined));
        if (!quarantineReasons.isEmpty()) {
            sb.append("  (").append(join(quarantineReasons)).append(")");
        }
        sb.append('\n');
        lines(sb, "first", examples);
        lines(sb, "diagnosis", diagnoses);
        lines(sb, "warning", warnings);
        if (!ruleErrors.isEmpty()) {
            sb.append("  rule errors   ").append(join(ruleErrors))
                    .append(" (conversations where the rule could not be checked; quarantine reason rule_error)\n");
        }
        if (committed || conversations > 0) {
            sb.append(String.format("  conversations %,d (%,d scored, %,d agents)%n", conversations, scoredConversations, agents));
        }
        if (!outcomes.isEmpty()) {
            sb.append("  outcomes      ").append(join(outcomes)).append('\n');
        }
        if (!scenarios.isEmpty()) {
            sb.append("  scenarios     ").append(join(scenarios)).append('\n');
        }
        lines(sb, "note", notes);
        if (committed) {
            sb.append("  warehouse     ").append(warehouse).append("/<table>/dt=").append(day).append('\n');
            sb.append("  scorecards    ").append(scorecardCsv).append('\n');
            sb.append("  report        ").append(report == null ? "not built (chatqa report --date " + day + " builds it)" : report)
                    .append('\n');
        } else {
            lines(sb, "not committed", refusals);
            sb.append("  warehouse     ").append(warehouse).append(": unchanged").append('\n');
            if (rejectedRows != null) {
                sb.append("  rejected rows ").append(rejectedRows).append('\n');
            }
        }
        sb.append(String.format("  took          %.1f s%n", seconds));
        return sb.toString();
    }

    private static void lines(StringBuilder sb, String label, List<String> items) {
        for (String item : items) {
            sb.append(String.format("  %-13s %s%n", label, item));
        }
    }

    private static String join(Map<String, Long> counts) {
        return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
