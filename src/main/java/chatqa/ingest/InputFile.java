package chatqa.ingest;

import java.io.Serializable;

/**
 * One export file of a run, as recorded in the run manifest. {@code index} is its position in
 * the run's sorted file list; it orders messages that share a timestamp.
 */
public record InputFile(String path, int index, long sizeBytes, String sha256) implements Serializable {
}
