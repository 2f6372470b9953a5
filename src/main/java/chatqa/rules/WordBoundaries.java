package chatqa.rules;

/**
 * Where the words of a message start and end, from its segmentation. Phrase sets marked
 * {@code whole_words} only count hits that start and end on such boundaries.
 */
public interface WordBoundaries {
    boolean isStart(int offset);

    boolean isEnd(int offset);

    /** For text that was not segmented: every offset is a boundary. */
    WordBoundaries NONE = new WordBoundaries() {
        @Override
        public boolean isStart(int offset) {
            return true;
        }

        @Override
        public boolean isEnd(int offset) {
            return true;
        }
    };
}
