package chatqa.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import chatqa.enrich.SegmentedText;
import chatqa.enrich.Segmenter;
import chatqa.rules.ConditionMatcher;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleCondition;
import chatqa.rules.RuleKind;

/**
 * How alike a message is to the example sentences of a {@code similar} condition, without a
 * network or a language model: the cosine of their sets of features — the character pairs of
 * their letters and digits (CJK included) and their HanLP words of three or more characters. A chat
 * message often says several things (我要退货 都四天了怎么还没到), so each clause is compared on its
 * own as well as the whole message, and the closest clause is the evidence. Example features are
 * built once per rule book.
 */
final class SentenceSimilarity {
    /**
     * Fewer shared features than this is chance (没有 against 怎么还没有收到), whatever the cosine —
     * unless one side has no more (a two-character example such as 快点 against 快点啊).
     */
    static final int MIN_SHARED = 2;

    /** The closest example of a condition to a message, how close it is (0..1), and the clause that was. */
    record Match(int example, double score, int start, int end) {
    }

    /** A stretch of a message (a clause, or the whole message) with its features. */
    record Clause(int start, int end, Set<String> features) {
    }

    private final Map<Integer, List<Set<String>>> examples = new HashMap<>();

    SentenceSimilarity(RuleBook book) {
        for (var r : book.rules()) {
            if (r.kind() instanceof RuleKind.Composition k) {
                for (RuleCondition c : k.conditions()) {
                    if (c.matcher() instanceof ConditionMatcher.Similar s) {
                        examples.put(s.id(), s.examples().stream().map(e -> features(e, Segmenter.segment(e).words())).toList());
                    }
                }
            }
        }
    }

    /** The example of {@code s} closest to one of a message's clauses, or null when none shares enough with any. */
    Match closest(ConditionMatcher.Similar s, List<Clause> clauses) {
        List<Set<String>> own = examples.get(s.id());
        Match best = null;
        for (Clause c : clauses) {
            for (int i = 0; i < own.size(); i++) {
                double score = cosine(own.get(i), c.features());
                if (score > 0 && (best == null || score > best.score())) {
                    best = new Match(i, score, c.start(), c.end());
                }
            }
        }
        return best;
    }

    /** The message as a whole and each of its clauses (split at punctuation and spaces), with their features. */
    static List<Clause> clauses(String text, SegmentedText words) {
        List<Clause> out = new ArrayList<>();
        out.add(new Clause(0, text.length(), features(text, words.words())));
        // Where each word starts, so a clause gets the words that lie inside it.
        List<String> ws = words.words();
        int[] at = new int[ws.size()];
        int from = 0;
        for (int w = 0; w < ws.size(); w++) {
            int found = text.indexOf(ws.get(w), from);
            at[w] = found;
            if (found >= 0) {
                from = found + ws.get(w).length();
            }
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inside = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inside && start < 0) {
                start = i;
            } else if (!inside && start >= 0) {
                if (start > 0 || i < text.length()) {
                    List<String> own = new ArrayList<>();
                    for (int w = 0; w < ws.size(); w++) {
                        if (at[w] >= start && at[w] + ws.get(w).length() <= i) {
                            own.add(ws.get(w));
                        }
                    }
                    out.add(new Clause(start, i, features(text.substring(start, i), own)));
                }
                start = -1;
            }
        }
        return out;
    }

    /** A text's features: its character pairs (a lone character when it has one) and its words of three or more characters. */
    static Set<String> features(String text, List<String> words) {
        String normal = NearDuplicate.normal(text);
        Set<String> out = new HashSet<>();
        if (normal.length() == 1) {
            out.add(normal);
        }
        for (int i = 0; i + 1 < normal.length(); i++) {
            out.add(normal.substring(i, i + 2));
        }
        for (String w : words) {
            String n = NearDuplicate.normal(w);
            // A two-character word is one of the pairs already; longer words add what pairs miss (a word's unity).
            if (n.length() >= 3) {
                out.add("w:" + n);
            }
        }
        return out;
    }

    private static double cosine(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String f : small) {
            if (large.contains(f)) {
                shared++;
            }
        }
        return shared < Math.min(MIN_SHARED, small.size()) ? 0 : shared / Math.sqrt((double) a.size() * b.size());
    }
}
