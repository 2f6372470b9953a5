package chatqa.job;

import java.util.List;

import chatqa.ingest.ExportMapping;

/**
 * The separate ratings files of a run ({@code --ratings}) and how to read them; their rows are
 * joined onto the conversations they rate (chatqa.ingest.RatingJoin).
 *
 * @param mapping null when there are no files
 */
public record RatingsInput(List<String> paths, ExportMapping mapping) {
    /** No ratings file: the ratings are what the exports carry. */
    public static final RatingsInput NONE = new RatingsInput(List.of(), null);

    public RatingsInput {
        paths = List.copyOf(paths);
    }

    public boolean any() {
        return !paths.isEmpty();
    }
}
