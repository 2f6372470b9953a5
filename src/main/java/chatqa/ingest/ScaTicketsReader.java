package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import chatqa.model.SourceRef;

/**
 * Reads Alibaba Cloud SCA (智能质检) text uploads: one JSON document
 * {@code {"tickets": [{"tid": …, "dialogue": [{"role": "客服" | "客户", "identity", "words", "begin",
 * "end", "beginTime"}]}]}} (or the bare array of tickets). Tickets are streamed one at a time; each
 * sentence of a dialogue is one message, read with its ticket's fields beside it as
 * {@code ticket.<field>}, and its {@code identity} as {@code agent} on 客服 sentences and
 * {@code customer} on the others, so a mapping names them like any other field. A sentence's line
 * is the line of the file its ticket starts on.
 */
final class ScaTicketsReader implements ExportReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonLinesExportReader records;
    private final ExportMapping mapping;
    private final RowValidator validator;

    ScaTicketsReader(ExportMapping mapping, RowValidator validator) {
        this.mapping = mapping;
        this.validator = validator;
        this.records = new JsonLinesExportReader(mapping, validator);
    }

    @Override
    public FileRead read(InputStream in, InputFile file, RowSink sink) throws IOException {
        FileEncoding[] cs = new FileEncoding[1];
        TextLines lines = ExportReader.lines(in, mapping, cs);
        try (Reader text = new LinesReader(lines, file, sink); JsonParser p = JSON.getFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                // {"tickets": [...]}: find the array
                while ((t = p.nextToken()) != null && t != JsonToken.END_OBJECT) {
                    if (t == JsonToken.FIELD_NAME && "tickets".equals(p.currentName())) {
                        p.nextToken();
                        break;
                    }
                    if (t == JsonToken.FIELD_NAME) {
                        p.nextToken();
                        p.skipChildren();
                    }
                }
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                sink.quarantine(new QuarantinedRow(file.path(), 1, QuarantineReason.BAD_JSON, null,
                        "expected {\"tickets\": [...]} or an array of tickets (Alibaba Cloud SCA text upload)", ""));
                return new FileRead(cs[0], validator.timeOnlyDated());
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                long line = p.currentLocation().getLineNr();
                JsonNode ticket = p.readValueAsTree();
                JsonNode dialogue = ticket.path("dialogue");
                if (!dialogue.isArray()) {
                    sink.quarantine(new QuarantinedRow(file.path(), line, QuarantineReason.BAD_JSON, "text",
                            "a ticket without a dialogue array", ticket.toString()));
                    continue;
                }
                ObjectNode fields = ((ObjectNode) ticket.deepCopy()).without("dialogue");
                for (JsonNode sentence : dialogue) {
                    if (!sentence.isObject()) {
                        sink.quarantine(new QuarantinedRow(file.path(), line, QuarantineReason.BAD_JSON, null,
                                "a dialogue entry that is no object", sentence.toString()));
                        continue;
                    }
                    ObjectNode message = ((ObjectNode) sentence).deepCopy();
                    message.set("ticket", fields);
                    // identity names whoever spoke: the agent on 客服 sentences, the customer on the others.
                    JsonNode identity = message.get("identity");
                    if (identity != null) {
                        message.set("客服".equals(message.path("role").asText()) ? "agent" : "customer", identity);
                    }
                    records.emit(message, new SourceRef(file.path(), file.index(), line), sentence.toString(), sink);
                }
            }
        } catch (JsonProcessingException e) {
            sink.quarantine(new QuarantinedRow(file.path(), e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    QuarantineReason.BAD_JSON, null, "not valid JSON: " + e.getOriginalMessage(), ""));
        }
        return new FileRead(cs[0], validator.timeOnlyDated());
    }

    /**
     * The decoded lines as one character stream, newlines kept so the parser's line numbers are
     * the file's; a line that does not decode is quarantined and read as empty.
     */
    private static final class LinesReader extends Reader {
        private final TextLines lines;
        private final InputFile file;
        private final RowSink sink;
        private String current = "";
        private int at;
        private boolean done;

        LinesReader(TextLines lines, InputFile file, RowSink sink) {
            this.lines = lines;
            this.file = file;
            this.sink = sink;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            while (at >= current.length()) {
                if (done) {
                    return -1;
                }
                TextLines.Line line = lines.next();
                if (line == null) {
                    done = true;
                    return -1;
                }
                if (line.text() == null) {
                    sink.quarantine(new QuarantinedRow(file.path(), line.number(), QuarantineReason.BAD_ENCODING, null,
                            line.problem(), line.undecodable()));
                    current = "\n";
                } else {
                    current = line.text() + "\n";
                }
                at = 0;
            }
            int n = Math.min(len, current.length() - at);
            current.getChars(at, at + n, buf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
