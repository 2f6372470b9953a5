package chatqa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextLinesTest {

    @Test
    void linesLongerThanTheReadBufferComeBackWhole() throws IOException {
        String longLine = "亲".repeat(100_000);
        TextLines lines = new TextLines(trickle(("a\r\n" + longLine + "\nb").getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertEquals(new TextLines.Line(1, "a", null, null), lines.next());
        assertEquals(new TextLines.Line(2, longLine, null, null), lines.next());
        assertEquals(new TextLines.Line(3, "b", null, null), lines.next());
        assertNull(lines.next());
    }

    @Test
    void byteOrderMarkIsDroppedAndEmptyLinesCount() throws IOException {
        TextLines lines = new TextLines(new ByteArrayInputStream("\uFEFFx\n\ny\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertEquals(new TextLines.Line(1, "x", null, null), lines.next());
        assertEquals(new TextLines.Line(2, "", null, null), lines.next());
        assertEquals(new TextLines.Line(3, "y", null, null), lines.next());
        assertNull(lines.next());
    }

    @Test
    void aLineWithInvalidBytesIsReportedAloneAndReadingGoesOn() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("好\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'a', (byte) 0xC3, '\n'});
        b.writeBytes("了".getBytes(StandardCharsets.UTF_8));
        TextLines lines = new TextLines(new ByteArrayInputStream(b.toByteArray()), StandardCharsets.UTF_8);
        assertEquals(new TextLines.Line(1, "好", null, null), lines.next());
        TextLines.Line bad = lines.next();
        assertEquals(2, bad.number());
        assertNull(bad.text());
        assertEquals("a\uFFFD", bad.undecodable());
        assertEquals(new TextLines.Line(3, "了", null, null), lines.next());
        assertNull(lines.next());
    }

    /** A stream that hands out at most 7 bytes per read, so lines straddle many reads. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }
}
