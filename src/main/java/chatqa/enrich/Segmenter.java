package chatqa.enrich;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Chinese word segmentation with HanLP's standard (Viterbi) segmenter from the portable jar, no
 * data download. The dictionaries load once per JVM (a few seconds), on first use, so executors
 * that never segment pay nothing. Whitespace-only words are dropped from the word list but still
 * mark boundaries, and the start and end of the text are always boundaries.
 */
public final class Segmenter {
    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableOffset(true)
            .enablePartOfSpeechTagging(false)
            .enableNameRecognize(false)
            .enablePlaceRecognize(false)
            .enableOrganizationRecognize(false));

    private Segmenter() {
    }

    public static SegmentedText segment(String text) {
        BitSet starts = new BitSet(text.length() + 1);
        BitSet ends = new BitSet(text.length() + 1);
        List<String> words = new ArrayList<>();
        if (!text.isEmpty()) {
            for (Term t : SEGMENT.get().seg(text)) {
                int end = Math.min(text.length(), t.offset + t.word.length());
                starts.set(t.offset);
                ends.set(end);
                if (!t.word.isBlank()) {
                    words.add(t.word);
                }
            }
        }
        starts.set(text.length());
        ends.set(0);
        return new SegmentedText(words, starts, ends);
    }
}
