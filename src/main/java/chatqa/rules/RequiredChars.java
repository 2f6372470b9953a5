package chatqa.rules;

import java.io.Serializable;
import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Characters of which every match of a regular expression contains at least one, read from the
 * expression's text: a message with none of them cannot match, and the expression is not run on
 * it. The rule book's and the sentiment cues' expressions are long alternations of Chinese
 * phrases ({@code 今天|明天|…)[^，。]{0,10}(到|送到|…)}); Java's engine tries every alternative at
 * every position of every message, while one pass over the message's characters tells most of
 * them apart. The analysis is conservative: anything it does not understand (inline flags,
 * quoting, negated or nested classes, classes of more than {@value #MAX_CLASS} characters) imposes
 * no requirement, and an expression it cannot read at all gets {@link #NONE}, which lets every
 * text through — so skipping never changes what matches.
 */
public final class RequiredChars implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Lets every text through: no requirement is known. */
    public static final RequiredChars NONE = new RequiredChars(null);
    private static final int MAX_CLASS = 256;

    /** Null for no requirement. */
    private final BitSet chars;

    private RequiredChars(BitSet chars) {
        this.chars = chars;
    }

    /** The requirement of {@code regex}, or {@link #NONE}. */
    public static RequiredChars of(Pattern regex) {
        if (regex == null) {
            return NONE;
        }
        int flags = regex.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        if (flags != 0) {
            return NONE; // comments mode, literal mode, dot-all…: read differently
        }
        BitSet set;
        try {
            Parser p = new Parser(regex.pattern());
            set = p.alternation();
            if (p.pos != p.s.length()) {
                return NONE;
            }
        } catch (Unreadable e) {
            return NONE;
        }
        if (set == null || set.isEmpty()) {
            return NONE;
        }
        if ((regex.flags() & Pattern.CASE_INSENSITIVE) != 0) {
            if (set.stream().anyMatch(c -> Character.isSurrogate((char) c))) {
                return NONE;
            }
            set = withCaseVariants(set);
        }
        return new RequiredChars(set);
    }

    /**
     * Every character that case folding may match to one of {@code set}'s: the same upper case,
     * lower case, or lower case of the upper case (h ↔ H, k ↔ K ↔ the Kelvin sign), a superset of
     * what the engine compares.
     */
    private static BitSet withCaseVariants(BitSet set) {
        BitSet out = (BitSet) set.clone();
        set.stream().filter(c -> folded(c) != c || Character.toUpperCase(c) != c).forEach(c -> {
            for (int d = 0; d <= 0xFFFF; d++) {
                if (Character.toUpperCase(d) == Character.toUpperCase(c) || Character.toLowerCase(d) == Character.toLowerCase(c)
                        || folded(d) == folded(c)) {
                    out.set(d);
                }
            }
        });
        return out;
    }

    private static int folded(int c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** False only when no match of the expression can exist in {@code text}. */
    public boolean mayMatch(CharSequence text) {
        if (chars == null) {
            return true;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            if (chars.get(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a requirement is known (for tests and diagnostics). */
    public boolean isKnown() {
        return chars != null;
    }

    /** The required characters, for tests and diagnostics ("" when none is known). */
    @Override
    public String toString() {
        if (chars == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        chars.stream().forEach(c -> out.append((char) c));
        return out.toString();
    }

    /** The expression uses syntax the analysis does not follow. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    /**
     * Recursive descent over Java's regex syntax. Each method returns the required set of what it
     * read, null for "no requirement"; a sequence keeps its smallest member's set (all its
     * members occur in a match), an alternation the union of its branches' (one of them occurs),
     * a quantifier that allows zero repetitions none.
     */
    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        BitSet alternation() {
            BitSet union = sequence();
            boolean any = union == null;
            while (pos < s.length() && s.charAt(pos) == '|') {
                pos++;
                BitSet branch = sequence();
                if (branch == null) {
                    any = true;
                } else if (!any) {
                    union.or(branch);
                }
            }
            return any ? null : union;
        }

        BitSet sequence() {
            BitSet best = null;
            while (pos < s.length() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                BitSet atom = atom();
                int min = quantifier();
                if (min > 0 && atom != null && (best == null || atom.cardinality() < best.cardinality())) {
                    best = atom;
                }
            }
            return best;
        }

        /** Reads a quantifier if one follows; the least number of repetitions it allows (1 without one). */
        int quantifier() {
            if (pos >= s.length()) {
                return 1;
            }
            char c = s.charAt(pos);
            int min;
            if (c == '?' || c == '*') {
                pos++;
                min = 0;
            } else if (c == '+') {
                pos++;
                min = 1;
            } else if (c == '{') {
                int close = s.indexOf('}', pos);
                if (close < 0) {
                    throw new Unreadable();
                }
                String body = s.substring(pos + 1, close);
                if (!body.matches("\\d+(,\\d*)?")) {
                    throw new Unreadable();
                }
                min = Integer.parseInt(body.split(",")[0]);
                pos = close + 1;
            } else {
                return 1;
            }
            if (pos < s.length() && (s.charAt(pos) == '?' || s.charAt(pos) == '+')) {
                pos++; // lazy or possessive
            }
            return min;
        }

        BitSet atom() {
            char c = s.charAt(pos);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return characterClass();
                case '\\':
                    return escape();
                case '.', '^', '$':
                    pos++;
                    return null;
                case '*', '+', '?', '{':
                    throw new Unreadable(); // a quantifier with nothing before it
                default:
                    int cp = s.codePointAt(pos);
                    pos += Character.charCount(cp);
                    return single(cp);
            }
        }

        BitSet group() {
            pos++; // (
            boolean zeroWidth = false;
            if (s.startsWith("?", pos)) {
                if (s.startsWith("?:", pos) || s.startsWith("?>", pos)) {
                    pos += 2;
                } else if (s.startsWith("?=", pos) || s.startsWith("?!", pos)) {
                    pos += 2;
                    zeroWidth = true;
                } else if (s.startsWith("?<=", pos) || s.startsWith("?<!", pos)) {
                    pos += 3;
                    zeroWidth = true;
                } else if (s.startsWith("?<", pos) && pos + 2 < s.length() && Character.isLetter(s.charAt(pos + 2))) {
                    int close = s.indexOf('>', pos);
                    if (close < 0) {
                        throw new Unreadable();
                    }
                    pos = close + 1;
                } else {
                    throw new Unreadable(); // inline flags
                }
            }
            BitSet inner = alternation();
            if (pos >= s.length() || s.charAt(pos) != ')') {
                throw new Unreadable();
            }
            pos++;
            return zeroWidth ? null : inner;
        }

        BitSet escape() {
            if (pos + 1 >= s.length()) {
                throw new Unreadable();
            }
            char e = s.charAt(pos + 1);
            if (!Character.isLetterOrDigit(e)) {
                int cp = s.codePointAt(pos + 1);
                pos += 1 + Character.charCount(cp);
                return single(cp); // an escaped metacharacter stands for itself
            }
            skipLetterEscape();
            return null; // classes (\d \s \p{…}), anchors (\b), codes (\x41) and back-references
        }

        /** Steps over an escape that starts with a letter or digit. */
        void skipLetterEscape() {
            char e = s.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case 'p', 'P', 'N', 'x' -> {
                    if (pos < s.length() && s.charAt(pos) == '{') {
                        int close = s.indexOf('}', pos);
                        if (close < 0) {
                            throw new Unreadable();
                        }
                        pos = close + 1;
                    } else if (e == 'x') {
                        pos += 2;
                    } else if (e != 'N') {
                        pos += 1; // \pL
                    } else {
                        throw new Unreadable();
                    }
                }
                case 'u' -> pos += 4;
                case 'c' -> pos += 1;
                case 'k' -> {
                    int close = s.indexOf('>', pos);
                    if (close < 0) {
                        throw new Unreadable();
                    }
                    pos = close + 1;
                }
                case '0' -> {
                    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7') {
                        pos++;
                    }
                }
                case 'Q', 'E' -> throw new Unreadable();
                default -> {
                    if (Character.isDigit(e)) {
                        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                            pos++;
                        }
                    }
                }
            }
            if (pos > s.length()) {
                throw new Unreadable();
            }
        }

        /** A class of plain characters and ranges gives its characters; anything else none. */
        BitSet characterClass() {
            pos++; // [
            boolean simple = true;
            if (pos < s.length() && s.charAt(pos) == '^') {
                simple = false;
                pos++;
            }
            if (pos < s.length() && s.charAt(pos) == ']') {
                throw new Unreadable(); // Java reads a leading ] its own way
            }
            BitSet set = new BitSet();
            int previous = -1;
            while (true) {
                if (pos >= s.length()) {
                    throw new Unreadable();
                }
                char c = s.charAt(pos);
                if (c == ']') {
                    pos++;
                    break;
                }
                if (c == '[' || s.startsWith("&&", pos)) {
                    throw new Unreadable(); // unions and intersections
                }
                int cp;
                if (c == '\\') {
                    if (pos + 1 >= s.length()) {
                        throw new Unreadable();
                    }
                    char e = s.charAt(pos + 1);
                    if (Character.isLetterOrDigit(e)) {
                        skipLetterEscape();
                        simple = false;
                        previous = -1;
                        continue;
                    }
                    cp = s.codePointAt(pos + 1);
                    pos += 1 + Character.charCount(cp);
                } else if (c == '-' && previous >= 0 && pos + 1 < s.length() && s.charAt(pos + 1) != ']') {
                    pos++;
                    int to;
                    if (s.charAt(pos) == '\\') {
                        if (pos + 1 >= s.length() || Character.isLetterOrDigit(s.charAt(pos + 1))) {
                            throw new Unreadable();
                        }
                        to = s.codePointAt(pos + 1);
                        pos += 1 + Character.charCount(to);
                    } else if (s.charAt(pos) == '[') {
                        throw new Unreadable();
                    } else {
                        to = s.codePointAt(pos);
                        pos += Character.charCount(to);
                    }
                    if (to < previous || to > 0xFFFF || to - previous > MAX_CLASS) {
                        simple = false;
                    } else {
                        set.set(previous, to + 1);
                    }
                    previous = -1;
                    continue;
                } else {
                    cp = s.codePointAt(pos);
                    pos += Character.charCount(cp);
                }
                if (cp > 0xFFFF) {
                    simple = false;
                } else {
                    set.set(cp);
                }
                previous = cp;
            }
            return simple && set.cardinality() <= MAX_CLASS && !set.isEmpty() ? set : null;
        }

        private static BitSet single(int cp) {
            BitSet set = new BitSet();
            // A character outside the BMP is two chars in the text; its first is required.
            set.set(cp > 0xFFFF ? Character.highSurrogate(cp) : cp);
            return set;
        }
    }
}
