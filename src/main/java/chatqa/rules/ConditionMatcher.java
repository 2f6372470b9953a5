package chatqa.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a condition of a composed rule looks for in one message: phrases or a regex (a
 * {@link PhraseSet}, found by the book's one automaton pass), an entity ({@link Entities}: order
 * numbers, phones, tracking numbers, amounts, the export's masked placeholders included), or
 * sentences similar to examples (scored where the message's words are, in the score package).
 */
public sealed interface ConditionMatcher extends Serializable
        permits ConditionMatcher.Phrases, ConditionMatcher.Entity, ConditionMatcher.Similar, ConditionMatcher.AnyMessage {

    /** How the condition is named in evidence: its first phrase, its entity, or "similar to …". */
    String describe();

    /**
     * @param from null for phrases of the condition's own; else where they were taken from, as written
     *             ({@code phrases_of: apology.after_complaint}, {@code trigger_of: …}); while the book
     *             loads, {@code set} is null until the rule named is read
     */
    record Phrases(PhraseSet set, String from) implements ConditionMatcher {
        public Phrases(PhraseSet set) {
            this(set, null);
        }

        @Override
        public String describe() {
            return from != null ? from : set.phrases().isEmpty() ? "/" + set.regex().pattern() + "/" : set.phrases().get(0);
        }
    }

    /** Every message of the condition's scope ({@code any_message: true}): "an agent reply", whatever it says. */
    record AnyMessage() implements ConditionMatcher {
        @Override
        public String describe() {
            return "any message";
        }
    }

    /** An entity kind of {@link Entities}; its pattern is resolved when the book loads. */
    record Entity(String kind, Pattern pattern) implements ConditionMatcher {
        public List<Span> find(String text) {
            List<Span> out = new ArrayList<>(1);
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new Span(m.start(), m.end(), m.group()));
                }
            }
            return out;
        }

        @Override
        public String describe() {
            return "entity " + kind;
        }
    }

    /**
     * Sentences like one of {@code examples}: a message matches when its similarity to the closest
     * example reaches {@code threshold} (0..1).
     *
     * @param id a number unique in the rule book (drawn with the phrase-set ids), so example vectors are built once per book
     */
    record Similar(int id, List<String> examples, double threshold) implements ConditionMatcher {
        public Similar {
            examples = List.copyOf(examples);
        }

        @Override
        public String describe() {
            return "similar to '" + examples.get(0) + "'";
        }
    }
}
