package chatqa.rules;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of phrases and/or one regular expression that a message may contain, with exclusions:
 * a hit that overlaps a match of an exclusion phrase does not count (so 滚 need not match 滚筒,
 * and 为您效劳 in 还有其他可以为您效劳 is a closing question, not an offer). With {@code wholeWords} a hit must start and end on word boundaries of the message's
 * segmentation (so 亲 does not match inside 亲自). Phrases are matched case-insensitively.
 *
 * @param id index of this set in its rule book's matcher
 */
public record PhraseSet(int id, List<String> phrases, Pattern regex, List<String> exclude, boolean wholeWords)
        implements Serializable {

    public PhraseSet {
        phrases = List.copyOf(phrases);
        exclude = List.copyOf(exclude);
    }

    public boolean isEmpty() {
        return phrases.isEmpty() && regex == null;
    }
}
