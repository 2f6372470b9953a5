package chatqa.rules;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of phrases and/or one regular expression that a message may contain, with exclusions:
 * a hit that overlaps a match of an exclusion phrase does not count (so 滚 need not match 滚筒,
 * and 为您效劳 in 还有其他可以为您效劳 is a closing question, not an offer). With {@code wholeWords} a hit must start and end on word boundaries of the message's
 * segmentation (so 亲 does not match inside 亲自). Phrases are matched case-insensitively.
 * The context of a hit can decide too: a hit with one of {@code unlessNear} in the same clause
 * within {@code nearChars} characters does not count (a hedge: 预计明天送到 is an estimate, not a
 * promise), and with {@code requiresNear} a hit counts only when one of them is there (a promise
 * needs 保证, 一定 …); with {@code ignoreQuoted}, a hit inside quotation marks is someone's words
 * quoted (您说"保证明天到"是吗), not the speaker's own.
 *
 * @param id index of this set in its rule book's matcher
 * @param regexNeeds the characters a match of {@code regex} needs, read from it once when the book is built
 */
public record PhraseSet(int id, List<String> phrases, Pattern regex, List<String> exclude, boolean wholeWords,
                        List<String> unlessNear, List<String> requiresNear, int nearChars, boolean ignoreQuoted,
                        RequiredText regexNeeds) implements Serializable {
    /** How far from a hit its context is looked for when the rule book does not say. */
    public static final int DEFAULT_NEAR_CHARS = 10;

    public PhraseSet {
        phrases = List.copyOf(phrases);
        exclude = List.copyOf(exclude);
        unlessNear = List.copyOf(unlessNear);
        requiresNear = List.copyOf(requiresNear);
    }

    public PhraseSet(int id, List<String> phrases, Pattern regex, List<String> exclude, boolean wholeWords,
                     List<String> unlessNear, List<String> requiresNear, int nearChars, boolean ignoreQuoted) {
        this(id, phrases, regex, exclude, wholeWords, unlessNear, requiresNear, nearChars, ignoreQuoted, RequiredText.of(regex));
    }

    /** A set without context conditions. */
    public PhraseSet(int id, List<String> phrases, Pattern regex, List<String> exclude, boolean wholeWords) {
        this(id, phrases, regex, exclude, wholeWords, List.of(), List.of(), DEFAULT_NEAR_CHARS, false);
    }

    public boolean hasContext() {
        return !unlessNear.isEmpty() || !requiresNear.isEmpty() || ignoreQuoted;
    }

    public boolean isEmpty() {
        return phrases.isEmpty() && regex == null;
    }
}
