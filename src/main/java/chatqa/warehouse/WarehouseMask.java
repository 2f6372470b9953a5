package chatqa.warehouse;

import java.util.ArrayList;
import java.util.List;

import chatqa.enrich.SegmentedText;
import chatqa.model.Evidence;
import chatqa.privacy.PersonalDataMask;
import chatqa.privacy.PersonalDataMask.Masked;
import chatqa.privacy.PersonalDataMask.Replacement;

/**
 * Masks what a run stores about a message when the warehouse must not keep personal data
 * ({@code --mask-warehouse}): the text, the words segmented from it, and the evidence spans
 * found on it, which are moved onto the masked text so they still point at the right characters.
 * Scoring itself always sees the raw text; only what is written is masked.
 */
public final class WarehouseMask {
    private final PersonalDataMask mask;

    public WarehouseMask(PersonalDataMask mask) {
        this.mask = mask;
    }

    /** A message as stored: masked text and words (null when not stored), and the mask to move its evidence with. */
    public record MaskedMessage(String text, String[] words, Masked masked) {
    }

    /** @param segmented the message's words, null when they are not stored */
    public MaskedMessage message(String text, SegmentedText segmented) {
        Masked m = mask.mask(text);
        if (segmented == null) {
            return new MaskedMessage(m.text(), null, m);
        }
        if (!m.changed()) {
            return new MaskedMessage(text, segmented.words().toArray(new String[0]), m);
        }
        return new MaskedMessage(m.text(), words(segmented, m), m);
    }

    /** Any text kept whole (a quarantined raw line). */
    public String text(String text) {
        return text == null ? null : mask.mask(text).text();
    }

    /**
     * The words with every word that touches a masked piece replaced by that piece's mask (once,
     * however many words it covered). Word starts come from the segmenter's start offsets.
     */
    static String[] words(SegmentedText segmented, Masked m) {
        List<String> out = new ArrayList<>();
        int offset = segmented.starts().nextSetBit(0);
        Replacement last = null;
        for (String w : segmented.words()) {
            int start = offset < 0 ? 0 : offset;
            int end = start + w.length();
            Replacement hit = null;
            for (Replacement r : m.replacements()) {
                if (start < r.end() && end > r.start()) {
                    hit = r;
                    break;
                }
            }
            if (hit == null) {
                out.add(w);
            } else if (hit != last) {
                out.add(m.text().substring(hit.maskedStart(), hit.maskedEnd()));
            }
            last = hit;
            offset = offset < 0 ? -1 : segmented.starts().nextSetBit(end);
        }
        return out.toArray(new String[0]);
    }

    /**
     * Evidence as stored with masking on: moved onto the masked text like {@link #evidence}, and its
     * sentence masked as a whole, since a composed rule's evidence quotes other messages (the order
     * or phone number the customer gave) as well as its own span.
     */
    public Evidence stored(Evidence e, Masked m) {
        Evidence moved = evidence(e, m);
        String why = text(moved.why());
        return java.util.Objects.equals(why, moved.why()) ? moved
                : new Evidence(moved.messageId(), moved.messageSeq(), moved.matchedText(), moved.start(), moved.end(), why);
    }

    /** Evidence on the stored (masked) text: the span moved, the matched text and sentence masked where they overlap. */
    public static Evidence evidence(Evidence e, Masked m) {
        if (m == null || !m.changed() || e.start() < 0 || e.end() > m.originalLength()) {
            return e;
        }
        int[] span = m.mapSpan(e.start(), e.end());
        String shown = m.text().substring(span[0], span[1]);
        String why = e.why() == null || e.matchedText() == null ? e.why() : e.why().replace(e.matchedText(), shown);
        return new Evidence(e.messageId(), e.messageSeq(), shown, span[0], span[1], why);
    }
}
