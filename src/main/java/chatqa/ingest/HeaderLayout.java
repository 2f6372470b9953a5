package chatqa.ingest;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import chatqa.model.SourceRef;

/**
 * Where each canonical field is in the rows of a file with a header (or in header-less rows by
 * index), and how many columns a row must have: shared by delimited text and workbooks.
 */
record HeaderLayout(Map<CanonicalField, Integer> indexes, int exact, int atLeast, MissingColumn missing, Integer bot, Integer kind,
                    Map<String, String> kinds) {
    HeaderLayout(Map<CanonicalField, Integer> indexes, int exact, int atLeast, MissingColumn missing) {
        this(indexes, exact, atLeast, missing, null, null, Map.of());
    }

    boolean fits(int n) {
        return exact > 0 ? n == exact : n >= atLeast;
    }

    String expectation() {
        return exact > 0 ? String.valueOf(exact) : "at least " + atLeast;
    }

    static HeaderLayout byIndex(ExportMapping mapping) {
        Map<CanonicalField, Integer> idx = new EnumMap<>(CanonicalField.class);
        int max = 0;
        for (Map.Entry<CanonicalField, Column> e : mapping.columns().entrySet()) {
            idx.put(e.getKey(), e.getValue().index());
            max = Math.max(max, e.getValue().index() + 1);
        }
        return new HeaderLayout(idx, mapping.expectedColumns(), max, null);
    }

    static HeaderLayout fromHeader(List<String> header, ExportMapping mapping) {
        return fromHeader(header, mapping, false);
    }

    /**
     * With {@code timeless}, a canonical-schema header without sent_at is an export without
     * timestamps (its rows get none; the run's --date is their day) rather than a missing column.
     */
    static HeaderLayout fromHeader(List<String> header, ExportMapping mapping, boolean timeless) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        Map<CanonicalField, Integer> idx = new EnumMap<>(CanonicalField.class);
        MissingColumn missing = null;
        for (Map.Entry<CanonicalField, Column> e : mapping.columns().entrySet()) {
            Column c = e.getValue();
            Integer i = c.byIndex() ? Integer.valueOf(c.index())
                    : byName.get(c.name().strip().toLowerCase(java.util.Locale.ROOT));
            if (i != null) {
                idx.put(e.getKey(), i);
            } else if (missing == null && required(e.getKey(), mapping, byName)
                    && !(timeless && e.getKey() == CanonicalField.SENT_AT && mapping.isCanonical())) {
                missing = new MissingColumn(e.getKey().column(), "the header has no " + c + " (header: " + String.join(", ", header) + ")"
                        + (e.getKey() == CanonicalField.SENT_AT && mapping.isCanonical()
                        ? "; an export without times is read with --date YYYY-MM-DD" : ""));
            }
        }
        return new HeaderLayout(idx, header.size(), 0, missing, index(byName, mapping.botWhen()), index(byName, mapping.kind()),
                mapping.kinds());
    }

    private static Integer index(Map<String, Integer> byName, Column c) {
        return c == null ? null : byName.get(c.name().strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean required(CanonicalField f, ExportMapping mapping, Map<String, Integer> header) {
        return switch (f) {
            case TEXT, SENDER_ROLE, SENT_AT -> true;
            case CONVERSATION_ID, CUSTOMER_ID -> {
                CanonicalField other = f == CanonicalField.CUSTOMER_ID ? CanonicalField.CONVERSATION_ID : CanonicalField.CUSTOMER_ID;
                Column c = mapping.columns().get(other);
                yield c == null || (!c.byIndex() && !header.containsKey(c.name().strip().toLowerCase(java.util.Locale.ROOT)));
            }
            default -> false;
        };
    }

    /** Hands one row to the validator under this layout, or quarantines it as missing a column or of the wrong width. */
    void emit(List<String> fields, SourceRef source, String raw, RowSink sink, RowValidator validator) {
        if (missing() != null) {
            sink.quarantine(new QuarantinedRow(source.file(), source.line(), QuarantineReason.MISSING_COLUMN,
                    missing().column(), missing().detail(), raw));
            return;
        }
        if (!fits(fields.size())) {
            sink.quarantine(new QuarantinedRow(source.file(), source.line(), QuarantineReason.WRONG_COLUMN_COUNT, null,
                    "expected " + expectation() + " columns, found " + fields.size(), raw));
            return;
        }
        Map<CanonicalField, String> values = new EnumMap<>(CanonicalField.class);
        indexes().forEach((f, i) -> values.put(f, i < fields.size() ? fields.get(i) : null));
        if (bot() != null && bot() < fields.size() && RowValidator.isTrue(fields.get(bot()))) {
            values.put(CanonicalField.SENDER_ROLE, "bot");
        }
        RowValidator.applyKind(values, kind() == null || kind() >= fields.size() ? null : fields.get(kind()), kinds());
        validator.validate(values, source, raw, sink);
    }

    /** Why rows cannot be read under a header: the column it lacks (null: the header itself is unreadable). */
    record MissingColumn(String column, String detail) {
    }
}
