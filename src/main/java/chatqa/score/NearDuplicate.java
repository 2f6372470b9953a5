package chatqa.score;

import java.util.HashMap;
import java.util.Map;

/**
 * How alike two messages are, for the repetition rule: the Dice coefficient of their character
 * pairs, punctuation, spaces and emoji codes left out, so a canned reply pasted again with another
 * greeting word or a changed order number in it still counts as the same reply.
 */
final class NearDuplicate {
    private NearDuplicate() {
    }

    /** The message's letters and digits (CJK included), lower-cased: what the pairs are taken from. */
    static String normal(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.appendCodePoint(Character.toLowerCase(c));
            }
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    /** 2 × shared pairs / (pairs of a + pairs of b), over normalised texts; 1 for two equal ones. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() < 2 || b.length() < 2) {
            return 0;
        }
        Map<Integer, Integer> pairs = new HashMap<>();
        for (int i = 0; i + 1 < a.length(); i++) {
            pairs.merge(pair(a, i), 1, Integer::sum);
        }
        int shared = 0;
        for (int i = 0; i + 1 < b.length(); i++) {
            Integer left = pairs.get(pair(b, i));
            if (left != null && left > 0) {
                shared++;
                pairs.put(pair(b, i), left - 1);
            }
        }
        return 2.0 * shared / (a.length() - 1 + b.length() - 1);
    }

    private static int pair(String s, int i) {
        return (s.charAt(i) << 16) | s.charAt(i + 1);
    }
}
