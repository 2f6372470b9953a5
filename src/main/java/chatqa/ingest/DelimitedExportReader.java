package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import chatqa.model.SourceRef;

/**
 * Reads CSV/TSV exports. Records may span lines inside quotes; a record whose quote is still
 * open after {@value #MAX_RECORD_LINES} lines or at the end of the file is quarantined as
 * unbalanced_quotes at its first line, and reading resumes on the line after it, so one stray
 * quote costs one row, not the rest of the file. The same happens when a quote closes lines
 * later but the joined record has the wrong column count: it was a stray quote, not a long text.
 */
final class DelimitedExportReader implements ExportReader {
    static final int MAX_RECORD_LINES = 200;

    private final ExportMapping mapping;
    private final RowValidator validator;

    DelimitedExportReader(ExportMapping mapping, RowValidator validator) {
        this.mapping = mapping;
        this.validator = validator;
    }

    @Override
    public FileRead read(InputStream in, InputFile file, RowSink sink) throws IOException {
        FileEncoding[] cs = new FileEncoding[1];
        TextLines lines = ExportReader.lines(in, mapping, cs);
        DelimitedRecord record = new DelimitedRecord(mapping.delimiterFor(file.path()), mapping.quote());
        Deque<TextLines.Line> replay = new ArrayDeque<>();
        Layout layout = mapping.header() ? null : Layout.byIndex(mapping);
        List<TextLines.Line> pending = new ArrayList<>();
        while (true) {
            TextLines.Line line = replay.isEmpty() ? lines.next() : replay.pollFirst();
            if (line == null) {
                if (!pending.isEmpty()) {
                    layout = orUnreadableHeader(layout,
                            giveUp(file, pending, replay, sink, QuarantineReason.UNBALANCED_QUOTES, "a quoted field is never closed"));
                    record.reset();
                    pending.clear();
                    continue;
                }
                break;
            }
            if (line.text() == null) {
                if (pending.isEmpty()) {
                    QuarantinedRow bad = new QuarantinedRow(file.path(), line.number(), QuarantineReason.BAD_ENCODING, null,
                            line.problem(), line.undecodable());
                    sink.quarantine(bad);
                    layout = orUnreadableHeader(layout, bad);
                } else {
                    // The bad line sits inside an open quoted field that may be a stray quote: lose the
                    // record's first line and the bad line, and read the lines between them again.
                    replay.addFirst(line);
                    layout = orUnreadableHeader(layout, giveUp(file, pending, replay, sink, QuarantineReason.BAD_ENCODING,
                            "a quoted field opened here runs into line " + line.number() + ", which has " + line.problem()));
                    record.reset();
                    pending.clear();
                }
                continue;
            }
            if (pending.isEmpty() && line.text().isBlank()) {
                continue;
            }
            pending.add(line);
            if (!record.feed(line.text())) {
                if (pending.size() >= MAX_RECORD_LINES) {
                    layout = orUnreadableHeader(layout, giveUp(file, pending, replay, sink, QuarantineReason.UNBALANCED_QUOTES,
                            "a quoted field is still open after " + MAX_RECORD_LINES + " lines"));
                    record.reset();
                    pending.clear();
                }
                continue;
            }
            List<String> fields = record.fields();
            record.reset();
            if (pending.size() > 1 && layout != null && !layout.fits(fields.size())) {
                // A stray quote joined several rows into one: keep the rows, lose only the first.
                giveUp(file, pending, replay, sink, QuarantineReason.UNBALANCED_QUOTES,
                        "a quote opened on this line joins " + pending.size() + " lines into one row");
                pending.clear();
                continue;
            }
            long first = pending.get(0).number();
            String raw = raw(pending);
            pending.clear();
            if (layout == null) {
                layout = Layout.fromHeader(fields, mapping);
                continue;
            }
            emit(fields, layout, new SourceRef(file.path(), file.index(), first), raw, sink);
        }
        return new FileRead(cs[0], validator.timeOnlyDated());
    }

