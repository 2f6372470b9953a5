package chatqa.spark;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a run did, for the console: row counts that reconcile (read = accepted + quarantined),
 * quarantine reasons, the outcome mix, the scenario mix (a conversation counts under each of its
 * scenarios), and where the outputs are.
 */
public record RunSummary(
        String runId,
        String day,
        int files,
        long rowsRead,
        long accepted,
        long quarantined,
        Map<String, Long> quarantineReasons,
        long conversations,
        long scoredConversations,
        long outsideDay,
        long agents,
        Map<String, Long> outcomes,
        String warehouse,
        Path scorecardCsv,
        Path report,
        double seconds,
        Map<String, Long> scenarios) {

    /** The closing lines of a run, printed on standard output. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("chatqa score: day ").append(day).append(" (run ").append(runId).append(")\n");
        sb.append(String.format("  read          %,d rows from %d file(s)%n", rowsRead, files));
        sb.append(String.format("  accepted      %,d%n", accepted));
        sb.append(String.format("  quarantined   %,d", quarantined));
        if (!quarantineReasons.isEmpty()) {
            sb.append("  (");
            sb.append(String.join(", ", quarantineReasons.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList()));
            sb.append(")");
        }
        sb.append('\n');
        sb.append(String.format("  conversations %,d (%,d scored, %,d agents)%n", conversations, scoredConversations, agents));
        if (!outcomes.isEmpty()) {
            sb.append("  outcomes      ").append(String.join(", ", outcomes.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList())).append('\n');
        }
        if (!scenarios.isEmpty()) {
            sb.append("  scenarios     ").append(String.join(", ", scenarios.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList())).append('\n');
        }
        if (outsideDay > 0) {
            sb.append(String.format("  note          %,d conversations start on another day; they are stored under %s%n", outsideDay, day));
        }
        sb.append("  warehouse     ").append(warehouse).append("/<table>/dt=").append(day).append('\n');
        sb.append("  scorecards    ").append(scorecardCsv).append('\n');
        sb.append("  report        ").append(report).append('\n');
        sb.append(String.format("  took          %.1f s%n", seconds));
        return sb.toString();
    }
}
