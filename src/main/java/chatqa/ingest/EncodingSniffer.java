package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decides the encoding of a file whose mapping says "auto", from its first 64 KiB: a byte order
 * mark; UTF-16 without one by its zero bytes (ASCII text in UTF-16 is every other byte zero); else
 * UTF-8 unless more lines decode only in a double-byte Chinese encoding. GBK and Big5 bytes
 * usually decode in both, so between them it counts how many decoded characters are common
 * ones ({@code common-hanzi.txt}): a file read in the wrong one is made of rare characters. When
 * neither is clearly right it refuses rather than guess, because a Big5 file read as GBK would
 * be scored as mojibake without a single quarantined row.
 */
public final class EncodingSniffer {
    /** How much of a file is looked at. */
    public static final int SAMPLE_BYTES = 64 * 1024;
    /** A share of common characters this much above the other encoding's decides. */
    static final double MARGIN = 0.2;
    private static final String COMMON = "/chatqa/ingest/common-hanzi.txt";

    /**
     * The verdict: an encoding and the byte order mark to skip, or a refusal saying why (then
     * {@code encoding} is only what the raw bytes are shown in).
     */
    public record Sniffed(FileEncoding encoding, int bomBytes, String refusal) {
        static Sniffed of(FileEncoding e, int bom) {
            return new Sniffed(e, bom, null);
        }
    }

    private EncodingSniffer() {
    }

    public static Sniffed sniff(byte[] sample, int length) {
        Sniffed bom = byteOrderMark(sample, length);
        if (bom != null) {
            return bom;
        }
        FileEncoding utf16 = utf16ByZeros(sample, length);
        if (utf16 != null) {
            return Sniffed.of(utf16, 0);
        }
        return utf8OrChinese(sample, length);
    }

    /** The byte order mark a declared encoding may still carry (UTF-8 with BOM, UTF-16 of either order). */
    public static Sniffed byteOrderMark(byte[] s, int n) {
        if (n >= 3 && (s[0] & 0xFF) == 0xEF && (s[1] & 0xFF) == 0xBB && (s[2] & 0xFF) == 0xBF) {
            return Sniffed.of(FileEncoding.UTF_8, 3);
        }
        if (n >= 2 && (s[0] & 0xFF) == 0xFF && (s[1] & 0xFF) == 0xFE) {
            return Sniffed.of(FileEncoding.UTF_16LE, 2);
        }
        if (n >= 2 && (s[0] & 0xFF) == 0xFE && (s[1] & 0xFF) == 0xFF) {
            return Sniffed.of(FileEncoding.UTF_16BE, 2);
        }
        return null;
    }

    /**
     * UTF-16 without BOM: a zero byte in a fifth or more of the byte pairs, always on the same side.
     * A file of other text with NUL bytes (a crashed writer's zero-filled tail) has them in runs,
     * on both sides.
     */
    private static FileEncoding utf16ByZeros(byte[] s, int n) {
        int pairs = n / 2;
        if (pairs < 8) {
            return null;
        }
        int even = 0;
        int odd = 0;
        for (int i = 0; i + 1 < n; i += 2) {
            if (s[i] == 0) {
                even++;
            }
            if (s[i + 1] == 0) {
                odd++;
            }
        }
        if (odd * 5 >= pairs && even * 50 < pairs && decodes(StandardCharsets.UTF_16LE, s, 0, pairs * 2)) {
            return FileEncoding.UTF_16LE;
        }
        if (even * 5 >= pairs && odd * 50 < pairs && decodes(StandardCharsets.UTF_16BE, s, 0, pairs * 2)) {
            return FileEncoding.UTF_16BE;
        }
        return null;
    }

    private static Sniffed utf8OrChinese(byte[] sample, int length) {
        // Judge line by line: one stray byte in a UTF-8 file must not turn the whole file into GBK.
        int utf8Lines = 0;
        int otherLines = 0;
        Candidate gbk = new Candidate(FileEncoding.GB18030, Common.SIMPLIFIED);
        Candidate big5 = new Candidate(FileEncoding.BIG5, Common.TRADITIONAL);
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
                } else {
                    boolean either = gbk.read(sample, lineStart, i) | big5.read(sample, lineStart, i);
                    if (either) {
                        otherLines++;
                    }
                }
            }
            lineStart = i + 1;
        }
        if (otherLines <= utf8Lines) {
            return Sniffed.of(FileEncoding.UTF_8, 0);
        }
        if (big5.lines == 0 || gbk.lines == 0) {
            return Sniffed.of(big5.lines == 0 ? FileEncoding.GB18030 : FileEncoding.BIG5, 0);
        }
        double g = gbk.commonShare();
        double b = big5.commonShare();
        if (g >= b + MARGIN) {
            return Sniffed.of(FileEncoding.GB18030, 0);
        }
        if (b >= g + MARGIN) {
            return Sniffed.of(FileEncoding.BIG5, 0);
        }
        return new Sniffed(FileEncoding.GB18030, 0, String.format(
                "the encoding cannot be told: the file is not UTF-8, and its Chinese reads about as well as GBK "
                        + "(%.0f %% common characters) as Big5 (%.0f %%); declare encoding: GBK or encoding: Big5 in a mapping",
                100 * g, 100 * b));
    }

    /** One double-byte encoding's reading of the sample's non-UTF-8 lines. */
    private static final class Candidate {
        private final FileEncoding encoding;
        private final String common;
        int lines;
        int han;
        int commonHan;

        Candidate(FileEncoding encoding, String common) {
            this.encoding = encoding;
            this.common = common;
        }

        boolean read(byte[] bytes, int from, int to) {
            String text = decoded(encoding.charset(), bytes, from, to);
            if (text == null) {
                return false;
            }
            lines++;
            text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(c -> {
                han++;
                if (common.indexOf(c) >= 0) {
                    commonHan++;
                }
            });
            return true;
        }

        double commonShare() {
            return han == 0 ? 0 : (double) commonHan / han;
        }
    }

    /** The common characters, read once. */
    private static final class Common {
        static final String SIMPLIFIED;
        static final String TRADITIONAL;

        static {
            try (InputStream in = EncodingSniffer.class.getResourceAsStream(COMMON)) {
                if (in == null) {
                    throw new IllegalStateException("cannot find " + COMMON + " in the jar");
                }
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
                SIMPLIFIED = lines.get(0);
                TRADITIONAL = lines.get(1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
        var d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return !d.decode(in, java.nio.CharBuffer.allocate(to - from + 1), false).isError() && in.hasRemaining();
    }

    private static boolean decodes(Charset cs, byte[] bytes, int from, int to) {
        return decoded(cs, bytes, from, to) != null;
    }

    private static String decoded(Charset cs, byte[] bytes, int from, int to) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
