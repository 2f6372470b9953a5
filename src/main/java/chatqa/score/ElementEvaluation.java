package chatqa.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import chatqa.enrich.SegmentedText;
import chatqa.enrich.Segmenter;
import chatqa.rules.MessageMatches;
import chatqa.rules.PhraseMatcher;
import chatqa.rules.Rule;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleCondition;
import chatqa.rules.RuleKind;

/**
 * How often the rule book's element detectors are right on labelled agent messages. Each rule
 * with a {@code label} detects that element wherever its phrases match the message (its position
 * in a conversation is not judged here: the question is whether the words are recognised); the
 * rule book's transfer phrases detect {@code transfer}.
 */
public final class ElementEvaluation {
    /** The transfer label, detected by the rule book's {@code transfers} phrases. */
    public static final String TRANSFER = "transfer";

    /** One labelled message. */
    public record Labelled(String id, String text, Set<String> labels) {
    }

    /** A wrong call: expected but not found (false negative) or found but not expected (false positive). */
    public record Miss(String label, boolean falsePositive, String id, String text) {
    }

    /** Counts for one label. */
    public record Score(int truePositive, int falsePositive, int falseNegative) {
        public double precision() {
            return truePositive + falsePositive == 0 ? Double.NaN : truePositive / (double) (truePositive + falsePositive);
        }

        public double recall() {
            return truePositive + falseNegative == 0 ? Double.NaN : truePositive / (double) (truePositive + falseNegative);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final RuleBook book;
    private final PhraseMatcher matcher;
    private final SentenceSimilarity similarity;
    private final Map<String, Score> scores = new TreeMap<>();
    private final List<Miss> misses = new ArrayList<>();

    private final Set<String> only;

    public ElementEvaluation(RuleBook book) {
        this(book, Set.of());
    }

    /**
     * An evaluation of the labels in {@code only} (empty: of every label the book detects), for a
     * labelled set that was labelled for some labels only (customer messages labelled for chasing).
     */
    public ElementEvaluation(RuleBook book, Set<String> only) {
        this.book = book;
        this.matcher = new PhraseMatcher(book.phraseSets());
        this.similarity = new SentenceSimilarity(book);
        this.only = Set.copyOf(only);
    }

    /** Every label the rule book can detect (those of {@code only}, when given). */
    public Set<String> labels() {
        Set<String> out = detectable();
        if (!only.isEmpty()) {
            out.retainAll(only);
        }
        return out;
    }

    private Set<String> detectable() {
        Set<String> out = new TreeSet<>();
        book.rules().stream().map(Rule::label).filter(l -> l != null).forEach(out::add);
        conditions().stream().map(RuleCondition::label).forEach(out::add);
        if (book.outcomes().transfer() != null) {
            out.add(TRANSFER);
        }
        return out;
    }

    /** What the rule book detects in one message. */
    public Set<String> detect(String text) {
        SegmentedText words = Segmenter.segment(text);
        MessageMatches m = matcher.scan(text, words);
        Set<String> found = new TreeSet<>();
        for (Rule r : book.rules()) {
            if (r.label() != null && r.phrases() != null && m.contains(r.phrases())) {
                found.add(r.label());
            }
        }
        if (book.outcomes().transfer() != null && m.contains(book.outcomes().transfer().phrases())) {
            found.add(TRANSFER);
        }
        for (RuleCondition c : conditions()) {
            if (ConditionMatching.find(c.matcher(), text, words, m, similarity) != null) {
                found.add(c.label());
            }
        }
        return found;
    }

    /** The labelled conditions of composed rules: each detects its label wherever its matcher finds something. */
    private List<RuleCondition> conditions() {
        List<RuleCondition> out = new ArrayList<>();
        for (Rule r : book.rules()) {
            if (r.kind() instanceof RuleKind.Composition k) {
                k.conditions().stream().filter(c -> c.label() != null).forEach(out::add);
            }
        }
        return out;
    }

    public void add(Labelled message) {
        Set<String> found = detect(message.text());
        for (String label : labels()) {
            boolean expected = message.labels().contains(label);
            boolean got = found.contains(label);
            Score s = scores.getOrDefault(label, new Score(0, 0, 0));
            scores.put(label, new Score(s.truePositive() + (expected && got ? 1 : 0), s.falsePositive() + (!expected && got ? 1 : 0),
                    s.falseNegative() + (expected && !got ? 1 : 0)));
            if (expected != got) {
                misses.add(new Miss(label, got, message.id(), message.text()));
            }
        }
    }

    public Map<String, Score> scores() {
        return new LinkedHashMap<>(scores);
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }

    /** Micro-averaged over all labels. */
    public Score overall() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Score s : scores.values()) {
            tp += s.truePositive();
            fp += s.falsePositive();
            fn += s.falseNegative();
        }
        return new Score(tp, fp, fn);
    }

    public String render(int messages) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d labelled messages%n%-17s %5s %5s %5s %9s %7s %6s%n", messages,
                "label", "TP", "FP", "FN", "precision", "recall", "F1"));
        scores.forEach((label, s) -> sb.append(row(label, s)));
        sb.append(row("overall (micro)", overall()));
        if (!misses.isEmpty()) {
            sb.append("\nwrong calls:\n");
            for (Miss m : misses) {
                String text = m.text().length() > 60 ? m.text().substring(0, 60) + "…" : m.text();
                sb.append(String.format("  %s %-16s %s  %s%n", m.falsePositive() ? "FP" : "FN", m.label(), m.id(), text));
            }
        }
        return sb.toString();
    }

    private static String row(String label, Score s) {
        return String.format(Locale.ROOT, "%-17s %5d %5d %5d %9.3f %7.3f %6.3f%n", label, s.truePositive(), s.falsePositive(),
                s.falseNegative(), s.precision(), s.recall(), s.f1());
    }
}
