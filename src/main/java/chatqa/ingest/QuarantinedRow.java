package chatqa.ingest;

import java.io.Serializable;

/**
 * An input row that was not accepted, with enough to find and fix it: file, 1-based line, the
 * reason, the field at fault (null when the whole row is), what was wrong, and the raw row
 * (cut to {@value #RAW_LIMIT} characters).
 */
public record QuarantinedRow(String file, long line, QuarantineReason reason, String field, String detail, String raw)
        implements Serializable {
    public static final int RAW_LIMIT = 2000;

    public QuarantinedRow {
        if (raw != null && raw.length() > RAW_LIMIT) {
            raw = raw.substring(0, RAW_LIMIT);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason.code() + (field == null ? "" : " (" + field + ")") + ": " + detail;
    }
}
