package chatqa.ingest;

import static chatqa.ingest.CollectingSink.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * UTF-16 and Big5 exports (issue "Never lose a scored day", finding 3): UTF-16 used to be
 * quarantined line by line as "NUL byte", with its two-byte newlines counting 37 lines as 44
 * rows; Big5 used to be read as GBK and scored as mojibake with every row accepted.
 */
class Utf16AndBig5Test {
    private static final Charset BIG5 = Charset.forName("x-windows-950");
    private static final String SIMPLIFIED = """
            conversation_id,sent_at,sender_role,text
            c1,2026-11-20 10:00:00,顾客,你好，我的快递怎么还没到？都三天了
            c1,2026-11-20 10:00:05,客服,亲，很抱歉给您添麻烦了，我这边帮您查一下物流
            c1,2026-11-20 10:01:00,顾客,好的谢谢，麻烦快一点
            """;
    private static final String TRADITIONAL = """
            conversation_id,sent_at,sender_role,text
            c1,2026-11-20 10:00:00,customer,你好，我的快遞怎麼還沒到？都三天了
            c1,2026-11-20 10:00:05,agent,親，很抱歉給您添麻煩了，我這邊幫您查一下物流
            c1,2026-11-20 10:01:00,customer,好的謝謝，麻煩快一點
            """;

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static EncodingSniffer.Sniffed sniff(byte[] b) {
        return EncodingSniffer.sniff(b, b.length);
    }

    private static ExportMapping declaring(String encoding) {
        ExportMapping c = ExportMapping.canonical();
        return new ExportMapping("test", null, null, '"', true, encoding, c.columns(), c.roleCodes(), c.defaults(),
                c.timestampFormats(), 0);
    }

    @Test
    void utf16LittleEndianWithBomIsReadRowForRow() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SIMPLIFIED.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE));

        CollectingSink sink = read(ExportMapping.canonical(), "x.csv", bytes);

        assertEquals(FileEncoding.UTF_16LE, sink.charset);
        assertEquals(List.of("你好，我的快递怎么还没到？都三天了", "亲，很抱歉给您添麻烦了，我这边帮您查一下物流", "好的谢谢，麻烦快一点"), sink.texts());
        assertEquals(List.of(2L, 3L, 4L), sink.acceptedLines(), "three data lines are three rows, numbered as in the file");
        assertEquals(List.of(), sink.quarantined);
    }

    @Test
    void utf16BigEndianWithBomAndWithoutBomAreRecognised() {
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SIMPLIFIED.getBytes(StandardCharsets.UTF_16BE));
        byte[] leWithoutBom = SIMPLIFIED.getBytes(StandardCharsets.UTF_16LE);

        assertEquals(FileEncoding.UTF_16BE, read(ExportMapping.canonical(), "x.csv", be).charset);
        assertEquals(3, read(ExportMapping.canonical(), "x.csv", be).accepted.size());
        assertEquals(FileEncoding.UTF_16LE, sniff(leWithoutBom).encoding());
        assertEquals(3, read(ExportMapping.canonical(), "x.csv", leWithoutBom).accepted.size());
    }

    @Test
    void aLoneSurrogateInUtf16QuarantinesOnlyItsLine() {
        String bad = "c1,2026-11-20 10:02:00,顾客,坏" + '\uD800' + "\n";
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SIMPLIFIED.getBytes(StandardCharsets.UTF_16LE),
                lone(bad), "c1,2026-11-20 10:03:00,客服,不客气\n".getBytes(StandardCharsets.UTF_16LE));

        CollectingSink sink = read(ExportMapping.canonical(), "x.csv", bytes);

        assertEquals(List.of("5:bad_encoding:-"), sink.quarantineSummary());
        assertTrue(sink.quarantined.get(0).detail().contains("UTF-16LE"), sink.quarantined.get(0).detail());
        assertEquals(List.of(2L, 3L, 4L, 6L), sink.acceptedLines());
    }

    /** UTF-16LE bytes of {@code s}, keeping a lone surrogate (the JDK's encoder would replace it). */
    private static byte[] lone(String s) {
        byte[] out = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            out[2 * i] = (byte) s.charAt(i);
            out[2 * i + 1] = (byte) (s.charAt(i) >> 8);
        }
        return out;
    }

    @Test
    void big5IsSniffedAndNeverTakenForGbk() {
        byte[] bytes = TRADITIONAL.getBytes(BIG5);

        EncodingSniffer.Sniffed s = sniff(bytes);
        CollectingSink sink = read(ExportMapping.canonical(), "x.csv", bytes);

        assertEquals(FileEncoding.BIG5, s.encoding());
        assertNull(s.refusal());
        assertEquals("你好，我的快遞怎麼還沒到？都三天了", sink.texts().get(0));
        assertEquals(3, sink.accepted.size());
    }

    @Test
    void gbkWithTheSameTextIsStillGbk() {
        assertEquals(FileEncoding.GB18030, sniff(SIMPLIFIED.getBytes(Charset.forName("GBK"))).encoding());
    }

    @Test
    void bytesThatReadAsWellInGbkAsInBig5AreRefusedNotGuessed() {
        // Rare characters in both readings: neither is clearly right.
        byte[] ambiguous = concat("conversation_id,sent_at,sender_role,text\nc1,2026-11-20 10:00:00,customer,".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xB0, (byte) 0xA4, (byte) 0xB0, (byte) 0xAC, (byte) 0xB0, (byte) 0xA7}, "\n".getBytes(StandardCharsets.US_ASCII));

        EncodingSniffer.Sniffed s = sniff(ambiguous);
        CollectingSink sink = read(ExportMapping.canonical(), "x.csv", ambiguous);

        assertNotNull(s.refusal(), "refused: " + s);
        assertTrue(s.refusal().contains("encoding: GBK or encoding: Big5"), s.refusal());
        assertEquals(0, sink.accepted.size());
        assertEquals(List.of("1:bad_encoding:-", "2:bad_encoding:-"), sink.quarantineSummary(), "every line quarantined, saying why");
        assertEquals(s.refusal(), sink.quarantined.get(1).detail());
    }

    @Test
    void mappingsDeclareBig5AndUtf16() {
        assertEquals("Big5", MappingLoader.parse("encoding: big5\ncolumns: {text: t, sender_role: r, customer_id: c}\n", "m.yaml").encoding());
        assertEquals("UTF-16LE", MappingLoader.parse("encoding: UTF-16\ncolumns: {text: t, sender_role: r, customer_id: c}\n", "m.yaml").encoding());

        CollectingSink big5 = read(declaring("Big5"), "x.csv", TRADITIONAL.getBytes(BIG5));
        CollectingSink utf16 = read(declaring("UTF-16LE"), "x.csv",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, SIMPLIFIED.getBytes(StandardCharsets.UTF_16LE)));

        assertEquals(3, big5.accepted.size());
        assertEquals(FileEncoding.BIG5, big5.charset);
        assertEquals(3, utf16.accepted.size(), "a declared UTF-16 skips its byte order mark");
    }
}
