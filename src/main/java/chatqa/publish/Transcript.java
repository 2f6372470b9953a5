package chatqa.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Evidence;
import chatqa.model.Message;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScore;
import chatqa.score.RuleError;

/**
 * A scored conversation as text for the terminal: every message, with the rule results that
 * concern it underneath and the matched span highlighted (green where a rule found what it
 * wanted, red where a forbidden phrase was found). Results without a message come last.
 */
public final class Transcript {
    private static final String GREEN = "\u001B[1;32m";
    private static final String RED = "\u001B[1;31m";
    private static final String RESET = "\u001B[0m";

    private Transcript() {
    }

    public static String render(ConversationScore s, boolean color) {
        StringBuilder sb = new StringBuilder();
        var c = s.conversation();
        sb.append("== ").append(c.id()).append("  shop ").append(c.shopId()).append("  customer ").append(c.customerId())
                .append("  QA ").append(s.verdicts().qaScore() == null ? "not scored" : CsvTable.cell(s.verdicts().qaScore()))
                .append("  outcome ").append(s.outcome().outcome().code())
                .append("  scenarios ").append(String.join(", ", s.scenarioNames())).append('\n');
        for (EnrichedMessage m : s.messages()) {
            List<CheckResult> here = s.checks().stream().filter(r -> r.evidence().messageSeq() == m.seq())
                    .sorted(Comparator.comparing(r -> r.rule().id())).toList();
            sb.append(String.format("%3d %-8s %-10s %s%n", m.seq(), m.message().role().code(),
                    who(m.message()), highlight(m.message().text(), here, color)));
            for (CheckResult r : here) {
                sb.append(line(r, color));
            }
            for (RuleError e : s.ruleErrors()) {
                if (e.messageSeq() == m.seq()) {
                    sb.append(String.format("      ! %s not checked: %s%n", e.owner(), e.detail()));
                }
            }
        }
        List<CheckResult> elsewhere = new ArrayList<>(s.checks().stream().filter(r -> r.evidence().messageSeq() < 0).toList());
        for (CheckResult r : elsewhere) {
            sb.append(line(r, color));
        }
        return sb.toString();
    }

    /** The agent column: the id, with the export's display name after it when it has one. */
    private static String who(Message m) {
        if (m.agentId() == null) {
            return m.agentName() == null ? "" : m.agentName();
        }
        return m.agentName() == null || m.agentName().equals(m.agentId()) ? m.agentId() : m.agentId() + "/" + m.agentName();
    }

    private static String line(CheckResult r, boolean color) {
        String mark = r.passed() ? (color ? GREEN + "✓" + RESET : "✓") : (color ? RED + "✗" + RESET : "✗");
        return String.format("      %s %s (part %d%s): %s%n", mark, r.rule().id(), r.segment(),
                r.passed() ? "" : r.rule().fatal() ? ", fatal" : ", -" + r.pointsDeducted(), r.evidence().why());
    }

    private static String highlight(String text, List<CheckResult> results, boolean color) {
        List<CheckResult> spans = results.stream().filter(r -> r.evidence().start() >= 0)
                .sorted(Comparator.comparingInt((CheckResult r) -> r.evidence().start())).toList();
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (CheckResult r : spans) {
            Evidence e = r.evidence();
            if (e.start() < at || e.end() > text.length()) {
                continue;
            }
            sb.append(text, at, e.start());
            String open = color ? (r.passed() ? GREEN : RED) : "[";
            String close = color ? RESET : "]";
            sb.append(open).append(text, e.start(), e.end()).append(close);
            at = e.end();
        }
        return sb.append(text.substring(at)).toString().replace('\n', ' ');
    }
}
