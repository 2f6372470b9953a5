package chatqa.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides between UTF-8 and GBK for files whose mapping says "auto". Chinese exports from older
 * desktop tools are often GBK; reading them as UTF-8 would quarantine every line. A file is GBK
 * (read as GB18030, its superset) when, in its first 64 KiB, more lines with non-ASCII bytes
 * decode only as GB18030 than as UTF-8.
 */
public final class EncodingSniffer {
    public static final Charset GBK = Charset.forName("GB18030");
    /** How much of a file is looked at. */
    public static final int SAMPLE_BYTES = 64 * 1024;

    private EncodingSniffer() {
    }

    public static Charset sniff(byte[] sample, int length) {
        if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        // Judge line by line: one stray byte in a UTF-8 file must not turn the whole file into GBK.
        int utf8Lines = 0;
        int gbkOnlyLines = 0;
        int lineStart = 0;
        for (int i = 0; i <= length; i++) {
            boolean end = i == length || sample[i] == '\n';
            if (!end) {
                continue;
            }
            boolean complete = i < length || length < SAMPLE_BYTES;
            // A last line without newline may be a file cut inside a character: that says nothing about its encoding.
            boolean cutShort = i == length && length < SAMPLE_BYTES && decodesUpToItsEnd(sample, lineStart, i);
            if (complete && hasNonAscii(sample, lineStart, i) && !cutShort) {
                if (decodes(StandardCharsets.UTF_8, sample, lineStart, i)) {
                    utf8Lines++;
                } else if (decodes(GBK, sample, lineStart, i)) {
                    gbkOnlyLines++;
                }
            }
            lineStart = i + 1;
        }
        return gbkOnlyLines > utf8Lines ? GBK : StandardCharsets.UTF_8;
    }

    private static boolean hasNonAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the bytes are UTF-8 except for an incomplete character at their very end. */
    private static boolean decodesUpToItsEnd(byte[] bytes, int from, int to) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return !d.decode(in, CharBuffer.allocate(to - from + 1), false).isError() && in.hasRemaining();
    }

    private static boolean decodes(Charset cs, byte[] bytes, int from, int to) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
