package chatqa.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * built once per rule book. Features are numbers (a pair's two chars, a word's hash with a tag bit)
 * in sorted arrays; each condition keeps, per example feature, the examples that have it, so a
 * message's shared counts with all examples come from one binary search per message feature —
 * this runs for every in-scope message of the day.
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

    /** A stretch of a message (a clause, or the whole message) with its features, sorted and distinct. */
    record Clause(int start, int end, long[] features) {
    }

    /** Tags a word's hash so it never equals a character pair (which fits in 32 bits). */
    private static final long WORD = 1L << 40;

    private final Map<Integer, List<long[]>> examples = new HashMap<>();
    /** Per condition, which examples have each feature: a message's shared counts with every example in one pass over its features. */
    private final Map<Integer, Postings> postings = new HashMap<>();

    /** The examples' features, sorted and distinct, each with the examples (ascending) that have it. */
    private record Postings(long[] features, int[][] examples) {
        static Postings of(List<long[]> examples) {
            java.util.TreeMap<Long, List<Integer>> by = new java.util.TreeMap<>();
            for (int i = 0; i < examples.size(); i++) {
                for (long f : examples.get(i)) {
                    by.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
                }
            }
            long[] features = new long[by.size()];
            int[][] owners = new int[by.size()][];
            int k = 0;
            for (Map.Entry<Long, List<Integer>> e : by.entrySet()) {
                features[k] = e.getKey();
                owners[k++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            }
            return new Postings(features, owners);
        }

        /** How many features {@code text} shares with each example. */
        int[] shared(long[] text, int exampleCount) {
            int[] out = new int[exampleCount];
            for (long f : text) {
                int k = Arrays.binarySearch(features, f);
                if (k >= 0) {
                    for (int e : examples[k]) {
                        out[e]++;
                    }
                }
            }
            return out;
        }
    }

    SentenceSimilarity(RuleBook book) {
        for (var r : book.rules()) {
            if (r.kind() instanceof RuleKind.Composition k) {
                for (RuleCondition c : k.conditions()) {
                    if (c.matcher() instanceof ConditionMatcher.Similar s) {
                        List<long[]> own = s.examples().stream().map(e -> features(e, Segmenter.segment(e).words())).toList();
                        examples.put(s.id(), own);
                        postings.put(s.id(), Postings.of(own));
                    }
                }
            }
        }
    }

    /**
     * A message's stretches to compare: the whole message at once, its clauses only when asked —
     * most messages share too little with any example for a clause to reach the threshold, and
     * splitting them is most of the cost.
     */
    static final class MessageClauses {
        private final String text;
        private final SegmentedText words;
        private Clause whole;
        private List<Clause> parts;

        MessageClauses(String text, SegmentedText words) {
            this.text = text;
            this.words = words;
        }

        Clause whole() {
            if (whole == null) {
                whole = new Clause(0, text.length(), features(text, words.words()));
            }
            return whole;
        }

        List<Clause> parts() {
            if (parts == null) {
                parts = clauses(text, words);
            }
            return parts;
        }
    }

    /**
     * The example of {@code s} closest to the message or one of its clauses, or null when none
     * shares enough with any. A clause's features are among the message's (its pairs are the
     * message's, its words too) but for a lone character, so a clause shares at most
     * {@code shared + 1} with an example {@code e} and its cosine is at most
     * {@code sqrt((shared + 1) / |e|)}: the clauses are split only when that can reach the threshold.
     */
    Match closest(ConditionMatcher.Similar s, MessageClauses m) {
        List<long[]> own = examples.get(s.id());
        Postings index = postings.get(s.id());
        Clause whole = m.whole();
        Match best = null;
        boolean clausesMayReach = false;
        int[] sharedWithWhole = index.shared(whole.features(), own.size());
        for (int i = 0; i < own.size(); i++) {
            long[] e = own.get(i);
            int shared = sharedWithWhole[i];
            double score = cosine(shared, e.length, whole.features().length);
            if (score > 0 && (best == null || score > best.score())) {
                best = new Match(i, score, whole.start(), whole.end());
            }
            if (Math.sqrt((shared + 1.0) / e.length) >= s.threshold() - 1e-9) {
                clausesMayReach = true;
            }
        }
        if (!clausesMayReach) {
            return best;
        }
        for (Clause c : m.parts()) {
            int[] sharedWithClause = index.shared(c.features(), own.size());
            for (int i = 0; i < own.size(); i++) {
                double score = cosine(sharedWithClause[i], own.get(i).length, c.features().length);
                if (score > 0 && (best == null || score > best.score())) {
                    best = new Match(i, score, c.start(), c.end());
                }
            }
        }
        return best;
    }

    /** How far past the previous word the next is looked for (the punctuation and spaces between). */
    private static final int WORD_REACH = 16;

    /** Where {@code word} starts at or after {@code from}, no further than {@link #WORD_REACH} on; -1 when not there. */
    private static int indexNear(String text, String word, int from) {
        int last = Math.min(text.length() - word.length(), from + WORD_REACH);
        for (int i = from; i <= last; i++) {
            if (text.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Each clause of a message (split at punctuation and spaces) with its features; none when the message is one clause. */
    private static List<Clause> clauses(String text, SegmentedText words) {
        List<Clause> out = new ArrayList<>();
        // Where each word starts, so a clause gets the words that lie inside it. Words come in text
        // order, so each is looked for just after the previous one, within a short reach: a word the
        // text does not spell (normalised by the segmenter) must not send every later search over
        // the rest of a long message.
        List<String> ws = words.words();
        int[] at = new int[ws.size()];
        int from = 0;
        for (int w = 0; w < ws.size(); w++) {
            int found = indexNear(text, ws.get(w), from);
            at[w] = found;
            if (found >= 0) {
                from = found + ws.get(w).length();
            }
        }
        int start = -1;
        int next = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean inside = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inside && start < 0) {
                start = i;
            } else if (!inside && start >= 0) {
                // One pass over the words for all clauses: those before this clause are passed over.
                while (next < ws.size() && (at[next] < 0 || at[next] < start)) {
                    next++;
                }
                List<String> own = new ArrayList<>();
                while (next < ws.size() && (at[next] < 0 || at[next] + ws.get(next).length() <= i)) {
                    if (at[next] >= 0) {
                        own.add(ws.get(next));
                    }
                    next++;
                }
                if (start > 0 || i < text.length()) {
                    out.add(new Clause(start, i, features(text.substring(start, i), own)));
                }
                start = -1;
            }
        }
        return out;
    }

    /** A text's features: its character pairs (a lone character when it has one) and its words of three or more characters. */
    static long[] features(String text, List<String> words) {
        String normal = NearDuplicate.normal(text);
        long[] out = new long[Math.max(normal.length() - 1, 1) + words.size()];
        int n = 0;
        if (normal.length() == 1) {
            out[n++] = normal.charAt(0);
        }
        for (int i = 0; i + 1 < normal.length(); i++) {
            out[n++] = ((long) normal.charAt(i) << 16) | normal.charAt(i + 1);
        }
        for (String w : words) {
            String word = NearDuplicate.normal(w);
            // A two-character word is one of the pairs already; longer words add what pairs miss (a word's unity).
            if (word.length() >= 3) {
                out[n++] = WORD | (word.hashCode() & 0xffffffffL);
            }
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[i] != out[distinct - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    private static double cosine(int shared, int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return shared < Math.min(MIN_SHARED, Math.min(a, b)) ? 0 : shared / Math.sqrt((double) a * b);
    }
}