    private void emit(List<String> fields, Layout layout, SourceRef source, String raw, RowSink sink) {
        if (layout.missing() != null) {
            sink.quarantine(new QuarantinedRow(source.file(), source.line(), QuarantineReason.MISSING_COLUMN,
                    layout.missing().column(), layout.missing().detail(), raw));
            return;
        }
        if (!layout.fits(fields.size())) {
            sink.quarantine(new QuarantinedRow(source.file(), source.line(), QuarantineReason.WRONG_COLUMN_COUNT, null,
                    "expected " + layout.expectation() + " columns, found " + fields.size(), raw));
            return;
        }
        Map<CanonicalField, String> values = new EnumMap<>(CanonicalField.class);
        layout.indexes().forEach((f, i) -> values.put(f, i < fields.size() ? fields.get(i) : null));
        if (layout.bot() != null && layout.bot() < fields.size() && RowValidator.isTrue(fields.get(layout.bot()))) {
            values.put(CanonicalField.SENDER_ROLE, "bot");
        }
        validator.validate(values, source, raw, sink);
    }

    /**
     * The layout after the header record failed (and was quarantined as {@code failed}): none of the
     * rows can be matched to columns, so each is quarantined as missing_column saying why, instead
     * of the first data row silently becoming the header.
     */
    private static Layout orUnreadableHeader(Layout layout, QuarantinedRow failed) {
        if (layout != null) {
            return layout;
        }
        return new Layout(Map.of(), 0, 0, new MissingColumn(null, "the header on line " + failed.line() + " could not be read ("
                + failed.reason().code() + ": " + failed.detail() + "), so no column can be found"));
    }

    /** Quarantines the first line of a failed record and replays the lines after it; returns the quarantined row. */
    private static QuarantinedRow giveUp(InputFile file, List<TextLines.Line> pending, Deque<TextLines.Line> replay, RowSink sink,
                                         QuarantineReason reason, String detail) {
        TextLines.Line first = pending.get(0);
        QuarantinedRow row = new QuarantinedRow(file.path(), first.number(), reason, null, detail,
                first.text() != null ? first.text() : first.undecodable());
        sink.quarantine(row);
        for (int i = pending.size() - 1; i >= 1; i--) {
            replay.addFirst(pending.get(i));
        }
        return row;
    }

    private static String raw(List<TextLines.Line> lines) {
        if (lines.size() == 1) {
            return lines.get(0).text();
        }
        StringBuilder sb = new StringBuilder();
        for (TextLines.Line l : lines) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(l.text());
            if (sb.length() > QuarantinedRow.RAW_LIMIT) {
                break;
            }
        }
        return sb.toString();
    }

    /** Which column index holds each field, and how many columns a row must have. */
    private record Layout(Map<CanonicalField, Integer> indexes, int exact, int atLeast, MissingColumn missing, Integer bot) {
        Layout(Map<CanonicalField, Integer> indexes, int exact, int atLeast, MissingColumn missing) {
            this(indexes, exact, atLeast, missing, null);
        }

        boolean fits(int n) {
            return exact > 0 ? n == exact : n >= atLeast;
        }

        String expectation() {
            return exact > 0 ? String.valueOf(exact) : "at least " + atLeast;
        }

        static Layout byIndex(ExportMapping mapping) {
            Map<CanonicalField, Integer> idx = new EnumMap<>(CanonicalField.class);
            int max = 0;
            for (Map.Entry<CanonicalField, Column> e : mapping.columns().entrySet()) {
                idx.put(e.getKey(), e.getValue().index());
                max = Math.max(max, e.getValue().index() + 1);
            }
            return new Layout(idx, mapping.expectedColumns(), max, null);
        }

        static Layout fromHeader(List<String> header, ExportMapping mapping) {
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
                } else if (missing == null && required(e.getKey(), mapping, byName)) {
                    missing = new MissingColumn(e.getKey().column(), "the header has no " + c + " (header: " + String.join(", ", header) + ")");
                }
            }
            Integer bot = mapping.botWhen() == null ? null : byName.get(mapping.botWhen().name().strip().toLowerCase(java.util.Locale.ROOT));
            return new Layout(idx, header.size(), 0, missing, bot);
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
    }

    /** Why rows cannot be read under a header: the column it lacks (null: the header itself is unreadable). */
    private record MissingColumn(String column, String detail) {
    }
}
