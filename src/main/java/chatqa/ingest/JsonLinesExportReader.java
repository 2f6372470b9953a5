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

/** Reads JSON Lines exports: one JSON object per line, fields by the mapping's column names. */
final class JsonLinesExportReader implements ExportReader {
    /** Trailing tokens fail: two objects run together on one line must not lose the second silently. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ExportMapping mapping;
    private final RowValidator validator;

    JsonLinesExportReader(ExportMapping mapping, RowValidator validator) {
        this.mapping = mapping;
        this.validator = validator;
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
            JsonNode node;
            try {
                node = JSON.readTree(line.text());
            } catch (JsonProcessingException e) {
                sink.quarantine(new QuarantinedRow(file.path(), line.number(), QuarantineReason.BAD_JSON, null,
                        "not valid JSON: " + e.getOriginalMessage(), line.text()));
                continue;
            }
            if (node == null || !node.isObject()) {
                sink.quarantine(new QuarantinedRow(file.path(), line.number(), QuarantineReason.BAD_JSON, null,
                        "expected one JSON object per line", line.text()));
                continue;
            }
            Map<CanonicalField, String> values = new EnumMap<>(CanonicalField.class);
            for (Map.Entry<CanonicalField, Column> e : mapping.columns().entrySet()) {
                JsonNode v = e.getValue().byIndex() ? null : node.get(e.getValue().name());
                values.put(e.getKey(), v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
            }
            validator.validate(values, new SourceRef(file.path(), file.index(), line.number()), line.text(), sink);
        }
        return new FileRead(cs[0], validator.timeOnlyDated());
    }
}
