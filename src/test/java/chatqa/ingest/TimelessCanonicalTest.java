package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.model.Message;

/** The canonical schema without a sent_at column: an export without times when the run has --date, a clear refusal without. */
class TimelessCanonicalTest {
    private static final String CSV = "conversation_id,sender_role,agent_id,customer_id,shop_id,text\n"
            + "C1,customer,,u1,s1,在吗\nC1,agent,a1,u1,s1,您好\n";

    private static List<Object> read(LocalDate day) throws IOException {
        List<Object> out = new ArrayList<>();
        InputFile file = new InputFile("t.csv", 0, CSV.length(), "");
        ExportReader.forFile(ExportMapping.canonical(), ZoneId.of("Asia/Shanghai"), file, Instant.parse("2026-11-21T00:00:00Z"), day)
                .read(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), file, new RowSink() {
                    @Override
                    public void accept(Message message) {
                        out.add(message);
                    }

                    @Override
                    public void quarantine(QuarantinedRow row) {
                        out.add(row);
                    }
                });
        return out;
    }

    @Test
    void withADateTheRowsHaveNoTimes() throws IOException {
        List<Object> rows = read(LocalDate.of(2026, 11, 20));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0) instanceof Message, rows.toString());
        assertNull(((Message) rows.get(0)).sentAt());
    }

    @Test
    void withoutOneEachRowSaysToPassIt() throws IOException {
        List<Object> rows = read(null);
        assertEquals(2, rows.size());
        QuarantinedRow q = (QuarantinedRow) rows.get(0);
        assertEquals(QuarantineReason.MISSING_COLUMN, q.reason());
        assertTrue(q.detail().endsWith("an export without times is read with --date YYYY-MM-DD"), q.detail());
    }
}
