package chatqa.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private final Map<Integer, List<Span>> found = new HashMap<>();
    private Map<Integer, String> failures;

    MessageMatches(String text, WordBoundaries words, List<Span>[] phraseHits, List<Span>[] exclusionHits) {
        this.text = text;
        this.words = words;
        this.phraseHits = phraseHits;
        this.exclusionHits = exclusionHits;
    }

    /** Hits of {@code set} in this message, first first; exclusions and word alignment applied. */
    public List<Span> find(PhraseSet set) {
        return found.computeIfAbsent(set.id(), id -> compute(set));
    }

    public boolean contains(PhraseSet set) {
        return !find(set).isEmpty();
    }

    /**
     * Phrase sets whose regular expression failed on this message (ran out of time or stack), by
     * set id, with why; empty for nearly every message. Their phrase hits still count.
     */
    public Map<Integer, String> regexFailures() {
        return failures == null ? Map.of() : failures;
    }

    private List<Span> compute(PhraseSet set) {
        List<Span> candidates = new ArrayList<>(phraseHits[set.id()]);
        if (set.regex() != null) {
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
            if (exclusions.stream().anyMatch(s::overlaps)) {
                continue;
            }
            out.add(s);
        }
        // Longest hit first among those starting at the same place: the clearest evidence.
        out.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        return out;
    }
}
