package chatqa.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides customers' personal data — phone numbers, resident ids, bank cards, emails, order and
 * courier numbers, street addresses, WeChat/QQ ids — in chat text before it is published as
 * evidence in HTML or CSV reports. Reports are read by QA staff and shop managers who need to see
 * what the agent said, not who the customer is, so every value is replaced by a mask that keeps
 * only its kind and a harmless hint (138****8000, [身份证], 浙江省杭州市[地址]).
 *
 * <p>The patterns, their priority and the masks are data in
 * {@code chatqa/privacy/personal-data.yaml} (see docs/privacy.md). They are compiled once; an
 * instance is immutable and safe to share between threads.
 */
public final class PersonalDataMask {
    private static final String RESOURCE = "/chatqa/privacy/personal-data.yaml";

    private final List<PersonalDataPattern> patterns;
    private final List<Pattern> prechecks;

    private PersonalDataMask(PersonalDataPatterns.Parsed parsed) {
        this.patterns = parsed.patterns();
        this.prechecks = parsed.prechecks();
    }

    /** The default patterns from the jar, compiled on first use and shared afterwards. */
    public static PersonalDataMask standard() {
        return Standard.INSTANCE;
    }

    /** Patterns from a YAML document in the format of the default resource; {@code source} names it in errors. */
    public static PersonalDataMask fromYaml(String yaml, String source) {
        return new PersonalDataMask(PersonalDataPatterns.parse(yaml, source));
    }

    /** Lazy holder: the resource is read once per JVM, when masking is first needed. */
    private static final class Standard {
        static final PersonalDataMask INSTANCE = load();

        private static PersonalDataMask load() {
            try (InputStream in = PersonalDataMask.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("cannot find " + RESOURCE + " in the jar");
                }
                return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE + " from the jar", e);
            }
        }
    }

    /**
     * {@code text} with every piece of personal data replaced. Patterns are tried in the order of
     * the resource and a match overlapping an earlier one is dropped, so a labelled order number is
     * not also read as a bank card.
     */
    public Masked mask(String text) {
        Objects.requireNonNull(text, "text");
        // Patterns see full-width digits and letters as ASCII (１３８１２３４５６７８ is a phone too);
        // the folding keeps every offset, so the replacement still cuts the original text.
        String folded = halfWidth(text);
        List<Found> found = new ArrayList<>();
        // 0 = not run yet, 1 = found, -1 = absent: most chat lines fail every pre-check cheaply.
        byte[] precheck = new byte[prechecks.size()];
        for (PersonalDataPattern p : patterns) {
            if (p.requires() >= 0 && !passes(p.requires(), folded, precheck)) {
                continue;
            }
            Matcher m = p.regex().matcher(folded);
            while (m.find()) {
                int start = p.valueGroup() ? m.start("v") : m.start();
                int end = p.valueGroup() ? m.end("v") : m.end();
                if (start < end && !overlaps(found, start, end)
                        && p.check().accepts(MaskTemplate.significant(folded.substring(start, end)))) {
                    found.add(new Found(start, end, p));
                }
            }
        }
        return found.isEmpty() ? new Masked(text, List.of()) : replace(text, folded, found);
    }

    private boolean passes(int index, String text, byte[] precheck) {
        if (precheck[index] == 0) {
            precheck[index] = (byte) (prechecks.get(index).matcher(text).find() ? 1 : -1);
        }
        return precheck[index] == 1;
    }

    private record Found(int start, int end, PersonalDataPattern pattern) {
    }

    private static boolean overlaps(List<Found> found, int start, int end) {
        for (Found f : found) {
            if (start < f.end() && f.start() < end) {
                return true;
            }
        }
        return false;
    }

    /** Full-width ASCII forms (U+FF01–U+FF5E) as their ASCII characters, one for one. */
    static String halfWidth(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = (char) (c - 0xFEE0);
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** {@code folded}: the text as the patterns saw it, from which a mask's hint digits are taken. */
    private static Masked replace(String text, String folded, List<Found> found) {
        found.sort(Comparator.comparingInt(Found::start));
        StringBuilder sb = new StringBuilder(text.length());
        List<Replacement> replacements = new ArrayList<>(found.size());
        int at = 0;
        for (Found f : found) {
            sb.append(text, at, f.start());
            int maskedStart = sb.length();
            sb.append(f.pattern().mask().render(folded.substring(f.start(), f.end())));
            replacements.add(new Replacement(f.start(), f.end(), maskedStart, sb.length(), f.pattern().kind()));
            at = f.end();
        }
        sb.append(text, at, text.length());
        return new Masked(sb.toString(), replacements);
    }

    /**
     * One replaced piece: {@code [start, end)} in the original text became
     * {@code [maskedStart, maskedEnd)} in the masked text. {@code kind} is the resource's kind
     * name (phone, resident_id, bank_card, email, order_number, address, landline, im_account).
     */
    public record Replacement(int start, int end, int maskedStart, int maskedEnd, String kind) {
    }

    /**
     * Masked text and where it differs from the original, in text order. Evidence spans found on
     * the original text (a rule's matched phrase) are moved onto the masked text with
     * {@link #mapSpan(int, int)}.
     */
    public record Masked(String text, List<Replacement> replacements) {
        public Masked {
            Objects.requireNonNull(text, "text");
            replacements = List.copyOf(replacements);
        }

        /** Whether anything was masked. */
        public boolean changed() {
            return !replacements.isEmpty();
        }

        /** Length of the original text, recovered from the replacements. */
        public int originalLength() {
            int length = text.length();
            for (Replacement r : replacements) {
                length += (r.end() - r.start()) - (r.maskedEnd() - r.maskedStart());
            }
            return length;
        }

        /**
         * The span of the masked text that shows original {@code [start, end)}. A span touching a
         * masked piece widens to the whole mask: highlighting half of "138****8000" would suggest
         * the other half is not personal.
         */
        public int[] mapSpan(int start, int end) {
            if (start < 0 || end < start || end > originalLength()) {
                throw new IllegalArgumentException("span [" + start + ", " + end + ") is outside the original text of length " + originalLength());
            }
            return new int[] {mapStart(start), mapEnd(end)};
        }

        private int mapStart(int offset) {
            int shift = 0;
            for (Replacement r : replacements) {
                if (offset >= r.end()) {
                    shift = r.maskedEnd() - r.end();
                } else if (offset >= r.start()) {
                    return r.maskedStart();
                } else {
                    break;
                }
            }
            return offset + shift;
        }

        private int mapEnd(int offset) {
            int shift = 0;
            for (Replacement r : replacements) {
                if (offset >= r.end()) {
                    shift = r.maskedEnd() - r.end();
                } else if (offset > r.start()) {
                    return r.maskedEnd();
                } else {
                    break;
                }
            }
            return offset + shift;
        }
    }
}
