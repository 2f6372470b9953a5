package chatqa.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Reads one export file and hands every row to a sink as accepted or quarantined. Readers work
 * on a stream so the same code runs on the driver, in tests and inside Spark tasks.
 */
public interface ExportReader {

    /** Reads all rows of {@code file} from {@code in}; returns the charset the file was read in. */
    Charset read(InputStream in, InputFile file, RowSink sink) throws IOException;

    /** The reader for {@code file} under {@code mapping}: delimited text or JSON Lines, read now. */
    static ExportReader forFile(ExportMapping mapping, ZoneId zone, InputFile file) {
        return forFile(mapping, zone, file, Instant.now());
    }

    /**
     * The reader for {@code file} under {@code mapping}, as part of a run started at {@code readAt}
     * (timestamps later than that, beyond a day of clock skew, are implausible).
     */
    static ExportReader forFile(ExportMapping mapping, ZoneId zone, InputFile file, Instant readAt) {
        RowValidator validator = new RowValidator(mapping, new TimestampParser(zone, mapping.timestampFormats()), readAt);
        return switch (mapping.formatFor(file.path())) {
            case CSV -> new DelimitedExportReader(mapping, validator);
            case JSONL -> new JsonLinesExportReader(mapping, validator);
        };
    }

    /** Opens {@code raw} as lines in the mapping's encoding, sniffing UTF-8 vs GBK for "auto". */
    static TextLines lines(InputStream raw, ExportMapping mapping, Charset[] chosen) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        Charset cs;
        if ("auto".equals(mapping.encoding())) {
            in.mark(EncodingSniffer.SAMPLE_BYTES + 1);
            byte[] sample = in.readNBytes(EncodingSniffer.SAMPLE_BYTES);
            in.reset();
            cs = EncodingSniffer.sniff(sample, sample.length);
        } else {
            cs = "UTF-8".equals(mapping.encoding()) ? StandardCharsets.UTF_8 : EncodingSniffer.GBK;
        }
        chosen[0] = cs;
        return new TextLines(in, cs);
    }
}
