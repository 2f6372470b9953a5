package chatqa.rules;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression run only on texts that contain one of the strings its matches need
 * ({@link RequiredText}): for the cue expressions read on every message (sentiment cues,
 * satisfaction cues), which most messages cannot match.
 */
public record PrefilteredPattern(Pattern pattern, RequiredText needs) implements Serializable {
    public static PrefilteredPattern compile(String regex) {
        Pattern p = Pattern.compile(regex);
        return new PrefilteredPattern(p, RequiredText.of(p));
    }

    /** Whether the expression matches somewhere in {@code text}. */
    public boolean find(String text) {
        return needs.mayMatch(text) && pattern.matcher(text).find();
    }

    /** A matcher that has found the first match in {@code text}, or null when there is none. */
    public Matcher first(String text) {
        if (!needs.mayMatch(text)) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m : null;
    }
}
