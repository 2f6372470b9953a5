package chatqa.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import chatqa.model.Message;

/** Keeps every row a reader hands over, so tests can assert exactly what was accepted and quarantined. */
final class CollectingSink implements RowSink {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final List<Message> accepted = new ArrayList<>();
    final List<QuarantinedRow> quarantined = new ArrayList<>();
    FileEncoding charset;

    @Override
    public void accept(Message message) {
        accepted.add(message);
    }

    @Override
    public void quarantine(QuarantinedRow row) {
        quarantined.add(row);
    }

    /** Reads {@code text} (UTF-8) as the file {@code path} under {@code mapping}. */
    static CollectingSink read(ExportMapping mapping, String path, String text) {
        return read(mapping, path, text.getBytes(StandardCharsets.UTF_8));
    }

    static CollectingSink read(ExportMapping mapping, String path, byte[] bytes) {
        InputFile file = new InputFile(path, 0, bytes.length, "");
        CollectingSink sink = new CollectingSink();
        try {
            sink.charset = ExportReader.forFile(mapping, SHANGHAI, file).read(new ByteArrayInputStream(bytes), file, sink).encoding();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    /** Reads a canonical-schema CSV. */
    static CollectingSink readCsv(String text) {
        return read(ExportMapping.canonical(), "x.csv", text);
    }

    /** Each quarantined row as "line:reason:field", e.g. "3:bad_timestamp:sent_at" ("-" when no field). */
    List<String> quarantineSummary() {
        return quarantined.stream()
                .map(q -> q.line() + ":" + q.reason().code() + ":" + (q.field() == null ? "-" : q.field()))
                .toList();
    }

    List<String> texts() {
        return accepted.stream().map(Message::text).toList();
    }

    List<Long> acceptedLines() {
        return accepted.stream().map(m -> m.source().line()).toList();
    }
}
