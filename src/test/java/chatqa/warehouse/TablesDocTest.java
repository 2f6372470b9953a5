package chatqa.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * docs/tables.md lists exactly the catalogue's columns, in order, with their types and meanings.
 * After changing a column, regenerate the lists with
 * {@code mvn test -Dtest=TablesDocTest -Dchatqa.docs.write=true}.
 */
class TablesDocTest {
    private static final Path DOC = Path.of("docs/tables.md");

    @Test
    void everyTableIsDocumentedFromTheCatalogue() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = TablesDoc.rewrite(doc);
        if (Boolean.getBoolean("chatqa.docs.write")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            doc = expected;
        }
        List<String> tables = new ArrayList<>(TablesDoc.sections().keySet());
        List<String> documented = TablesDoc.documented(doc);
        assertEquals(tables.stream().sorted().toList(), documented.stream().sorted().toList(), "every table has one marked section");
        assertEquals(expected, doc, "docs/tables.md differs from the catalogue: run mvn test -Dtest=TablesDocTest -Dchatqa.docs.write=true");
    }

    @Test
    void schemasComeFromTheColumns() {
        assertEquals(List.of("conversation_id", "message_id", "seq", "sent_at", "role", "agent_id", "customer_id", "shop_id", "text",
                "words", "char_count", "sentiment", "sentiment_label", "sentiment_explanation", "source_file", "source_line"), MessagesTable.TABLE.names());
        assertEquals(MessagesTable.TABLE.names(), List.of(MessagesTable.TABLE.schema().fieldNames()));
        assertEquals("array<struct<scenario, message_id, message_seq, matched_text, evidence>>",
                TablesDoc.type(ConversationsTable.TABLE.schema().apply("scenario_evidence").dataType()));
    }

    @Test
    void verdictColumnsAreDeclaredOnceForConversationsAndParts() {
        List<String> verdicts = VerdictColumns.COLUMNS.stream().map(Column::name).toList();
        assertEquals(true, ConversationsTable.TABLE.names().containsAll(verdicts));
        assertEquals(true, AgentSegmentsTable.TABLE.names().containsAll(verdicts));
    }
}
