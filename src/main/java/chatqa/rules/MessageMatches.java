package chatqa.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one message contains, as found by the rule book's {@link PhraseMatcher}: phrase hits per
 * phrase set from the single automaton pass; regular expressions are run only when a rule asks
 * (most rules look at few messages), within a budget ({@link GuardedRegex}), and then remembered.
 */
public final class MessageMatches {
    private final String text;
    private final WordBoundaries words;
    private final List<Span>[] phraseHits;
    private final List<Span>[] exclusionHits;
    private final List<Span>[] unlessHits;
    private final List<Span>[] requiresHits;
    /** Per set id: its regex's required strings are in the automaton, and whether this message has one of them. */
    private final boolean[] gated;
    private final boolean[] gateOpen;
    /** Per phrase set id, its hits once asked for (null: not yet): an array, as every message is asked about many sets. */
    private final List<Span>[] found;
    private Map<Integer, String> failures;
    /** Where a sentence ends: a hedge or a promise word reaches no further (commas it crosses: 我也没办法直接操作，不过马上帮您提交). */
    private static final String CLAUSE_ENDS = "。！？；!?;\n";

    MessageMatches(String text, WordBoundaries words, List<Span>[] phraseHits, List<Span>[] exclusionHits, List<Span>[] unlessHits,
                   List<Span>[] requiresHits, boolean[] gated, boolean[] gateOpen) {
        this.text = text;
        this.words = words;
        this.phraseHits = phraseHits;
        this.exclusionHits = exclusionHits;
        this.unlessHits = unlessHits;
        this.requiresHits = requiresHits;
        this.gated = gated;
        this.gateOpen = gateOpen;
        @SuppressWarnings("unchecked")
        List<Span>[] none = new List[phraseHits.length];
        this.found = none;
    }

    /** Hits of {@code set} in this message, first first; exclusions and word alignment applied. */
    public List<Span> find(PhraseSet set) {
        List<Span> hits = found[set.id()];
        if (hits == null) {
            hits = compute(set);
            found[set.id()] = hits;
        }
        return hits;
    }

    public boolean contains(PhraseSet set) {
        return !find(set).isEmpty();
    }

    /**
     * Phrase sets whose regular expression failed on this message (ran out of time or stack), by
     * set id, with why; empty for nearly every message. Their phrase hits still count.
     */
    /**
     * A hit's context: no {@code unless_near} phrase, and (when the set has any) a
     * {@code requires_near} phrase, in the same clause within {@code near_chars} characters of it.
     */
    private boolean contextAllows(PhraseSet set, Span hit) {
        if (set.ignoreQuoted() && quoted(hit)) {
            return false;
        }
        int from = Math.max(clauseStart(hit.start()), hit.start() - set.nearChars());
        int to = Math.min(clauseEnd(hit.end()), hit.end() + set.nearChars());
        for (Span u : unlessHits[set.id()]) {
            if (u.start() >= from && u.end() <= to && !u.overlaps(hit)) {
                return false;
            }
        }
        if (set.requiresNear().isEmpty()) {
            return true;
        }
        for (Span r : requiresHits[set.id()]) {
            if (r.start() >= from && r.end() <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inside quotation marks, title marks (a book or product name: 《别闹了，费曼先生》) or square
     * brackets (an emoticon code such as [呵呵] or [微笑], the smiley the chat tools insert): more
     * opened than closed before the hit.
     */
    private boolean quoted(Span hit) {
        int open = 0;
        for (int i = 0; i < hit.start(); i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '「' || c == '『' || c == '《' || c == '[') {
                open++;
            } else if ((c == '”' || c == '」' || c == '』' || c == '》' || c == ']') && open > 0) {
                open--;
            } else if (c == '"') {
                open = open > 0 ? open - 1 : open + 1;
            }
        }
        return open > 0;
    }

    private int clauseStart(int at) {
        int i = at;
        while (i > 0 && CLAUSE_ENDS.indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    private int clauseEnd(int at) {
        int i = at;
        while (i < text.length() && CLAUSE_ENDS.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    public Map<Integer, String> regexFailures() {
        return failures == null ? Map.of() : failures;
    }

    /** Longest hit first among those starting at the same place: the clearest evidence. */
    private static final Comparator<Span> FIRST_LONGEST = Comparator.comparingInt(Span::start)
            .thenComparing(Comparator.comparingInt(Span::end).reversed());

    private List<Span> compute(PhraseSet set) {
        // Most sets, on most messages: no phrase hit, and no regex or none of the characters its matches need.
        boolean runRegex = set.regex() != null && (gated[set.id()] ? gateOpen[set.id()] : set.regexNeeds().mayMatch(text));
        if (phraseHits[set.id()].isEmpty() && !runRegex) {
            return List.of();
        }
        List<Span> candidates = new ArrayList<>(phraseHits[set.id()]);
        if (runRegex) {
            try {
                candidates.addAll(GuardedRegex.findAll(set.regex(), text, GuardedRegex.SCORING_BUDGET_NANOS));
            } catch (GuardedRegex.Failure f) {
                if (failures == null) {
                    failures = new TreeMap<>();
                }
                failures.put(set.id(), f.getMessage());
            }
        }
        List<Span> exclusions = exclusionHits[set.id()];
        List<Span> out = new ArrayList<>(candidates.size());
        for (Span s : candidates) {
            if (set.wholeWords() && !(words.isStart(s.start()) && words.isEnd(s.end()))) {
                continue;
            }
            if (overlapsAny(s, exclusions)) {
                continue;
            }
            if (set.hasContext() && !contextAllows(set, s)) {
                continue;
            }
            out.add(s);
        }
        if (out.size() > 1) {
            out.sort(FIRST_LONGEST);
        }
        return out;
    }

    private static boolean overlapsAny(Span s, List<Span> others) {
        for (Span o : others) {
            if (s.overlaps(o)) {
                return true;
            }
        }
        return false;
    }
}
