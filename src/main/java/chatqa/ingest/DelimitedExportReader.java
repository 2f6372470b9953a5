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
        HeaderLayout layout = mapping.header() ? null : HeaderLayout.byIndex(mapping);
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
                layout = HeaderLayout.fromHeader(fields, mapping, validator.hasDay());
                continue;
            }
            emit(fields, layout, new SourceRef(file.path(), file.index(), first), raw, sink);
        }
        return new FileRead(cs[0], validator.timeOnlyDated());
    }

    private void emit(List<String> fields, HeaderLayout layout, SourceRef source, String raw, RowSink sink) {
        layout.emit(fields, source, raw, sink, validator);
    }

    /**
     * The layout after the header record failed (and was quarantined as {@code failed}): none of the
     * rows can be matched to columns, so each is quarantined as missing_column saying why, instead
     * of the first data row silently becoming the header.
     */
    private static HeaderLayout orUnreadableHeader(HeaderLayout layout, QuarantinedRow failed) {
        if (layout != null) {
            return layout;
        }
        return new HeaderLayout(Map.of(), 0, 0, new HeaderLayout.MissingColumn(null, "the header on line " + failed.line() + " could not be read ("
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

}
