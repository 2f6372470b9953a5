package chatqa.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;

/**
 * Writes a report table as CSV for Excel: UTF-8 with a byte-order mark (without it Excel shows
 * Chinese as mojibake), numbers with at most four decimals, and cells that start with = + - @
 * prefixed with an apostrophe so chat text can never run as a formula. The file appears
 * complete or not at all (written beside, then moved).
 */
public final class CsvTable {
    private CsvTable() {
    }

    public static void write(Path file, List<String> header, List<Object[]> rows) throws IOException {
        write(file, header, rows.iterator());
    }

    /** The same for rows streamed one at a time (a table too large to hold). */
    public static void write(Path file, List<String> header, Iterator<Object[]> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp);
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             ICSVWriter csv = new CSVWriter(w, ',', '"', '"', "\r\n")) {
            w.write('\uFEFF');
            csv.writeNext(header.toArray(new String[0]), false);
            while (rows.hasNext()) {
                csv.writeNext(cells(rows.next()), false);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The cells of one row as text. */
    public static String[] cells(Object[] row) {
        String[] cells = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            cells[i] = cell(row[i]);
        }
        return cells;
    }

    /** The text of one cell; formula-like text is neutralised, numbers are not. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "";
            }
            String s = String.format(Locale.ROOT, "%.4f", d);
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
            // A tiny negative (or -0.0) rounds to "-0.0000"; a report should say 0.
            return s.equals("-0") ? "0" : s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
