package chatqa.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

/**
 * All phrases of a rule book in one Aho-Corasick automaton (HanLP's double-array
 * implementation), so one pass over a message finds the hits of every rule, trigger, condition
 * and exclusion at once — and which regular expressions may match: the strings each one's matches
 * need ({@link RequiredText}) are in the automaton too, so an expression runs only on messages
 * that have one. Built once per rule book and JVM; immutable and thread-safe.
 */
public final class PhraseMatcher {
    private final AhoCorasickDoubleArrayTrie<int[]> trie;
    private final List<PhraseSet> sets;
    /** Per set id, whether its regex's required strings are in the automaton (else the set checks them itself). */
    private final boolean[] gated;

    public PhraseMatcher(List<PhraseSet> sets) {
        this.sets = List.copyOf(sets);
        TreeMap<String, List<Integer>> owners = new TreeMap<>();
        this.gated = new boolean[maxId(this.sets)];
        for (PhraseSet set : sets) {
            if (set.regex() != null) {
                // Each string as written and lower-cased: the automaton reads the lower-cased text
                // (the text itself when lower-casing changes its length).
                java.util.Set<String> needs = new java.util.TreeSet<>();
                for (String p : set.regexNeeds().strings()) {
                    needs.add(p);
                    needs.add(p.toLowerCase(Locale.ROOT));
                }
                for (String p : needs) {
                    owners.computeIfAbsent(p, k -> new ArrayList<>()).add(encode(set.id(), GATE));
                }
                gated[set.id()] = !needs.isEmpty();
            }
            for (String p : set.phrases()) {
                owners.computeIfAbsent(p, k -> new ArrayList<>()).add(encode(set.id(), HIT));
            }
            for (String p : set.exclude()) {
                owners.computeIfAbsent(p, k -> new ArrayList<>()).add(encode(set.id(), EXCLUDE));
            }
            for (String p : set.unlessNear()) {
                owners.computeIfAbsent(p, k -> new ArrayList<>()).add(encode(set.id(), UNLESS));
            }
            for (String p : set.requiresNear()) {
                owners.computeIfAbsent(p, k -> new ArrayList<>()).add(encode(set.id(), REQUIRES));
            }
        }
        TreeMap<String, int[]> map = new TreeMap<>();
        owners.forEach((phrase, list) -> map.put(phrase, list.stream().mapToInt(Integer::intValue).toArray()));
        this.trie = new AhoCorasickDoubleArrayTrie<>();
        if (!map.isEmpty()) {
            trie.build(map);
        }
    }

    /** Finds every phrase of every set in {@code text} in one pass. */
    public MessageMatches scan(String text, WordBoundaries words) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            // Rare letters change length when lower-cased; match on the original so offsets hold.
            lower = text;
        }
        int maxId = gated.length;
        List<Span>[][] found = new List[KINDS][];
        for (int k = 0; k < GATE; k++) {
            found[k] = newLists(maxId);
        }
        boolean[] open = new boolean[maxId];
        if (trie.size() > 0) {
            final String scanned = lower;
            trie.parseText(scanned, (begin, end, owners) -> {
                Span span = null;
                for (int code : owners) {
                    int kind = code & (KINDS - 1);
                    int set = setId(code);
                    if (kind == GATE) {
                        open[set] = true;
                        continue;
                    }
                    if (span == null) {
                        span = new Span(begin, end, text.substring(begin, end));
                    }
                    List<Span>[] lists = found[kind];
                    if (lists[set] == NONE) {
                        lists[set] = new ArrayList<>(2);
                    }
                    lists[set].add(span);
                }
            });
        }
        return new MessageMatches(text, words, found[HIT], found[EXCLUDE], found[UNLESS], found[REQUIRES], gated, open);
    }

    private static int maxId(List<PhraseSet> sets) {
        return sets.isEmpty() ? 0 : sets.get(sets.size() - 1).id() + 1;
    }

    /** The hits of a set the message has none of: shared, so a message allocates only for the sets it hits. */
    private static final List<Span> NONE = List.of();

    @SuppressWarnings("unchecked")
    private static List<Span>[] newLists(int n) {
        List<Span>[] lists = new List[n];
        java.util.Arrays.fill(lists, NONE);
        return lists;
    }

    /** What a phrase is to its set: a hit, an exclusion, a hedge that cancels a hit near it, or a word a hit needs near it. */
    private static final int HIT = 0;
    private static final int EXCLUDE = 1;
    private static final int UNLESS = 2;
    private static final int REQUIRES = 3;
    /** A string the set's regex needs: the regex may match. */
    private static final int GATE = 4;
    /** A power of two, so the kind is the code's low bits. */
    private static final int KINDS = 8;

    private static int encode(int setId, int kind) {
        return setId * KINDS + kind;
    }

    private static int setId(int code) {
        return code / KINDS;
    }
}
