package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import chatqa.config.ConfigError;

/**
 * {@code --mapping auto}: which layout an export is, from its first record — the header of
 * delimited text, the keys of the first JSON object. A built-in mapping is chosen when the file
 * has every column it names (nested paths by their first key); among several, the one naming
 * most; the canonical schema when its required columns are there. A run's files must agree.
 */
public final class LayoutDetection {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of a file's start is read to find its first record. */
    private static final int SAMPLE_LINES = 20;

    private LayoutDetection() {
    }

    /** What a file's first record showed, and the mapping chosen for it (null: none fits). */
    public record Detected(Path file, List<String> columns, String preset, ExportMapping mapping) {
    }

    /**
     * The one mapping for all files under {@code inputs}, with a line saying what was chosen; a
     * {@link ConfigError} when files disagree. Paths that are not local (s3a://…) and empty inputs
     * get the canonical schema.
     */
    public static Chosen choose(List<String> inputs) throws IOException {
        Set<Path> files = new TreeSet<>(Comparator.comparing(Path::toString));
        for (String input : inputs) {
            if (input.contains("://") || !Files.exists(Path.of(input))) {
                return new Chosen(ExportMapping.canonical(), "mapping: auto, canonical schema (inputs not on this machine)");
            }
            try (Stream<Path> s = Files.walk(Path.of(input))) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).filter(LayoutDetection::export)
                        .forEach(files::add);
            }
        }
        Map<String, Detected> byPreset = new LinkedHashMap<>();
        for (Path f : files) {
            Detected d = detect(f);
            byPreset.putIfAbsent(d.preset() == null ? "canonical" : d.preset(), d);
        }
        if (byPreset.size() > 1) {
            StringBuilder sb = new StringBuilder("--mapping auto: the input holds more than one layout; score them in separate runs or pass --mapping:");
            byPreset.forEach((name, d) -> sb.append("\n  ").append(d.file()).append(": ").append(name));
            throw new ConfigError(sb.toString());
        }
        if (byPreset.isEmpty()) {
            return new Chosen(ExportMapping.canonical(), "mapping: auto, canonical schema (no files)");
        }
        Detected d = byPreset.values().iterator().next();
        return d.preset() == null
                ? new Chosen(ExportMapping.canonical(), "mapping: auto, canonical schema")
                : new Chosen(d.mapping(), "mapping: auto, recognised " + d.preset() + " (" + d.mapping().source() + ") from "
                + d.file().getFileName());
    }

    /** Files the run reads as exports (and zips, which may be Qiyu's); workbooks of old and archives of other kinds are not looked at. */
    private static boolean export(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !(n.endsWith(".xls") || n.endsWith(".gz") || n.endsWith(".7z") || n.endsWith(".rar") || n.endsWith(".pdf"));
    }

    /** The mapping chosen and the line that says so. */
    public record Chosen(ExportMapping mapping, String said) {
    }

    /** The layout of one file (of a workbook: of its first sheet that fits a preset). */
    public static Detected detect(Path file) throws IOException {
        if (ExportFormat.fromFileName(file.toString()) == ExportFormat.XLSX) {
            Detected first = null;
            for (XlsxExportReader.Sheet sheet : XlsxExportReader.sheets(file)) {
                Detected d = detect(file, sheet.header());
                if (d.preset() != null) {
                    return d;
                }
                first = first == null ? d : first;
            }
            return first != null ? first : new Detected(file, List.of(), null, null);
        }
        if (file.toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                boolean qiyu = zip.stream().anyMatch(e -> e.getName().equals(QiyuZipReader.MESSAGES)
                        || e.getName().endsWith("/" + QiyuZipReader.MESSAGES));
                if (qiyu) {
                    return new Detected(file, List.of(QiyuZipReader.MESSAGES), QIYU, MappingLoader.load(QIYU));
                }
            } catch (java.util.zip.ZipException e) {
                // not a zip after all: the reader says so
            }
        }
        String first = firstLine(file);
        String head = head(file);
        if ((head.startsWith("{") || head.startsWith("[")) && head.contains("\"dialogue\"")
                && (head.contains("\"tickets\"") || head.contains("\"tid\""))) {
            return new Detected(file, List.of("tickets", "dialogue"), SCA, MappingLoader.load(SCA));
        }
        if (first != null && ChatCopyExportReader.opensMessage(first)) {
            return new Detected(file, List.of(first), CHAT_COPY, MappingLoader.load(CHAT_COPY));
        }
        List<String> columns = firstRecordColumns(file);
        return detect(file, columns);
    }

    /** The preset of Alibaba Cloud SCA's text upload, recognised by its tickets and dialogue keys on the first line. */
    private static final String SCA = "aliyun-sca";

    /** The preset of Qiyu's export zip, recognised by its message.txt. */
    private static final String QIYU = "qiyu-export";

    /** The preset of the chat-window copy, recognised by its first line rather than by columns. */
    private static final String CHAT_COPY = "taobao-chat-copy";

    /** The file's first lines joined, for layouts a single line does not show (a pretty-printed JSON document). */
    private static String head(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            TextLines lines = ExportReader.lines(in, ExportMapping.canonical(), new FileEncoding[1]);
            TextLines.Line line;
            for (int i = 0; i < SAMPLE_LINES && (line = lines.next()) != null && sb.length() < 4096; i++) {
                if (line.text() != null) {
                    sb.append(line.text().strip());
                }
            }
        }
        return sb.toString();
    }

    private static String firstLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            TextLines lines = ExportReader.lines(in, ExportMapping.canonical(), new FileEncoding[1]);
            TextLines.Line line;
            for (int i = 0; i < SAMPLE_LINES && (line = lines.next()) != null; i++) {
                if (line.text() != null && !line.text().isBlank()) {
                    return line.text().strip();
                }
            }
        }
        return null;
    }

    static Detected detect(Path file, List<String> columns) {
        Set<String> seen = new HashSet<>();
        columns.forEach(c -> seen.add(c.strip().toLowerCase(Locale.ROOT)));
        String best = null;
        ExportMapping bestMapping = null;
        int most = 0;
        for (String name : MappingLoader.BUILT_IN) {
            ExportMapping m = MappingLoader.load(name);
            ExportFormat fileFormat = ExportFormat.fromFileName(file.toString());
            if (!m.header() || m.format() == ExportFormat.CHAT_COPY || m.format() == ExportFormat.QIYU_ZIP
                    || m.format() == ExportFormat.SCA_TICKETS
                    || (m.format() != null && m.format() != fileFormat)) {
                continue;
            }
            List<String> named = namedColumns(m);
            if (!named.isEmpty() && seen.containsAll(named) && named.size() > most) {
                best = name;
                bestMapping = m;
                most = named.size();
            }
        }
        return new Detected(file, columns, best, bestMapping);
    }

    /** The first keys of the columns a mapping reads (a path's first key), lower case. */
    static List<String> namedColumns(ExportMapping m) {
        List<String> out = new ArrayList<>();
        // A rating or a group is on some rows only (the rated sessions'): it does not tell a layout.
        m.columns().entrySet().stream().filter(e -> !e.getKey().optional()).map(Map.Entry::getValue)
                .filter(c -> !c.byIndex()).forEach(c -> {
            String n = c.name().strip().toLowerCase(Locale.ROOT);
            out.add(n.contains(".") ? n.substring(0, n.indexOf('.')) : n);
        });
        // The kind column is not layout-telling either: the chat API gives it only when asked for it.
        if (m.botWhen() != null) {
            out.add(m.botWhen().name().strip().toLowerCase(Locale.ROOT));
        }
        return out.stream().distinct().toList();
    }

    /** The header's names or the first JSON object's keys; empty when the start is neither. */
    private static List<String> firstRecordColumns(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            TextLines lines = ExportReader.lines(in, ExportMapping.canonical(), new FileEncoding[1]);
            TextLines.Line line;
            for (int i = 0; i < SAMPLE_LINES && (line = lines.next()) != null; i++) {
                String t = line.text();
                if (t == null || t.isBlank()) {
                    continue;
                }
                t = t.strip();
                if (t.startsWith("{")) {
                    try {
                        JsonNode node = JSON.readTree(t);
                        List<String> keys = new ArrayList<>();
                        node.fieldNames().forEachRemaining(keys::add);
                        return keys;
                    } catch (IOException e) {
                        return List.of();
                    }
                }
                char delimiter = t.indexOf('\t') >= 0 && t.indexOf(',') < 0 ? '\t' : ',';
                DelimitedRecord record = new DelimitedRecord(delimiter, '"');
                record.feed(t);
                return record.fields();
            }
        }
        return List.of();
    }
}
