package chatqa.ingest;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the timestamp forms shop exports use: ISO-8601 with or without zone ('T' or a space
 * between date and time, optional fraction), epoch seconds or milliseconds, and any patterns a
 * mapping adds. Times without a zone are in the run's time zone (default Asia/Shanghai).
 */
public final class TimestampParser implements Serializable {
    /** Epoch numbers with this many digits or more are milliseconds (seconds reach 12 digits in year 5138). */
    private static final int MILLIS_DIGITS = 12;
    private static final DateTimeFormatter ISO_LIKE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            // STRICT: an impossible time such as 2024-02-30 is a bad timestamp, not silently Feb 29.
            .withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;
    private final List<String> extraPatterns;
    private transient List<DateTimeFormatter> extra;

    public TimestampParser(ZoneId zone, List<String> extraPatterns) {
        this.zone = zone;
        this.extraPatterns = List.copyOf(extraPatterns);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant, or null when the text is in no known form. */
    public Instant parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            // A mapping pattern of digits (yyyyMMddHHmmss) knows the export better than the epoch guess.
            Instant mapped = parseWithExtra(s);
            if (mapped != null) {
                return mapped;
            }
            if (s.length() > 18) {
                return null;
            }
            long n = Long.parseLong(s);
            return s.length() >= MILLIS_DIGITS ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        Instant iso = parseWith(ISO_LIKE, s);
        return iso != null ? iso : parseWithExtra(s);
    }

    private Instant parseWithExtra(String s) {
        for (DateTimeFormatter f : extraFormatters()) {
            Instant t = parseWith(f, s);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private Instant parseWith(DateTimeFormatter f, String s) {
        try {
            TemporalAccessor t = f.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            if (t instanceof OffsetDateTime odt) {
                return odt.toInstant();
            }
            return ((LocalDateTime) t).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private List<DateTimeFormatter> extraFormatters() {
        if (extra == null) {
            List<DateTimeFormatter> list = new ArrayList<>();
            for (String p : extraPatterns) {
                list.add(DateTimeFormatter.ofPattern(p));
            }
            extra = list;
        }
        return extra;
    }
}
