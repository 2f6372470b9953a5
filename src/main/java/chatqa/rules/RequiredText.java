package chatqa.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Strings of which every match of a regular expression contains at least one, read from the
 * expression's text: a message that contains none of them cannot match, and the expression is not
 * run on it. The rule book's and the sentiment cues' expressions are long alternations of Chinese
 * phrases ({@code (今天|明天|…)[^，。]{0,10}(到|送到|…)}, {@code 失望|不满意|…}); Java's engine tries
 * every alternative at every position of every message, while one pass over the message finds
 * that none of 送到, 到货 … or 不满意, 失望 … is there. Runs of literal characters, small classes
 * and optional pieces are kept as whole strings (不满, not 不), so common characters do not let
 * most messages through. The analysis is conservative: anything it does not understand (inline
 * flags, quoting, negated or nested classes) imposes no requirement, and an expression it cannot
 * read at all gets {@link #NONE}, which lets every text through — so skipping never changes what
 * matches. A case-insensitive expression keeps only the first characters of its strings, with
 * every case variant.
 */
public final class RequiredText implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Lets every text through: no requirement is known. */
    public static final RequiredText NONE = new RequiredText(null, null, null);
    /** The most strings an exact piece (a run, an alternation) is kept as before it is given up. */
    private static final int LIMIT = 256;
    private static final int MAX_CLASS = 64;

    /** First characters of the strings; null for no requirement. */
    private final BitSet first;
    /** The first characters in order, and for each the strings that start with it. */
    private final char[] firstChars;
    private final String[][] byFirst;

    private RequiredText(BitSet first, char[] firstChars, String[][] byFirst) {
        this.first = first;
        this.firstChars = firstChars;
        this.byFirst = byFirst;
    }

    /** The requirement of {@code regex}, or {@link #NONE}. */
    public static RequiredText of(Pattern regex) {
        if (regex == null) {
            return NONE;
        }
        if ((regex.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) != 0) {
            return NONE; // comments mode, literal mode, dot-all…: read differently
        }
        Set<String> strings;
        try {
            Parser p = new Parser(regex.pattern());
            Piece piece = p.alternation();
            if (p.pos != p.s.length()) {
                return NONE;
            }
            strings = piece.required();
        } catch (Unreadable e) {
            return NONE;
        }
        if (strings == null || strings.isEmpty() || strings.contains("")) {
            return NONE;
        }
        if ((regex.flags() & Pattern.CASE_INSENSITIVE) != 0) {
            strings = firstCharsWithCases(strings);
            if (strings == null) {
                return NONE;
            }
        }
        return build(strings);
    }

    private static RequiredText build(Set<String> strings) {
        // A string that contains another of the set adds nothing: a text with it has the other too.
        List<String> shortestFirst = new ArrayList<>(strings);
        shortestFirst.sort(java.util.Comparator.comparingInt(String::length));
        TreeSet<String> sorted = new TreeSet<>();
        for (String candidate : shortestFirst) {
            if (sorted.stream().noneMatch(candidate::contains)) {
                sorted.add(candidate);
            }
        }
        BitSet first = new BitSet();
        sorted.forEach(s -> first.set(s.charAt(0)));
        char[] firstChars = new char[first.cardinality()];
        String[][] byFirst = new String[firstChars.length][];
        int i = 0;
        for (int c = first.nextSetBit(0); c >= 0; c = first.nextSetBit(c + 1)) {
            char ch = (char) c;
            firstChars[i] = ch;
            byFirst[i++] = sorted.stream().filter(s -> s.charAt(0) == ch).toArray(String[]::new);
        }
        return new RequiredText(first, firstChars, byFirst);
    }

    /** False only when no match of the expression can exist in {@code text}. */
    public boolean mayMatch(CharSequence text) {
        if (first == null) {
            return true;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (first.get(c)) {
                for (String s : byFirst[Arrays.binarySearch(firstChars, c)]) {
                    if (startsWith(text, i, s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsWith(CharSequence text, int at, String s) {
        int n = s.length();
        if (at + n > text.length()) {
            return false;
        }
        for (int k = 1; k < n; k++) {
            if (text.charAt(at + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The required strings, or an empty list when no requirement is known. */
    public List<String> strings() {
        List<String> all = new ArrayList<>();
        if (first != null) {
            for (String[] group : byFirst) {
                all.addAll(Arrays.asList(group));
            }
        }
        return all;
    }

    /** Whether a requirement is known (for tests and diagnostics). */
    public boolean isKnown() {
        return first != null;
    }

    /** The required strings, sorted and joined by |, for tests and diagnostics ("" when none is known). */
    @Override
    public String toString() {
        return String.join("|", strings());
    }

    /**
     * Case folding matches more than a string's own letters (h ↔ H, k ↔ K ↔ the Kelvin sign):
     * each string becomes its first character and every character that may fold to it — the same
     * upper case, lower case, or lower case of the upper case, a superset of what the engine
     * compares. Null when a string starts with half of a surrogate pair.
     */
    private static Set<String> firstCharsWithCases(Set<String> strings) {
        BitSet out = new BitSet();
        for (String s : strings) {
            char c = s.charAt(0);
            if (Character.isSurrogate(c)) {
                return null;
            }
            out.set(c);
            if (Character.toUpperCase(c) != c || Character.toLowerCase(c) != c || folded(c) != c) {
                for (int d = 0; d <= 0xFFFF; d++) {
                    if (Character.toUpperCase(d) == Character.toUpperCase(c) || Character.toLowerCase(d) == Character.toLowerCase(c)
                            || folded(d) == folded(c)) {
                        out.set(d);
                    }
                }
            }
        }
        Set<String> chars = new LinkedHashSet<>();
        out.stream().forEach(c -> chars.add(String.valueOf((char) c)));
        return chars;
    }

    private static int folded(int c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * What a piece of an expression matches, as far as the analysis tells: {@code exact}, when
     * it matches one of a few known strings and nothing else ("" for a zero-width piece such as
     * an anchor or a look-around); otherwise {@code within}, strings one of which each of its
     * matches contains, or null when nothing is known.
     */
    private record Piece(Set<String> exact, Set<String> within) {
        static final Piece UNKNOWN = new Piece(null, null);
        static final Piece EMPTY = exact(Set.of(""));

        static Piece exact(Set<String> strings) {
            return new Piece(strings, null);
        }

        /** Strings one of which every match contains, or null. */
        Set<String> required() {
            return exact != null ? (exact.contains("") ? null : exact) : within;
        }
    }

    /** The expression uses syntax the analysis does not follow. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    /**
     * Recursive descent over Java's regex syntax. A sequence concatenates its exact pieces into
     * runs and keeps the run or piece whose strings are likeliest to be absent (longer strings,
     * fewer of them); an alternation keeps the union of its branches'; a quantifier that allows
     * zero repetitions adds "" to an exact piece or drops the requirement.
     */
    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        Piece alternation() {
            List<Piece> branches = new ArrayList<>();
            branches.add(sequence());
            while (pos < s.length() && s.charAt(pos) == '|') {
                pos++;
                branches.add(sequence());
            }
            if (branches.size() == 1) {
                return branches.get(0);
            }
            Set<String> exact = new LinkedHashSet<>();
            for (Piece b : branches) {
                if (b.exact() == null || exact.size() + b.exact().size() > LIMIT) {
                    exact = null;
                    break;
                }
                exact.addAll(b.exact());
            }
            if (exact != null) {
                return Piece.exact(exact);
            }
            Set<String> union = new LinkedHashSet<>();
            for (Piece b : branches) {
                Set<String> r = b.required();
                if (r == null) {
                    return Piece.UNKNOWN;
                }
                union.addAll(r);
            }
            return new Piece(null, union);
        }

        Piece sequence() {
            Set<String> run = Set.of("");
            boolean allExact = true;
            Set<String> best = null;
            while (pos < s.length() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                Piece piece = quantified(atom());
                if (piece.exact() != null && run.size() * piece.exact().size() <= LIMIT) {
                    run = product(run, piece.exact());
                    continue;
                }
                allExact = false;
                best = better(best, run);
                if (piece.exact() != null) {
                    run = piece.exact();
                } else {
                    best = better(best, piece.required());
                    run = Set.of("");
                }
            }
            if (allExact) {
                return Piece.exact(run);
            }
            return new Piece(null, better(best, run));
        }

        private static Set<String> product(Set<String> left, Set<String> right) {
            if (left.size() == 1 && left.contains("")) {
                return right;
            }
            Set<String> out = new LinkedHashSet<>();
            for (String a : left) {
                for (String b : right) {
                    out.add(a + b);
                }
            }
            return out;
        }

        /** The candidate a message is least likely to contain; null and sets with "" are no candidates. */
        private static Set<String> better(Set<String> a, Set<String> b) {
            if (b == null || b.contains("")) {
                return a;
            }
            if (a == null) {
                return b;
            }
            return likelihood(b) < likelihood(a) ? b : a;
        }

        /** A rough chance of a text containing one of them: each character more makes a string rarer. */
        private static double likelihood(Set<String> strings) {
            double sum = 0;
            for (String x : strings) {
                sum += Math.pow(0.2, x.length() - 1);
            }
            return sum;
        }

        /** Applies the quantifier that follows, if one does. */
        Piece quantified(Piece piece) {
            if (pos >= s.length()) {
                return piece;
            }
            char c = s.charAt(pos);
            int min;
            int max;
            if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '*') {
                min = 0;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = Integer.MAX_VALUE;
                pos++;
            } else if (c == '{') {
                int close = s.indexOf('}', pos);
                if (close < 0) {
                    throw new Unreadable();
                }
                String body = s.substring(pos + 1, close);
                if (!body.matches("\\d{1,6}(,\\d{0,6})?")) {
                    throw new Unreadable();
                }
                String[] bounds = body.split(",", -1);
                min = Integer.parseInt(bounds[0]);
                max = bounds.length == 1 ? min : bounds[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1]);
                pos = close + 1;
            } else {
                return piece;
            }
            if (pos < s.length() && (s.charAt(pos) == '?' || s.charAt(pos) == '+')) {
                pos++; // lazy or possessive: the same strings, tried in another order
            }
            if (min == 1 && max == 1) {
                return piece;
            }
            if (min == 0 && max == 1 && piece.exact() != null && piece.exact().size() < LIMIT) {
                Set<String> optional = new LinkedHashSet<>(piece.exact());
                optional.add("");
                return Piece.exact(optional);
            }
            if (min == 0) {
                return max == 0 ? Piece.EMPTY : Piece.UNKNOWN;
            }
            return new Piece(null, piece.required()); // at least one repetition
        }

        Piece atom() {
            char c = s.charAt(pos);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return characterClass();
                case '\\':
                    return escape();
                case '.':
                    pos++;
                    return Piece.UNKNOWN;
                case '^', '$':
                    pos++;
                    return Piece.EMPTY;
                case '*', '+', '?', '{':
                    throw new Unreadable(); // a quantifier with nothing before it
                default:
                    int cp = s.codePointAt(pos);
                    pos += Character.charCount(cp);
                    return Piece.exact(Set.of(new String(Character.toChars(cp))));
            }
        }

        Piece group() {
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
            Piece inner = alternation();
            if (pos >= s.length() || s.charAt(pos) != ')') {
                throw new Unreadable();
            }
            pos++;
            return zeroWidth ? Piece.EMPTY : inner;
        }

        Piece escape() {
            if (pos + 1 >= s.length()) {
                throw new Unreadable();
            }
            char e = s.charAt(pos + 1);
            if (!Character.isLetterOrDigit(e)) {
                int cp = s.codePointAt(pos + 1);
                pos += 1 + Character.charCount(cp);
                return Piece.exact(Set.of(new String(Character.toChars(cp)))); // an escaped metacharacter stands for itself
            }
            skipLetterEscape();
            // Word boundaries and anchors match no text; classes (\d \s \p{…}), codes (\x41) and back-references are not followed.
            return "bBAzZG".indexOf(e) >= 0 ? Piece.EMPTY : Piece.UNKNOWN;
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

        /** A class of plain characters and ranges is exact: one of its characters; anything else unknown. */
        Piece characterClass() {
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
                    if (Character.isLetterOrDigit(s.charAt(pos + 1))) {
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
            if (!simple || set.isEmpty() || set.cardinality() > MAX_CLASS) {
                return Piece.UNKNOWN;
            }
            Set<String> chars = new LinkedHashSet<>();
            set.stream().forEach(ch -> chars.add(String.valueOf((char) ch)));
            return Piece.exact(chars);
        }
    }
}
