package chatqa.ingest;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
 * between date and time, optional fraction), the forms Excel and Chinese desk tools write when
 * they re-save a file (2026/11/21 10:00, 2026-1-5 9:03:05, 2026年11月21日 10:00:05), epoch seconds
 * or milliseconds, and any patterns a mapping adds. Times without a zone are in the run's time
 * zone (default Asia/Shanghai). A time of day alone (10:00:05, as some chat-window copies give
 * it) is put on the run's day when one is given ({@code --date}) and counted, so the summary can
 * say so; without a day it is no timestamp.
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

    /** Dates without zero padding, with slashes, dashes or 年月日, and a time to the minute or second. */
    private static final List<DateTimeFormatter> RESAVED = List.of(
            strict("uuuu/M/d[ ]H:mm[:ss][.SSS]"),
            strict("uuuu-M-d[ ]H:mm[:ss][.SSS]"),
            strict("uuuu年M月d日[ ]H:mm[:ss]"),
            strict("uuuu年M月d日[ ]H时mm分[ss秒]"));
    private static final DateTimeFormatter TIME_ONLY = strict("H:mm[:ss][.SSS]");

    private final ZoneId zone;
    private final List<String> extraPatterns;
    private final LocalDate day;
    private transient List<DateTimeFormatter> extra;
    private transient long timeOnlyDated;

    public TimestampParser(ZoneId zone, List<String> extraPatterns) {
        this(zone, extraPatterns, null);
    }

    /** {@code day}: the run's day, which times of day without a date are put on (null: they are rejected). */
    public TimestampParser(ZoneId zone, List<String> extraPatterns, LocalDate day) {
        this.zone = zone;
        this.extraPatterns = List.copyOf(extraPatterns);
        this.day = day;
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Whether the run's day is known (--date). */
    public boolean hasDay() {
        return day != null;
    }

    /** How many values so far were a time of day put on the run's day. */
    public long timeOnlyDated() {
        return timeOnlyDated;
    }

    /** Why {@code text} is no timestamp, for the quarantine's detail. */
    public String whyNot(String text) {
        if (isTimeOfDay(text.trim())) {
            return "'" + text.trim() + "' is a time of day without a date: pass --date YYYY-MM-DD to put such times on that day";
        }
        return "'" + text.trim() + "' is not an ISO-8601 time, 'yyyy-MM-dd HH:mm:ss', 'yyyy/M/d H:mm', 'yyyy年M月d日 H:mm', "
                + "epoch seconds/millis or a mapping's time_format";
    }

    private static boolean isTimeOfDay(String s) {
        try {
            TIME_ONLY.parse(s);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
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
        if (iso != null) {
            return iso;
        }
        Instant mapped = parseWithExtra(s);
        if (mapped != null) {
            return mapped;
        }
        for (DateTimeFormatter f : RESAVED) {
            Instant t = parseWith(f, s);
            if (t != null) {
                return t;
            }
        }
        return day != null && isTimeOfDay(s) ? onDay(s) : null;
    }

    private Instant onDay(String s) {
        timeOnlyDated++;
        return LocalTime.from(TIME_ONLY.parse(s)).atDate(day).atZone(zone).toInstant();
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
