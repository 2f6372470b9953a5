package chatqa.publish;

import java.util.List;

/**
 * A result table for the terminal. Chinese characters take two columns in a terminal, so widths
 * count them double and the columns stay aligned.
 */
public final class TextTable {
    private static final int MAX_CELL = 60;

    private TextTable() {
    }

    public static String render(List<String> header, List<Object[]> rows, boolean more) {
        int n = header.size();
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = header.toArray(new String[0]);
        for (int r = 0; r < rows.size(); r++) {
            cells[r + 1] = new String[n];
            for (int c = 0; c < n; c++) {
                cells[r + 1][c] = text(rows.get(r)[c]);
            }
        }
        int[] widths = new int[n];
        for (String[] row : cells) {
            for (int c = 0; c < n; c++) {
                widths[c] = Math.max(widths[c], width(row[c]));
            }
        }
        StringBuilder sb = new StringBuilder();
        String rule = rule(widths);
        sb.append(rule);
        for (int r = 0; r < cells.length; r++) {
            sb.append('|');
            for (int c = 0; c < n; c++) {
                sb.append(' ').append(cells[r][c]).append(" ".repeat(widths[c] - width(cells[r][c]))).append(" |");
            }
            sb.append('\n');
            if (r == 0) {
                sb.append(rule);
            }
        }
        sb.append(rule);
        sb.append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(more ? " shown (more not shown; raise --limit)" : "").append('\n');
        return sb.toString();
    }

    private static String rule(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.append('\n').toString();
    }

    private static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        String s = v instanceof Double d ? CsvTable.cell(d) : v.toString();
        s = s.replace('\n', ' ').replace('\r', ' ');
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }

    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF)
                    || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}
