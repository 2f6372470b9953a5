package chatqa.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The encodings export files come in. UTF-8 and the two double-byte Chinese encodings are read
 * line by line as bytes (none of them uses the newline byte inside a character); UTF-16 is not,
 * so it is transcoded to UTF-8 on the way in.
 */
public enum FileEncoding {
    UTF_8("UTF-8", StandardCharsets.UTF_8),
    /** GBK and GB2312 files, read as their superset GB18030. */
    GB18030("GB18030", Charset.forName("GB18030")),
    /** Traditional Chinese (Taiwan, Hong Kong) files, read as Windows code page 950, the Big5 that Windows tools write. */
    BIG5("Big5", Charset.forName("x-windows-950")),
    UTF_16LE("UTF-16LE", StandardCharsets.UTF_16LE),
    UTF_16BE("UTF-16BE", StandardCharsets.UTF_16BE);

    private final String label;
    private final Charset charset;

    FileEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    /** The name users write and the runs table records. */
    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }

    public boolean isUtf16() {
        return this == UTF_16LE || this == UTF_16BE;
    }

    /**
     * The encoding a mapping's {@code encoding:} names, or null for an unknown name. "UTF-16"
     * without a byte order is little-endian, as Windows' "Unicode" text is (a BOM still decides).
     */
    public static FileEncoding fromName(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT).replace("_", "-")) {
            case "UTF-8", "UTF8", "UTF-8-BOM" -> UTF_8;
            case "GBK", "GB2312", "GB18030", "CP936" -> GB18030;
            case "BIG5", "BIG-5", "CP950", "MS950" -> BIG5;
            case "UTF-16", "UTF16", "UTF-16LE", "UNICODE" -> UTF_16LE;
            case "UTF-16BE" -> UTF_16BE;
            default -> null;
        };
    }
}
