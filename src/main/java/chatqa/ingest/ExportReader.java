package chatqa.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Reads one export file and hands every row to a sink as accepted or quarantined. Readers work
 * on a stream so the same code runs on the driver, in tests and inside Spark tasks.
 */
public interface ExportReader {

    /** Reads all rows of {@code file} from {@code in}. */
    FileRead read(InputStream in, InputFile file, RowSink sink) throws IOException;

    /** The reader for {@code file} under {@code mapping}: delimited text or JSON Lines, read now. */
    static ExportReader forFile(ExportMapping mapping, ZoneId zone, InputFile file) {
        return forFile(mapping, zone, file, Instant.now(), null);
    }

    /**
     * The reader for {@code file} under {@code mapping}, as part of a run started at {@code readAt}
     * (timestamps later than that, beyond a day of clock skew, are implausible), for the day
     * {@code day} (null: not given; times of day without a date are then rejected).
     */
    static ExportReader forFile(ExportMapping mapping, ZoneId zone, InputFile file, Instant readAt, LocalDate day) {
        RowValidator validator = new RowValidator(mapping, new TimestampParser(zone, mapping.timestampFormats(), day), readAt);
        return switch (mapping.formatFor(file.path())) {
            case CSV -> new DelimitedExportReader(mapping, validator);
            case JSONL -> new JsonLinesExportReader(mapping, validator);
            case XLSX -> new XlsxExportReader(mapping, validator);
            case CHAT_COPY -> new ChatCopyExportReader(mapping, validator);
            case QIYU_ZIP -> new QiyuZipReader(mapping, validator);
            case SCA_TICKETS -> new ScaTicketsReader(mapping, validator);
        };
    }

    /**
     * Opens {@code raw} as lines in the mapping's encoding, sniffed for "auto" (see
     * {@link EncodingSniffer}); a declared encoding still skips a byte order mark of its own.
     * {@code chosen[0]} receives the encoding read in.
     */
    static TextLines lines(InputStream raw, ExportMapping mapping, FileEncoding[] chosen) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(EncodingSniffer.SAMPLE_BYTES + 1);
        byte[] sample = in.readNBytes(EncodingSniffer.SAMPLE_BYTES);
        in.reset();
        EncodingSniffer.Sniffed sniffed;
        if ("auto".equals(mapping.encoding())) {
            sniffed = EncodingSniffer.sniff(sample, sample.length);
        } else {
            FileEncoding declared = FileEncoding.fromName(mapping.encoding());
            EncodingSniffer.Sniffed bom = EncodingSniffer.byteOrderMark(sample, sample.length);
            boolean ownBom = bom != null && (bom.encoding() == declared || (declared.isUtf16() && bom.encoding().isUtf16()));
            sniffed = ownBom ? bom : new EncodingSniffer.Sniffed(declared, 0, null);
        }
        chosen[0] = sniffed.encoding();
        FileEncoding e = sniffed.encoding();
        if (e.isUtf16()) {
            in.skipNBytes(sniffed.bomBytes());
            return new TextLines(new Utf16Transcoder(in, e), StandardCharsets.UTF_8, e.label(), null);
        }
        // TextLines drops a UTF-8 BOM itself, on the first line.
        return new TextLines(in, e.charset(), e.label(), sniffed.refusal());
    }
}
