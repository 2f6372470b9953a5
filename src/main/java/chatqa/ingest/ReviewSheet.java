package chatqa.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/**
 * A filled review workbook read back: its first sheet (an .xlsx) or a CSV saved from it, each row
 * as the columns the header names, by the column keys the caller gives for each header text (in
 * either language). Cells are read as the reviewer sees them. A header that names none of the
 * required keys is an error naming the sheet and the missing columns.
 */
public final class ReviewSheet {
    /** One filled row: where it is, and its cells by column key. */
    public record Row(String sheet, long row, Map<String, String> cells) {
        public String get(String key) {
            String v = cells.get(key);
            return v == null ? "" : v.strip();
        }
    }

    /** A workbook that cannot be read as a review sheet. */
    public static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    private ReviewSheet() {
    }

    /**
     * The rows of {@code file}; {@code headers} maps a header text (lower-cased) to its column key,
     * {@code required} lists the keys the header must have. Blank rows are left out.
     */
    public static List<Row> read(Path file, Map<String, String> headers, List<String> required) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<List<String>> cells = new ArrayList<>();
        String sheet;
        if (name.endsWith(".csv")) {
            sheet = file.getFileName().toString();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
                for (String[] line : csv.readAll()) {
                    cells.add(List.of(line));
                }
            } catch (CsvException e) {
                throw new Unreadable(file + ": not a CSV file: " + e.getMessage());
            }
            if (!cells.isEmpty() && !cells.get(0).isEmpty()) {
                List<String> first = new ArrayList<>(cells.get(0));
                first.set(0, first.get(0).replace("\uFEFF", ""));
                cells.set(0, first);
            }
        } else {
            try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
                Sheet s = book.getSheetAt(0);
                sheet = s.getSheetName();
                DataFormatter shown = new DataFormatter();
                for (org.apache.poi.ss.usermodel.Row row : s) {
                    while (cells.size() < row.getRowNum()) {
                        cells.add(List.of());
                    }
                    List<String> values = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        values.add(row.getCell(c) == null ? "" : shown.formatCellValue(row.getCell(c)));
                    }
                    cells.add(values);
                }
            } catch (IOException | RuntimeException e) {
                throw new Unreadable(file + ": not an Excel workbook (.xlsx) or CSV: " + e.getMessage());
            }
        }
        if (cells.isEmpty()) {
            throw new Unreadable(file + ": empty");
        }
        List<String> keys = new ArrayList<>();
        for (String h : cells.get(0)) {
            keys.add(headers.get(h.strip().toLowerCase(Locale.ROOT)));
        }
        List<String> missing = required.stream().filter(k -> !keys.contains(k)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable(file + ", sheet " + sheet + ", row 1: the header lacks the column(s) " + String.join(", ", missing)
                    + " (is this a review workbook written by chatqa review sample?)");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < cells.size(); i++) {
            Map<String, String> byKey = new LinkedHashMap<>();
            List<String> line = cells.get(i);
            for (int c = 0; c < line.size() && c < keys.size(); c++) {
                if (keys.get(c) != null) {
                    byKey.put(keys.get(c), line.get(c));
                }
            }
            if (byKey.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                rows.add(new Row(sheet, i + 1, byKey));
            }
        }
        return rows;
    }
}
