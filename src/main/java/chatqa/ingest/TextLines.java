package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes and decodes each line strictly, so one line with invalid
 * bytes is quarantined alone instead of corrupting or failing the whole file. Splitting on the
 * newline byte is safe for UTF-8 and GBK/GB18030: neither uses 0x0A inside a character. Lines are
 * found by scanning a block buffer, not byte by byte through the stream, because this loop sees
 * every byte of a night's exports. A NUL byte counts as invalid too: no chat text contains one,
 * while the zero-filled tail a crashed writer leaves behind, or a UTF-16 file, is full of them.
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
    private final Charset charset;
    /** The file's encoding as users know it (UTF-16 files arrive here transcoded to UTF-8). */
    private final String label;
    /** Non-null: the encoding could not be decided, and every line is quarantined saying so. */
    private final String refusal;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    /** Bytes the last fill added: only those need scanning for a newline again. */
    private int lastRead;
    private CharBuffer chars = CharBuffer.allocate(1024);
    private long number;
    private boolean eof;

    public TextLines(InputStream in, Charset charset) {
        this(in, charset, charset.name(), null);
    }

    /**
     * Lines of {@code in} decoded with {@code charset}, named {@code label} in problems; with a
     * {@code refusal}, no line is decoded and each carries the refusal as its problem.
     */
    TextLines(InputStream in, Charset charset, String label, String refusal) {
        this.in = in;
        this.charset = charset;
        this.label = label;
        this.refusal = refusal;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The next line, or null at the end of the file. A final line without newline is still a line. */
    public Line next() throws IOException {
        int start = pos;
        int nl = indexOfNewline(start);
        while (nl < 0 && !eof) {
            start = fill(start);
            nl = indexOfNewline(Math.max(start, limit - lastRead));
        }
        int end;
        if (nl >= 0) {
            end = nl;
            pos = nl + 1;
        } else {
            end = limit;
            pos = limit;
            if (end == start) {
                return null;
            }
        }
        number++;
        int len = end - start;
        if (len > 0 && buf[end - 1] == '\r') {
            len--;
        }
        if (number == 1 && len >= 3 && (buf[start] & 0xFF) == 0xEF && (buf[start + 1] & 0xFF) == 0xBB
                && (buf[start + 2] & 0xFF) == 0xBF) {
            start += 3;
            len -= 3;
        }
        return decode(start, len, nl < 0);
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread part starting at {@code start} to the front, reads more; returns the new start (0). */
    private int fill(int start) throws IOException {
        int kept = limit - start;
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, kept);
        } else if (kept == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        limit = kept;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            lastRead = 0;
        } else {
            limit += n;
            lastRead = n;
        }
        return 0;
    }

    private Line decode(int start, int len, boolean lastWithoutNewline) {
        if (refusal != null) {
            return undecodable(start, len, refusal);
        }
        int nul = indexOfNul(start, start + len);
        if (nul >= 0) {
            return undecodable(start, len, "a NUL byte (0x00) at byte " + (nul - start + 1) + " of the line");
        }
        ByteBuffer bb = ByteBuffer.wrap(buf, start, len);
        if (chars.capacity() < len) {
            chars = CharBuffer.allocate(Math.max(len, chars.capacity() * 2));
        }
        chars.clear();
        decoder.reset();
        CoderResult r = decoder.decode(bb, chars, true);
        if (!r.isError()) {
            r = decoder.flush(chars);
        }
        if (r.isError()) {
            if (lastWithoutNewline && endsInsideACharacter(start, len)) {
                return undecodable(start, len, "an incomplete " + label + " character at the end of the file (was it cut short?)");
            }
            return undecodable(start, len, "bytes that are not valid " + label
                    + " (set 'encoding' in a mapping if the file is in another encoding)");
        }
        chars.flip();
        return new Line(number, chars.toString(), null, null);
    }

    private Line undecodable(int start, int len, String problem) {
        String raw = new String(buf, start, len, charset).replace('\0', '\uFFFD');
        return new Line(number, null, raw, problem);
    }

    private int indexOfNul(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** True when the bytes decode once their incomplete last character is left off. */
    private boolean endsInsideACharacter(int start, int len) {
        ByteBuffer bb = ByteBuffer.wrap(buf, start, len);
        CharBuffer out = CharBuffer.allocate(len + 1);
        decoder.reset();
        return !decoder.decode(bb, out, false).isError() && bb.hasRemaining();
    }
}
