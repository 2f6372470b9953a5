package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import chatqa.config.YamlTree;

/**
 * One sentence for a file that failed as a whole, instead of a thousand quarantined rows that
 * each say the same: what the file is (an Excel workbook, a zip, UTF-16 declared as UTF-8) or
 * what is wrong with every row (a header no mapping knows, with the mapping lines it looks like;
 * timestamps in a form chatqa does not read, with the time_format to add). Pure Java: it looks at
 * the file's first bytes and at what the readers already counted.
 */
public final class ExportDiagnosis {
    /** A file is diagnosed as a whole when at least this share of its rows was quarantined ... */
    static final double MOSTLY_FAILED = 0.9;
    /** ... and this share of those for one reason. */
    static final double ONE_REASON = 0.8;
    private static final String ALIASES = "/chatqa/ingest/header-aliases.yaml";
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private ExportDiagnosis() {
    }

    /**
     * How one file fared: rows read and accepted, its most frequent quarantine reason with its
     * count, and the first such row's field and detail.
     */
    public record FileOutcome(String file, long read, long accepted, String reason, long reasonRows, String field, String detail) {
    }

    /** What the first bytes of a file say it is when it is not text at all; null for text. */
    public static String notText(byte[] head, int n) {
        if (startsWith(head, n, 'P', 'K', 3, 4)) {
            String ascii = new String(head, 0, n, StandardCharsets.ISO_8859_1);
            if (ascii.contains("xl/") || ascii.contains("[Content_Types].xml")) {
                return "this is an Excel workbook (.xlsx), not a text export: name it .xlsx (workbooks are read by their name), "
                        + "or save it as \"CSV UTF-8\" in Excel";
            }
            return "this is a zip archive: unpack it and pass the export files inside";
        }
        if (startsWith(head, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "this is an old Excel workbook (.xls): save it as \"CSV UTF-8\" in Excel";
        }
        if (startsWith(head, n, '%', 'P', 'D', 'F')) {
            return "this is a PDF document, not a chat export";
        }
        return null;
    }

    /** The diagnosis of a file that failed as a whole, or null when it did not. */
    public static String diagnose(byte[] head, int n, ExportMapping mapping, FileOutcome o) {
        String kind = notText(head, n);
        if (kind != null) {
            return kind;
        }
        if (o.read() == 0 || o.reason() == null || o.read() - o.accepted() < MOSTLY_FAILED * o.read()
                || o.reasonRows() < ONE_REASON * (o.read() - o.accepted())) {
            return null;
        }
        String why = switch (o.reason()) {
            case "bad_encoding" -> encoding(head, n, mapping, o);
            case "missing_column" -> header(head, n, mapping, o);
            case "bad_timestamp" -> timestamps(o);
            case "bad_json" -> json(head, n, o);
            case "duplicate_message" -> "its messages repeat ones already read (a re-sent export?): the first copy of each was scored, "
                    + "nothing is lost";
            case "unmatched_rating" -> "its ratings rate no conversation of the run: a ratings file of another day or shop, or chats"
                    + " grouped by a conversation id the ratings do not carry (docs/mappings.md, Ratings files)";
            case "unknown_role" -> "sender roles such as " + quoted(o.detail()) + " are not known: add them under roles: in a mapping "
                    + "(e.g. roles: {\"" + quoted(o.detail()) + "\": agent}; docs/mappings.md)";
            default -> null;
        };
        return why != null ? why : String.format("%,d of %,d rows were quarantined as %s; the first: %s", o.reasonRows(), o.read(),
                o.reason(), o.detail());
    }

    private static String encoding(byte[] head, int n, ExportMapping mapping, FileOutcome o) {
        if (o.detail() != null && o.detail().startsWith("the encoding cannot be told")) {
            return o.detail();
        }
        EncodingSniffer.Sniffed sniffed = EncodingSniffer.sniff(head, n);
        if (!"auto".equals(mapping.encoding()) && sniffed.refusal() == null
                && !sniffed.encoding().label().equals(mapping.encoding())) {
            return "the mapping declares encoding: " + mapping.encoding() + ", but the file looks like " + sniffed.encoding().label()
                    + ": change encoding: in " + mapping.source() + " (or use auto)";
        }
        return "nearly every line has bytes that are not valid " + (sniffed.refusal() == null ? sniffed.encoding().label() : "text")
                + ": is this an export file? (" + o.detail() + ")";
    }

    private static String header(byte[] head, int n, ExportMapping mapping, FileOutcome o) {
        List<String> names = headerNames(head, n, mapping, o.file());
        if (names.isEmpty()) {
            return null;
        }
        if (names.size() == 1) {
            char likely = likelyDelimiter(names.get(0));
            if (likely != 0) {
                return "the header is one column when split at '" + printable(mapping.delimiterFor(o.file())) + "', but the file looks "
                        + printable(likely) + "-separated: set delimiter: \"" + printable(likely) + "\" in a mapping (docs/mappings.md)";
            }
        }
        Map<CanonicalField, String> guess = new LinkedHashMap<>();
        Map<String, CanonicalField> aliases = Aliases.BY_NAME;
        for (String name : names) {
            CanonicalField f = aliases.get(name.strip().toLowerCase(Locale.ROOT));
            if (f != null) {
                guess.putIfAbsent(f, name.strip());
            }
        }
        StringBuilder sb = new StringBuilder("the header ").append(String.join(", ", names.subList(0, Math.min(8, names.size()))))
                .append(names.size() > 8 ? ", …" : "").append(" matches no column of ").append(mapping.source());
        if (guess.containsKey(CanonicalField.TEXT) && guess.containsKey(CanonicalField.SENDER_ROLE)) {
            sb.append("; it looks like a mapping with columns: ");
            List<String> lines = new ArrayList<>();
            guess.forEach((f, name) -> lines.add(f.column() + ": " + name));
            sb.append(String.join(", ", lines)).append(" (write them in a mapping file, docs/mappings.md, and pass --mapping FILE)");
        } else {
            sb.append(" (").append(o.detail()).append("); write a mapping for this layout (docs/mappings.md)");
        }
        String closest = MappingLoader.closestBuiltIn(names);
        if (closest != null) {
            sb.append("; closest built-in mapping: ").append(closest);
        }
        return sb.toString();
    }

    private static String timestamps(FileOutcome o) {
        String value = quoted(o.detail());
        if (value == null) {
            return null;
        }
        if (o.detail().contains("time of day without a date")) {
            return "timestamps are times of day without a date (" + value + "): pass --date YYYY-MM-DD to put them on that day";
        }
        String pattern = TimePatternGuess.of(value);
        return "timestamps look like '" + value + "', a form chatqa does not read by itself: add time_format: '"
                + (pattern == null ? "<java.time pattern>" : pattern) + "' to a mapping (docs/mappings.md)";
    }

    private static String json(byte[] head, int n, FileOutcome o) {
        String text = new String(head, 0, n, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        if (text.startsWith("[")) {
            return "this is one JSON array, not JSON Lines (one object per line): convert it, e.g. jq -c '.[]' "
                    + new java.io.File(o.file()).getName();
        }
        return null;
    }

    private static List<String> headerNames(byte[] head, int n, ExportMapping mapping, String file) {
        String first = firstLine(head, n);
        if (first == null) {
            return List.of();
        }
        DelimitedRecord record = new DelimitedRecord(mapping.delimiterFor(file), mapping.quote());
        record.feed(first);
        return record.fields();
    }

    /** The first line, decoded in the encoding the file sniffs as (null when it does not decode). */
    private static String firstLine(byte[] head, int n) {
        EncodingSniffer.Sniffed sniffed = EncodingSniffer.sniff(head, n);
        if (sniffed.refusal() != null) {
            return null;
        }
        try (InputStream in = new java.io.ByteArrayInputStream(head, 0, n)) {
            in.skipNBytes(sniffed.bomBytes());
            InputStream text = sniffed.encoding().isUtf16() ? new Utf16Transcoder(in, sniffed.encoding()) : in;
            TextLines.Line line = new TextLines(text, sniffed.encoding().isUtf16() ? StandardCharsets.UTF_8
                    : sniffed.encoding().charset()).next();
            return line == null ? null : line.text();
        } catch (IOException e) {
            return null;
        }
    }

    /** The separator a one-column header is full of, or 0. */
    private static char likelyDelimiter(String header) {
        char best = 0;
        int most = 1;
        for (char c : new char[] {'\t', ';', '|', ','}) {
            int k = count(header, c);
            if (k > most) {
                best = c;
                most = k;
            }
        }
        return best;
    }

    private static String quoted(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = QUOTED.matcher(detail);
        return m.find() ? m.group(1) : null;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
    }

    private static boolean startsWith(byte[] b, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Header names of the resource, lower-cased, to their canonical field. */
    private static final class Aliases {
        static final Map<String, CanonicalField> BY_NAME = load();

        private static Map<String, CanonicalField> load() {
            try (InputStream in = ExportDiagnosis.class.getResourceAsStream(ALIASES)) {
                if (in == null) {
                    throw new IllegalStateException("cannot find " + ALIASES + " in the jar");
                }
                Map<String, CanonicalField> out = new HashMap<>();
                YamlTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), ALIASES).entries().forEach((field, list) -> {
                    for (YamlTree item : list.items()) {
                        out.putIfAbsent(item.text().strip().toLowerCase(Locale.ROOT), CanonicalField.fromColumn(field));
                    }
                });
                return out;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + ALIASES + " from the jar", e);
            }
        }
    }
}
