package chatqa.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often a rule's verdict on whole conversations agrees with people: for each labelled
 * (conversation, rule) pair, whether the rule should fail it, against whether the machine failed
 * it (a rule that did not apply counts as not failed). Works for every rule kind — compositions,
 * repetition, silence, handling — because it compares verdicts, not phrases.
 */
public final class VerdictEvaluation {
    /** One person's verdict: should {@code rule} fail {@code conversation}? */
    public record Labelled(String conversation, String rule, boolean fails) {
    }

    /** A disagreement: the machine failed a conversation people passed (false positive), or the other way round. */
    public record Miss(String rule, boolean falsePositive, String conversation, String evidence) {
    }

    private final Map<String, ElementEvaluation.Score> scores = new TreeMap<>();
    private final Map<String, Integer> agreed = new TreeMap<>();
    private final List<Miss> misses = new ArrayList<>();
    private int pairs;

    /** Adds one labelled pair with what the machine found: its result for the rule, or null where the rule did not apply. */
    public void add(Labelled label, CheckResult machine) {
        boolean failed = machine != null && !machine.passed();
        ElementEvaluation.Score s = scores.getOrDefault(label.rule(), new ElementEvaluation.Score(0, 0, 0));
        scores.put(label.rule(), new ElementEvaluation.Score(s.truePositive() + (label.fails() && failed ? 1 : 0),
                s.falsePositive() + (!label.fails() && failed ? 1 : 0), s.falseNegative() + (label.fails() && !failed ? 1 : 0)));
        agreed.merge(label.rule(), label.fails() == failed ? 1 : 0, Integer::sum);
        pairs++;
        if (label.fails() != failed) {
            misses.add(new Miss(label.rule(), failed, label.conversation(), machine == null ? "not applied" : machine.evidence().why()));
        }
    }

    public Map<String, ElementEvaluation.Score> scores() {
        return new TreeMap<>(scores);
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d labelled conversation verdicts (a failure is the positive class)%n%-36s %5s %5s %5s %5s %9s %7s %9s%n",
                pairs, "rule", "TP", "FP", "FN", "TN", "precision", "recall", "agreement"));
        scores.forEach((rule, s) -> {
            int n = s.truePositive() + s.falsePositive() + s.falseNegative() + (agreed.get(rule) - s.truePositive());
            sb.append(String.format(Locale.ROOT, "%-36s %5d %5d %5d %5d %9.3f %7.3f %9.3f%n", rule, s.truePositive(), s.falsePositive(),
                    s.falseNegative(), agreed.get(rule) - s.truePositive(), s.precision(), s.recall(), agreed.get(rule) / (double) n));
        });
        if (!misses.isEmpty()) {
            sb.append("\ndisagreements:\n");
            for (Miss m : misses) {
                String why = m.evidence().length() > 90 ? m.evidence().substring(0, 90) + "…" : m.evidence();
                sb.append(String.format("  %s %-30s %s  %s%n", m.falsePositive() ? "FP" : "FN", m.rule(), m.conversation(), why));
            }
        }
        return sb.toString();
    }
}
