package chatqa.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the java.time pattern of a timestamp chatqa could not read, so the diagnosis can say
 * which {@code time_format} to add (11/21/2026 10:00 → M/d/yyyy H:mm). Only a suggestion for the
 * user to check: day-first and month-first dates are told apart by a number above 12 where there
 * is one, and otherwise both are offered.
 */
final class TimePatternGuess {
    private static final Pattern DATE = Pattern.compile("(\\d{1,4})([./\\-])(\\d{1,2})\\2(\\d{1,4})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(:\\d{2})?(\\.\\d{1,9})?");

    private TimePatternGuess() {
    }

    /** The pattern, or null when the value has no recognisable date. */
    static String of(String value) {
        String v = value.trim();
        if (v.matches("\\d{14}")) {
            return "yyyyMMddHHmmss";
        }
        if (v.matches("\\d{8}")) {
            return "yyyyMMdd";
        }
        String[] parts = v.split("[\\sT]+", 2);
        Matcher d = DATE.matcher(parts[0]);
        if (!d.matches()) {
            return null;
        }
        String date = date(d);
        if (date == null) {
            return null;
        }
        if (parts.length == 1) {
            return date;
        }
        Matcher t = TIME.matcher(parts[1]);
        if (!t.matches()) {
            return null;
        }
        String time = "H:mm" + (t.group(3) != null ? ":ss" : "") + (t.group(4) != null ? "." + "S".repeat(t.group(4).length() - 1) : "");
        return date.contains(" or ") ? date.replace(" or ", " " + time + "' or '") + " " + time : date + " " + time;
    }

    private static String date(Matcher d) {
        String sep = d.group(2);
        String a = d.group(1);
        String c = d.group(4);
        if (a.length() == 4) {
            return "yyyy" + sep + "M" + sep + "d";
        }
        if (c.length() != 4 && c.length() != 2) {
            return null;
        }
        String year = c.length() == 4 ? "yyyy" : "yy";
        int first = Integer.parseInt(a);
        int second = Integer.parseInt(d.group(3));
        if (first > 12) {
            return "d" + sep + "M" + sep + year;
        }
        if (second > 12) {
            return "M" + sep + "d" + sep + year;
        }
        return "d" + sep + "M" + sep + year + " or " + "M" + sep + "d" + sep + year;
    }
}
