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
 * newline byte is safe for UTF-8 and GBK/GB18030: neither uses 0x0A inside a character. A NUL
 * byte counts as invalid too: no chat text contains one, while the zero-filled tail a crashed
 * writer leaves behind, or a UTF-16 file, is full of them.
 */
public final class TextLines {
    /**
     * One line: its 1-based number and text, or null text with the raw bytes when they did not
     * decode, and {@code problem} saying why (e.g. the file ends in the middle of a character).
     */
    public record Line(long number, String text, String undecodable, String problem) {
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
        int nul = indexOfNul(bytes, start, len);
        if (nul >= 0) {
            return undecodable(bytes, start, len, "a NUL byte (0x00) at byte " + (nul - start + 1) + " of the line");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes, start, len - start);
        try {
            CharBuffer chars = decoder.reset().decode(bb);
            return new Line(number, chars.toString(), null, null);
        } catch (CharacterCodingException e) {
            if (eof && endsInsideACharacter(bytes, start, len)) {
                return undecodable(bytes, start, len, "an incomplete " + charset.name() + " character at the end of the file (was it cut short?)");
            }
            return undecodable(bytes, start, len, "bytes that are not valid " + charset.name()
                    + " (set 'encoding' in a mapping if the file is in another encoding)");
        }
    }

    private Line undecodable(byte[] bytes, int start, int len, String problem) {
        String raw = new String(bytes, start, len - start, charset).replace('\0', '\uFFFD');
        return new Line(number, null, raw, problem);
    }

    private static int indexOfNul(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** True when the bytes decode once their incomplete last character is left off. */
    private boolean endsInsideACharacter(byte[] bytes, int start, int len) {
        ByteBuffer bb = ByteBuffer.wrap(bytes, start, len - start);
        CharBuffer out = CharBuffer.allocate(len - start + 1);
        decoder.reset();
        return !decoder.decode(bb, out, false).isError() && bb.hasRemaining();
    }
}
