package chatqa.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into fields, RFC 4180 style: a field that starts with the quote
 * character may contain delimiters, doubled quotes and line breaks. Fed one line at a time so
 * the reader can give up on a record whose quote never closes and resume on the next line
 * (opencsv's reader would swallow the rest of the file into that one field). A quote inside an
 * unquoted field is kept as text.
 */
final class DelimitedRecord {
    private final char delimiter;
    private final Character quote;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private boolean inQuotes;
    private boolean quotedField;

    DelimitedRecord(char delimiter, Character quote) {
        this.delimiter = delimiter;
        this.quote = quote;
    }

    void reset() {
        fields.clear();
        field.setLength(0);
        inQuotes = false;
        quotedField = false;
    }

    /** Adds one line; true when the record is complete, false while a quoted field is still open. */
    boolean feed(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == quote) {
                    if (i + 1 < line.length() && line.charAt(i + 1) == quote) {
                        field.append(c);
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == delimiter) {
                endField();
            } else if (quote != null && c == quote && field.length() == 0 && !quotedField) {
                inQuotes = true;
                quotedField = true;
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            field.append('\n');
            return false;
        }
        endField();
        return true;
    }

    List<String> fields() {
        return List.copyOf(fields);
    }

    private void endField() {
        fields.add(field.toString());
        field.setLength(0);
        quotedField = false;
    }
}
