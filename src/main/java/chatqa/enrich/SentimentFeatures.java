package chatqa.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a segmented text into the binary features the naive Bayes model reads: words, word
 * pairs, words under a negator ("!满意" after 不), and runs of ! or ? — the things that carry
 * sentiment in short chat texts.
 */
final class SentimentFeatures {
    private static final Pattern EXCLAMATIONS = Pattern.compile("[!！]{2,}");
    private static final Pattern QUESTIONS = Pattern.compile("[?？]{2,}");
    /** How many words after a negator it reaches. */
    private static final int NEGATION_REACH = 2;

    private SentimentFeatures() {
    }

    static Set<String> extract(List<String> words, String text, Set<String> negators, Set<String> ignore) {
        Set<String> out = new LinkedHashSet<>();
        String previous = null;
        int negated = 0;
        for (String raw : words) {
            String w = raw.strip().toLowerCase(Locale.ROOT);
            if (ignore.contains(w)) {
                continue;
            }
            if (w.isEmpty() || isPunctuation(w)) {
                previous = null;
                negated = 0;
                continue;
            }
            out.add(w);
            if (previous != null) {
                out.add(previous + "|" + w);
            }
            if (negated > 0) {
                out.add("!" + w);
                negated--;
            }
            if (negators.contains(w)) {
                negated = NEGATION_REACH;
            }
            previous = w;
        }
        if (EXCLAMATIONS.matcher(text).find()) {
            out.add("#excl");
        }
        if (QUESTIONS.matcher(text).find()) {
            out.add("#qq");
        }
        return out;
    }

    private static boolean isPunctuation(String w) {
        return w.codePoints().allMatch(cp -> !Character.isLetterOrDigit(cp));
    }
}
