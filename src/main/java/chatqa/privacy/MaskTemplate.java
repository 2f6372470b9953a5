package chatqa.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one kind of personal data is written in a report: literal text with {@code {headN}} and
 * {@code {tailN}} standing for the first or last N letters and digits of the value, e.g.
 * {@code {head3}****{tail4}} turns 138-0013-8000 into 138****8000. Separators are dropped so the
 * kept characters do not depend on how the customer typed the number.
 */
final class MaskTemplate {
    private static final Pattern TOKEN = Pattern.compile("\\{(head|tail)(\\d{1,2})}");
    /** Kept characters must leave at least this many hidden, or a short value would be readable. */
    private static final int MIN_HIDDEN = 4;
    private static final String WITHHELD = "**";

    private final List<Part> parts;
    private final int revealed;

    private record Part(String literal, boolean head, int count) {
    }

    private MaskTemplate(List<Part> parts) {
        this.parts = parts;
        this.revealed = parts.stream().mapToInt(Part::count).sum();
    }

    /** Parses a template; throws IllegalArgumentException naming an unknown {@code {...}} token. */
    static MaskTemplate parse(String template) {
        List<Part> parts = new ArrayList<>();
        Matcher m = TOKEN.matcher(template);
        int at = 0;
        while (m.find()) {
            addLiteral(parts, template.substring(at, m.start()));
            parts.add(new Part(null, m.group(1).equals("head"), Integer.parseInt(m.group(2))));
            at = m.end();
        }
        addLiteral(parts, template.substring(at));
        return new MaskTemplate(List.copyOf(parts));
    }

    private static void addLiteral(List<Part> parts, String literal) {
        if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
            throw new IllegalArgumentException("unknown placeholder in '" + literal + "' (allowed: {headN}, {tailN})");
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(literal, false, 0));
        }
    }

    /** The replacement for {@code value}. */
    String render(String value) {
        String significant = significant(value);
        boolean reveal = significant.length() - revealed >= MIN_HIDDEN;
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p.literal() != null) {
                sb.append(p.literal());
            } else if (!reveal) {
                sb.append(WITHHELD);
            } else if (p.head()) {
                sb.append(significant, 0, p.count());
            } else {
                sb.append(significant, significant.length() - p.count(), significant.length());
            }
        }
        return sb.toString();
    }

    /** The letters and digits of {@code value}: what checks and templates look at. */
    static String significant(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
