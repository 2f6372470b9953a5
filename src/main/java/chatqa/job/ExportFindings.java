package chatqa.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import chatqa.ingest.EncodingSniffer;
import chatqa.ingest.ExportDiagnosis;
import chatqa.ingest.ExportMapping;
import chatqa.ingest.InputFile;

/**
 * What the summary says about the exports beyond the counts: the first row of the most
 * frequent quarantine reasons, a diagnosis for each file that failed as a whole (its first bytes
 * are read on the driver, for those files only), and a warning for each file that lost more than
 * {@value #WARN_SHARE_PERCENT} % of its rows to one reason.
 */
record ExportFindings(List<String> examples, List<String> diagnoses, List<String> warnings) {
    static final int WARN_SHARE_PERCENT = 5;
    private static final int EXAMPLES = 3;

    static ExportFindings of(RunTally tally, List<InputFile> files, ExportMapping mapping, Configuration conf) throws IOException {
        List<String> examples = new ArrayList<>();
        Map<String, RunTally.Example> first = tally.examples();
        tally.reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(EXAMPLES)
                .forEach(e -> examples.add(describe(first.get(e.getKey()))));
        List<String> diagnoses = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (InputFile f : files) {
            long[] c = tally.perFile.getOrDefault(f.path(), new long[3]);
            Map<String, Long> reasons = tally.fileReasons.getOrDefault(f.path(), Map.of());
            Map<String, RunTally.Example> own = tally.fileExamples.getOrDefault(f.path(), Map.of());
            String diagnosis = null;
            if (c[RunTally.READ] == 0 && f.sizeBytes() > 0 || c[RunTally.QUARANTINED] * 10 >= c[RunTally.READ] * 9 && c[RunTally.READ] > 0) {
                diagnosis = diagnose(f, c, reasons, own, mapping, conf);
            }
            if (diagnosis != null) {
                diagnoses.add(name(f.path()) + ": " + diagnosis);
                continue;
            }
            reasons.forEach((reason, n) -> {
                if (n * 100 > WARN_SHARE_PERCENT * c[RunTally.READ]) {
                    warnings.add(String.format("%s: %.0f %% of its rows (%,d of %,d) quarantined as %s, first at %s", name(f.path()),
                            100.0 * n / c[RunTally.READ], n, c[RunTally.READ], reason, where(own.get(reason))));
                }
            });
        }
        return new ExportFindings(examples, diagnoses, warnings);
    }

    /** The same findings, warning also of the files in the input folders that were not read. */
    ExportFindings withSkipped(List<String> skipped) {
        List<String> all = new ArrayList<>(warnings);
        skipped.forEach(f -> all.add(name(f)));
        return new ExportFindings(examples, diagnoses, all);
    }

    private static String diagnose(InputFile f, long[] c, Map<String, Long> reasons, Map<String, RunTally.Example> own,
                                   ExportMapping mapping, Configuration conf) throws IOException {
        byte[] head;
        Path p = new Path(f.path());
        FileSystem fs = p.getFileSystem(conf);
        try (InputStream in = fs.open(p)) {
            head = in.readNBytes(EncodingSniffer.SAMPLE_BYTES);
        }
        Map.Entry<String, Long> top = reasons.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElse(null);
        RunTally.Example example = top == null ? null : own.get(top.getKey());
        return ExportDiagnosis.diagnose(head, head.length, mapping, new ExportDiagnosis.FileOutcome(f.path(), c[RunTally.READ],
                c[RunTally.ACCEPTED], top == null ? null : top.getKey(), top == null ? 0 : top.getValue(),
                example == null ? null : example.field(), example == null ? null : example.detail()));
    }

    private static String describe(RunTally.Example e) {
        return e.reason() + ": " + where(e) + ": " + e.detail();
    }

    private static String where(RunTally.Example e) {
        return e == null ? "?" : name(e.file()) + ":" + e.line() + (e.field() == null ? "" : " (" + e.field() + ")");
    }

    /** A path as the user gave it, without the file-system scheme Hadoop adds to local paths. */
    static String name(String path) {
        return path.startsWith("file:") ? path.substring("file:".length()) : path;
    }
}
