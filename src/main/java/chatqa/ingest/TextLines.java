package chatqa.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Reads a file line by line as bytes and decodes each line strictly, so one line with invalid
 * bytes is quarantined alone instead of corrupting or failing the whole file. Splitting on the
 * newline byte is safe for UTF-8 and GBK/GB18030: neither uses 0x0A inside a character.
 */
public final class TextLines {
    /** One line: its 1-based number and text, or null text with the raw bytes when they did not decode. */
    public record Line(long number, String text, String undecodable) {
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private final Charset charset;
    private long number;
    private boolean eof;

    public TextLines(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next line, or null at the end of the file. A final line without newline is still a line. */
    public Line next() throws IOException {
        if (eof) {
            return null;
        }
        buffer.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            buffer.write(b);
        }
        if (b == -1) {
            eof = true;
            if (buffer.size() == 0) {
                return null;
            }
        }
        number++;
        byte[] bytes = buffer.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        int start = 0;
        if (number == 1 && len >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes, start, len - start);
        try {
            CharBuffer chars = decoder.reset().decode(bb);
            return new Line(number, chars.toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, new String(bytes, start, len - start, charset));
        }
    }
}
