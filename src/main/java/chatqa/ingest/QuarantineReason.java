package chatqa.ingest;

import java.util.Locale;

/** Why an input row was not accepted; stored as the lower-case code in the quarantine table. */
public enum QuarantineReason {
    BAD_ENCODING, UNBALANCED_QUOTES, WRONG_COLUMN_COUNT, BAD_JSON, BAD_WORKBOOK, MISSING_COLUMN, MISSING_TEXT, MISSING_ROLE,
    UNKNOWN_ROLE, MISSING_TIMESTAMP, BAD_TIMESTAMP, IMPLAUSIBLE_TIMESTAMP, MISSING_CUSTOMER, DUPLICATE_MESSAGE,
    /** A row of a --ratings file that rates no conversation of the run (see {@link RatingJoin}). */
    UNMATCHED_RATING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
