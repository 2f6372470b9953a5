package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-16 file as a UTF-8 byte stream, so the line reader, which splits on the newline byte,
 * works on it unchanged (in UTF-16 the newline is two bytes, and 0x0A occurs inside other
 * characters). A malformed code unit, such as a lone surrogate, becomes the byte 0xFF, which no
 * UTF-8 text contains: its line is then quarantined as bad_encoding instead of being read wrong.
 */
final class Utf16Transcoder extends InputStream {
    private static final byte INVALID = (byte) 0xFF;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer raw = ByteBuffer.allocate(1 << 15);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);
    private final ByteBuffer out = ByteBuffer.allocate(1 << 16);
    private boolean eof;

    Utf16Transcoder(InputStream in, FileEncoding encoding) {
        this.in = in;
        this.decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        out.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!out.hasRemaining()) {
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(len, out.remaining());
        out.get(b, off, n);
        return n;
    }

    /** Decodes the next block into {@link #out}; false at the end of the file. */
    private boolean refill() throws IOException {
        if (eof && raw.position() == 0) {
            return false;
        }
        if (!eof) {
            int n = in.read(raw.array(), raw.position(), raw.remaining());
            if (n < 0) {
                eof = true;
            } else {
                raw.position(raw.position() + n);
            }
        }
        raw.flip();
        out.clear();
        chars.clear();
        while (true) {
            CoderResult r = decoder.decode(raw, chars, eof);
            if (r.isError()) {
                flushChars();
                // A high surrogate followed by an ordinary unit is reported as one 4-byte error;
                // only the surrogate is bad, and the unit after it may be the line's newline.
                raw.position(raw.position() + Math.min(r.length(), 2));
                out.put(INVALID);
                continue;
            }
            if (r.isOverflow()) {
                flushChars();
                continue;
            }
            break;
        }
        if (eof && raw.hasRemaining()) {
            // An odd last byte: half a code unit.
            raw.position(raw.limit());
            out.put(INVALID);
        }
        flushChars();
        raw.compact();
        out.flip();
        return true;
    }

    private void flushChars() {
        chars.flip();
        // UTF-8 needs at most 3 bytes per UTF-16 unit; out has room for a whole block of chars.
        encoder.reset();
        encoder.encode(chars, out, true);
        chars.clear();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
