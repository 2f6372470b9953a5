package chatqa.score;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import chatqa.enrich.SegmentedText;
import chatqa.rules.ConditionMatcher;
import chatqa.rules.MessageMatches;
import chatqa.rules.Span;

/**
 * What a composed rule's condition matcher finds in one message — the one place each matcher kind
 * is applied, for scoring ({@link CompositionCheck}) and for {@code rules eval} on labelled
 * messages ({@link ElementEvaluation}) alike, so the two can never disagree.
 */
final class ConditionMatching {
    private ConditionMatching() {
    }

    /** The spans found, and for a similar sentence which example it was like and how much. */
    record Found(List<Span> spans, String note) {
    }

    /**
     * The matcher's finds in a message, or null when it finds nothing. {@code clauses} is asked only
     * by similar sentences, so a caller can build a message's clauses once for several conditions.
     */
    static Found find(ConditionMatcher matcher, String text, MessageMatches matches, SentenceSimilarity similarity,
            Supplier<SentenceSimilarity.MessageClauses> clauses) {
        if (matcher instanceof ConditionMatcher.Phrases p) {
            return found(matches.find(p.set()));
        }
        if (matcher instanceof ConditionMatcher.Entity e) {
            return found(e.find(text));
        }
        if (matcher instanceof ConditionMatcher.AnyMessage) {
            return new Found(List.of(new Span(0, text.length(), text)), null);
        }
        return similar((ConditionMatcher.Similar) matcher, text, similarity, clauses);
    }

    /** As {@link #find}, building the message's clauses from its words when needed. */
    static Found find(ConditionMatcher matcher, String text, SegmentedText words, MessageMatches matches, SentenceSimilarity similarity) {
        return find(matcher, text, matches, similarity, () -> new SentenceSimilarity.MessageClauses(text, words));
    }

    private static Found found(List<Span> spans) {
        return spans.isEmpty() ? null : new Found(spans, null);
    }

    private static Found similar(ConditionMatcher.Similar s, String text, SentenceSimilarity similarity,
            Supplier<SentenceSimilarity.MessageClauses> clauses) {
        if (text.isBlank()) {
            return null;
        }
        SentenceSimilarity.Match best = similarity.closest(s, clauses.get());
        if (best == null || best.score() < s.threshold()) {
            return null;
        }
        String clause = text.substring(best.start(), best.end());
        return new Found(List.of(new Span(best.start(), best.end(), clause)),
                String.format(Locale.ROOT, "'%s' ~ '%s' %.2f", excerpt(clause), s.examples().get(best.example()), best.score()));
    }

    /** A quoted stretch short enough for evidence and {@code rules test} lines. */
    static String excerpt(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }
}
