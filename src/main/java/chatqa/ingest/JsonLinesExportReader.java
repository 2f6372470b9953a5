package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import chatqa.model.SourceRef;

/** Reads JSON Lines exports: one JSON object per line, fields by the mapping's column names or paths. */
final class JsonLinesExportReader implements ExportReader {
    /** Trailing tokens fail: two objects run together on one line must not lose the second silently. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ExportMapping mapping;
    private final RowValidator validator;

    JsonLinesExportReader(ExportMapping mapping, RowValidator validator) {
        this.mapping = mapping;
        this.validator = validator;
    }

    /**
     * The value at {@code path}: a key of the record, or a dotted path into nested objects
     * ({@code from.role}); a string holding a JSON object is looked into too, as exports that wrap
     * each message in an envelope write it ({@code content.data.content} of Udesk's
     * {@code "content": "{\"type\":\"message\",\"data\":{\"content\":\"…\"}}"}). A key that
     * contains the dot itself wins over the path.
     */
    static JsonNode field(JsonNode node, String path) {
        JsonNode direct = node.get(path);
        if (direct != null || path.indexOf('.') < 0) {
            return direct;
        }
        JsonNode at = node;
        for (String key : path.split("\\.")) {
            if (at != null && at.isTextual() && at.asText().stripLeading().startsWith("{")) {
                try {
                    at = JSON.readTree(at.asText());
                } catch (JsonProcessingException e) {
                    return null;
                }
            }
            at = at == null || !at.isObject() ? null : at.get(key);
        }
        return at;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The line as one JSON object, or null after quarantining it as bad_json. */
    static JsonNode parse(InputFile file, TextLines.Line line, RowSink sink) {
        JsonNode node;
        try {
            node = JSON.readTree(line.text());
        } catch (JsonProcessingException e) {
            sink.quarantine(new QuarantinedRow(file.path(), line.number(), QuarantineReason.BAD_JSON, null,
                    "not valid JSON: " + e.getOriginalMessage(), line.text()));
            return null;
        }
        if (node == null || !node.isObject()) {
            sink.quarantine(new QuarantinedRow(file.path(), line.number(), QuarantineReason.BAD_JSON, null,
                    "expected one JSON object per line", line.text()));
            return null;
        }
        return node;
    }

    /** One record's fields by the mapping's names or paths, to the validator. */
    void emit(JsonNode node, SourceRef source, String raw, RowSink sink) {
        Map<CanonicalField, String> values = new EnumMap<>(CanonicalField.class);
        for (Map.Entry<CanonicalField, Column> e : mapping.columns().entrySet()) {
            JsonNode v = e.getValue().byIndex() ? null : field(node, e.getValue().name());
            values.put(e.getKey(), v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
        }
        if (mapping.botWhen() != null && RowValidator.isTrue(text(field(node, mapping.botWhen().name())))) {
            values.put(CanonicalField.SENDER_ROLE, "bot");
        }
        if (mapping.kind() != null) {
            RowValidator.applyKind(values, text(field(node, mapping.kind().name())), mapping.kinds());
        }
        validator.validate(values, source, raw, sink);
    }

    @Override
    public FileRead read(InputStream in, InputFile file, RowSink sink) throws IOException {
        FileEncoding[] cs = new FileEncoding[1];
        TextLines lines = ExportReader.lines(in, mapping, cs);
        TextLines.Line line;
        while ((line = lines.next()) != null) {
            if (line.text() == null) {
                sink.quarantine(new QuarantinedRow(file.path(), line.number(), QuarantineReason.BAD_ENCODING, null,
                        line.problem(), line.undecodable()));
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            JsonNode node = parse(file, line, sink);
            if (node != null) {
                emit(node, new SourceRef(file.path(), file.index(), line.number()), line.text(), sink);
            }
        }
        return new FileRead(cs[0], validator.timeOnlyDated());
    }
}
