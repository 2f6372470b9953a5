package chatqa.model;

import java.io.Serializable;

/**
 * Where a row came from: the input file, its 1-based line (the first line of a multi-line
 * record) and the file's position in the run's sorted input list. File order breaks ties
 * between messages sent in the same second.
 */
public record SourceRef(String file, int fileIndex, long line) implements Serializable, Comparable<SourceRef> {
    @Override
    public int compareTo(SourceRef o) {
        int c = Integer.compare(fileIndex, o.fileIndex);
        return c != 0 ? c : Long.compare(line, o.line);
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
