package chatqa.ingest;

import static chatqa.ingest.CollectingSink.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** UTF-8 or GBK: how an export's bytes become text, and how one bad line is kept from spoiling the file. */
class EncodingTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String CHAT = """
            conversation_id,sent_at,sender_role,text
            c1,2024-03-01 10:00:00,顾客,你好，我的快递怎么还没到？
            c1,2024-03-01 10:00:05,客服,亲，很抱歉给您添麻烦了
            """;

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static FileEncoding sniff(byte[] bytes) {
        return EncodingSniffer.sniff(bytes, bytes.length).encoding();
    }

    @Test
    void gbkFileIsDecodedAsGbkWhenEncodingIsAuto() {
        CollectingSink sink = read(ExportMapping.canonical(), "x.csv", CHAT.getBytes(GBK));

        assertEquals(FileEncoding.GB18030, sink.charset);
        assertEquals(List.of("你好，我的快递怎么还没到？", "亲，很抱歉给您添麻烦了"), sink.texts());
        assertEquals(List.of(), sink.quarantined);
    }

    @Test
    void utf8FileWithOneStrayByteStaysUtf8AndLosesOnlyThatLine() {
        byte[] bytes = concat(CHAT.getBytes(StandardCharsets.UTF_8),
                "c1,2024-03-01 10:00:07,顾客,坏".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '(', '\n'},
                "c1,2024-03-01 10:00:09,客服,请问还有其他可以帮到您的吗\n".getBytes(StandardCharsets.UTF_8));

        CollectingSink sink = read(ExportMapping.canonical(), "x.csv", bytes);

        assertEquals(FileEncoding.UTF_8, sink.charset);
        assertEquals(List.of("4:bad_encoding:-"), sink.quarantineSummary());
        assertEquals(List.of("你好，我的快递怎么还没到？", "亲，很抱歉给您添麻烦了", "请问还有其他可以帮到您的吗"), sink.texts());
        assertEquals(List.of(2L, 3L, 5L), sink.acceptedLines());
    }

    @Test
    void badBytesInsideAnOpenQuoteLoseOnlyTheQuotedLineAndTheBadLine() {
        byte[] bytes = concat(("conversation_id,sent_at,sender_role,text\n"
                        + "c1,2024-03-01 10:00:00,顾客,\"第一行\n"
                        + "c1,2024-03-01 10:00:05,客服,您好\n").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF, '"', '\n'},
                "c1,2024-03-01 10:00:09,客服,请问还有其他问题吗\n".getBytes(StandardCharsets.UTF_8));

        CollectingSink sink = read(ExportMapping.canonical(), "x.csv", bytes);

        assertEquals(List.of("2:bad_encoding:-", "4:bad_encoding:-"), sink.quarantineSummary());
        assertEquals(List.of(3L, 5L), sink.acceptedLines());
    }

    @Test
    void mappingThatSaysUtf8NeverFallsBackToGbk() {
        ExportMapping c = ExportMapping.canonical();
        ExportMapping utf8 = new ExportMapping("test", null, null, '"', true, "UTF-8", c.columns(), c.roleCodes(),
                c.defaults(), c.timestampFormats(), 0);

        CollectingSink sink = read(utf8, "x.csv", CHAT.getBytes(GBK));

        assertEquals(FileEncoding.UTF_8, sink.charset);
        assertEquals(List.of("2:bad_encoding:-", "3:bad_encoding:-"), sink.quarantineSummary());
    }

    @Test
    void sniffsGbkWhenMostNonAsciiLinesDecodeOnlyAsGbk() {
        assertEquals(FileEncoding.GB18030, sniff("在吗\n您好\n".getBytes(GBK)));
    }

    @Test
    void sniffsUtf8ForUtf8Chinese() {
        assertEquals(FileEncoding.UTF_8, sniff("在吗\n您好\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sniffsUtf8ForPlainAscii() {
        assertEquals(FileEncoding.UTF_8, sniff("hello\nworld\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void byteOrderMarkMeansUtf8() {
        byte[] bomThenGbk = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "在吗\n您好\n".getBytes(GBK));

        assertEquals(FileEncoding.UTF_8, sniff(bomThenGbk));
    }

    @Test
    void oneStrayByteAmongUtf8LinesDoesNotMakeTheFileGbk() {
        byte[] bytes = concat("在吗\n您好\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, '(', '\n'});

        assertEquals(FileEncoding.UTF_8, sniff(bytes));
    }

    @Test
    void englishFileCutInsideAChineseCharacterStaysUtf8() {
        // The four bytes left of 你好 also read as two GB18030 characters; the cut line must not decide the encoding.
        byte[] cut = java.util.Arrays.copyOf("你好".getBytes(StandardCharsets.UTF_8), 4);
        byte[] bytes = concat("conversation_id,sent_at,sender_role,text\nc1,2024-03-01 10:00:00,customer,hello\n"
                .getBytes(StandardCharsets.UTF_8), "c1,2024-03-01 10:00:05,agent,".getBytes(StandardCharsets.UTF_8), cut);

        assertEquals(FileEncoding.UTF_8, sniff(bytes));
        CollectingSink sink = read(ExportMapping.canonical(), "x.csv", bytes);
        assertEquals(List.of("hello"), sink.texts());
        assertEquals(List.of("3:bad_encoding:-"), sink.quarantineSummary());
        assertEquals("an incomplete UTF-8 character at the end of the file (was it cut short?)", sink.quarantined.get(0).detail());
    }

    @Test
    void nulByteMakesItsLineBadEncodingAndNothingElse() {
        byte[] bytes = concat(CHAT.getBytes(StandardCharsets.UTF_8), "c1,2024-03-01 10:00:07,顾客,好的".getBytes(StandardCharsets.UTF_8),
                new byte[] {0, '\n'}, "c1,2024-03-01 10:00:09,客服,不客气\n".getBytes(StandardCharsets.UTF_8));

        CollectingSink sink = read(ExportMapping.canonical(), "x.csv", bytes);

        assertEquals(List.of("4:bad_encoding:-"), sink.quarantineSummary());
        assertEquals("a NUL byte (0x00) at byte 37 of the line", sink.quarantined.get(0).detail());
        assertEquals(List.of(2L, 3L, 5L), sink.acceptedLines());
    }
}
