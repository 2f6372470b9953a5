package chatqa.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import chatqa.privacy.PersonalDataMask;

/**
 * A message split for display as before / marked / after, on its masked text: the span recorded
 * for the raw text is moved onto the masked one, so a match never reveals what the mask hides.
 */
final class Highlight {
    private Highlight() {
    }

    /** Keys {@code before}, {@code marked}, {@code after}; marked is empty when there is no span. */
    static Map<String, Object> of(String raw, Integer start, Integer end, PersonalDataMask mask) {
        String text = raw == null ? "" : raw;
        PersonalDataMask.Masked masked = mask.mask(text);
        String shown = masked.text();
        Map<String, Object> m = new LinkedHashMap<>();
        if (start == null || end == null || start < 0 || end > text.length() || start >= end) {
            m.put("before", shown);
            m.put("marked", "");
            m.put("after", "");
            return m;
        }
        int[] span = masked.mapSpan(start, end);
        m.put("before", shown.substring(0, span[0]));
        m.put("marked", shown.substring(span[0], span[1]));
        m.put("after", shown.substring(span[1]));
        return m;
    }
}
