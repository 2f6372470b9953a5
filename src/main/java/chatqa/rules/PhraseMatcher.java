package chatqa.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

/**
 * All phrases of a rule book in one Aho-Corasick automaton (HanLP's double-array
 * implementation), so one pass over a message finds the hits of every rule, trigger, condition
 * and exclusion at once. Built once per rule book and JVM; immutable and thread-safe.
 */
public final class PhraseMatcher {
    private final AhoCorasickDoubleArrayTrie<int[]> trie;
    private final List<PhraseSet> sets;

    public PhraseMatcher(List<PhraseSet> sets) {
        this.sets = List.copyOf(sets);
        TreeMap<String, List<Integer>> owners = new TreeMap<>();
        for (PhraseSet set : sets) {
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
        int maxId = sets.isEmpty() ? 0 : sets.get(sets.size() - 1).id() + 1;
        List<Span>[][] found = new List[KINDS][];
        for (int k = 0; k < KINDS; k++) {
            found[k] = newLists(maxId);
        }
        if (trie.size() > 0) {
            final String scanned = lower;
            trie.parseText(scanned, (begin, end, owners) -> {
                Span span = new Span(begin, end, text.substring(begin, end));
                for (int code : owners) {
                    List<Span>[] lists = found[code & (KINDS - 1)];
                    int set = setId(code);
                    if (lists[set] == NONE) {
                        lists[set] = new ArrayList<>(2);
                    }
                    lists[set].add(span);
                }
            });
        }
        return new MessageMatches(text, words, found[HIT], found[EXCLUDE], found[UNLESS], found[REQUIRES]);
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
    private static final int KINDS = 4;

    private static int encode(int setId, int kind) {
        return setId * KINDS + kind;
    }

    private static int setId(int code) {
        return code / KINDS;
    }
}
