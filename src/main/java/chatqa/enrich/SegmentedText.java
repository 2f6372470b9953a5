package chatqa.enrich;

import java.util.BitSet;
import java.util.List;

import chatqa.rules.WordBoundaries;

/** A message's words as segmented once by HanLP, with where each word starts and ends. */
public record SegmentedText(List<String> words, BitSet starts, BitSet ends) implements WordBoundaries {

    public SegmentedText {
        words = List.copyOf(words);
    }

    @Override
    public boolean isStart(int offset) {
        return starts.get(offset);
    }

    @Override
    public boolean isEnd(int offset) {
        return ends.get(offset);
    }
}
