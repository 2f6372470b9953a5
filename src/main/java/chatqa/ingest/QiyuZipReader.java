package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import chatqa.model.SourceRef;

/**
 * Reads the zip that 网易七鱼 (Qiyu)'s export API delivers: {@code session.txt} and
 * {@code message.txt}, one JSON object per line, each file ending in a line that is no record. Each
 * message is read with its session beside it, as {@code session.<field>} (staffName, userId,
 * fromGroup, evaluation …), and {@code robot} true when an agent-side message has
 * {@code staffId} ≤ 0 — so a mapping names them like any other field. Sessions are few beside the
 * messages and are held by id; messages stream. The zip is read from a local copy (its directory
 * is at its end), in a Spark task too. Lines of the message file are reported as
 * {@code message.txt:<line>} of the zip.
 */
final class QiyuZipReader implements ExportReader {
    static final String SESSIONS = "session.txt";
    static final String MESSAGES = "message.txt";

    private final ExportMapping mapping;
    private final JsonLinesExportReader records;
    private final RowValidator validator;

    QiyuZipReader(ExportMapping mapping, RowValidator validator) {
        this.mapping = mapping;
        this.validator = validator;
        this.records = new JsonLinesExportReader(mapping, validator);
    }

    @Override
    public FileRead read(InputStream in, InputFile file, RowSink sink) throws IOException {
        Path local = Files.createTempFile("chatqa-", ".zip");
        FileEncoding[] cs = new FileEncoding[1];
        try {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            try (ZipFile zip = new ZipFile(local.toFile())) {
                ZipEntry sessions = entry(zip, SESSIONS);
                ZipEntry messages = entry(zip, MESSAGES);
                if (messages == null) {
                    sink.quarantine(new QuarantinedRow(file.path(), 1, QuarantineReason.BAD_WORKBOOK, null,
                            "the zip holds no " + MESSAGES + " (a Qiyu export holds " + SESSIONS + " and " + MESSAGES + ")", ""));
                    return new FileRead(FileEncoding.UTF_8, 0);
                }
                Map<String, JsonNode> byId = new HashMap<>();
                if (sessions != null) {
                    InputFile part = new InputFile(file.path() + "!" + SESSIONS, file.index(), sessions.getSize(), "");
                    try (InputStream s = zip.getInputStream(sessions)) {
                        TextLines lines = ExportReader.lines(s, mapping, cs);
                        TextLines.Line line;
                        while ((line = lines.next()) != null) {
                            if (line.text() == null || line.text().isBlank()) {
                                continue;
                            }
                            // A session line that is no record (the export's last) holds no message: it is
                            // not an input row, so it is passed over rather than quarantined.
                            JsonNode node = JsonLinesExportReader.parse(part, line, QUIET);
                            if (node != null && node.hasNonNull("id")) {
                                byId.put(node.get("id").asText(), node);
                            }
                        }
                    }
                }
                InputFile part = new InputFile(file.path() + "!" + MESSAGES, file.index(), messages.getSize(), "");
                try (InputStream m = zip.getInputStream(messages)) {
                    TextLines lines = ExportReader.lines(m, mapping, cs);
                    TextLines.Line line;
                    while ((line = lines.next()) != null) {
                        if (line.text() == null) {
                            sink.quarantine(new QuarantinedRow(part.path(), line.number(), QuarantineReason.BAD_ENCODING, null,
                                    line.problem(), line.undecodable()));
                            continue;
                        }
                        if (line.text().isBlank()) {
                            continue;
                        }
                        JsonNode node = JsonLinesExportReader.parse(part, line, sink);
                        if (node == null) {
                            continue;
                        }
                        ObjectNode message = (ObjectNode) node;
                        JsonNode session = byId.get(message.path("sessionId").asText());
                        if (session != null) {
                            message.set("session", session);
                        }
                        boolean agentSide = "0".equals(message.path("from").asText());
                        message.put("robot", agentSide && message.has("staffId") && message.path("staffId").asLong(1) <= 0);
                        records.emit(message, new SourceRef(part.path(), file.index(), line.number()), line.text(), sink);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            sink.quarantine(new QuarantinedRow(file.path(), 1, QuarantineReason.BAD_WORKBOOK, null, "not a readable zip: " + e.getMessage(), ""));
        } finally {
            Files.deleteIfExists(local);
        }
        return new FileRead(cs[0] == null ? FileEncoding.UTF_8 : cs[0], validator.timeOnlyDated());
    }

    /** The entry named {@code name} at any depth of the zip (exports sometimes wrap them in a folder). */
    private static ZipEntry entry(ZipFile zip, String name) {
        return zip.stream().filter(e -> !e.isDirectory() && (e.getName().equals(name) || e.getName().endsWith("/" + name)))
                .findFirst().orElse(null);
    }

    private static final RowSink QUIET = new RowSink() {
        @Override
        public void accept(chatqa.model.Message message) {
        }

        @Override
        public void quarantine(QuarantinedRow row) {
        }
    };
}
