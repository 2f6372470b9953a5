package chatqa.rules;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a shop's agents are at work: opening hours per weekday, closed days (holidays) and special
 * days with their own hours (618, 双11), in the shop's time zone. Waits are measured in open time
 * only, so a customer who writes at 02:00 to a shop that opens at 09:00 has waited nothing until
 * 09:00. {@link #ALWAYS_OPEN}, the default, measures plain elapsed time.
 *
 * @param weekly   each weekday's open intervals (empty: closed that weekday)
 * @param closed   days closed all day, whatever their weekday
 * @param special  days with their own intervals instead of their weekday's
 */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, List<Interval>> weekly, Set<LocalDate> closed,
                            Map<LocalDate, List<Interval>> special) implements Serializable {

    /** Open around the clock: waits are elapsed time (chatqa's behaviour without business hours). */
    public static final BusinessHours ALWAYS_OPEN = new BusinessHours(ZoneId.of("UTC"), allWeek(List.of(Interval.WHOLE_DAY)), Set.of(), Map.of());

    /** One open interval of a day, {@code [start, end)}; an end of 24:00 is midnight at the day's end. */
    public record Interval(LocalTime start, LocalTime end, boolean toMidnight) implements Serializable {
        public static final Interval WHOLE_DAY = new Interval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, true);

        long startSecond() {
            return start.toSecondOfDay();
        }

        long endSecond() {
            return toMidnight ? 86_400 : end.toSecondOfDay();
        }
    }

    public BusinessHours {
        EnumMap<DayOfWeek, List<Interval>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, List.copyOf(weekly.getOrDefault(d, List.of())));
        }
        weekly = w;
        closed = Set.copyOf(closed);
        special = Map.copyOf(special);
    }

    static Map<DayOfWeek, List<Interval>> allWeek(List<Interval> hours) {
        EnumMap<DayOfWeek, List<Interval>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, hours);
        }
        return w;
    }

    public boolean alwaysOpen() {
        return this.equals(ALWAYS_OPEN) || (closed.isEmpty() && special.isEmpty()
                && weekly.values().stream().allMatch(l -> l.equals(List.of(Interval.WHOLE_DAY))));
    }

    /** The open intervals of one calendar day. */
    public List<Interval> on(LocalDate day) {
        if (closed.contains(day)) {
            return List.of();
        }
        List<Interval> s = special.get(day);
        return s != null ? s : weekly.get(day.getDayOfWeek());
    }

    /** Whether the shop is open at {@code t}. */
    public boolean isOpen(Instant t) {
        if (alwaysOpen()) {
            return true;
        }
        ZonedDateTime z = t.atZone(zone);
        long second = z.toLocalTime().toSecondOfDay();
        return on(z.toLocalDate()).stream().anyMatch(i -> second >= i.startSecond() && second < i.endSecond());
    }

    /** Open seconds from {@code from} to {@code to} (0 when {@code to} is not after {@code from}). */
    public double openSeconds(Instant from, Instant to) {
        double elapsed = (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
        if (alwaysOpen() || elapsed <= 0) {
            return Math.max(0, elapsed);
        }
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        double open = 0;
        // Day by day; a chat waits days at most, so the loop stays short.
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            for (Interval i : on(day)) {
                // Wall-clock times of the day in the zone, so a daylight-saving change moves them as it moves the clocks.
                long start = day.atTime(i.start()).atZone(zone).toInstant().toEpochMilli();
                long end = (i.toMidnight() ? day.plusDays(1).atStartOfDay(zone) : day.atTime(i.end()).atZone(zone)).toInstant().toEpochMilli();
                long s = Math.max(start, from.toEpochMilli());
                long e = Math.min(end, to.toEpochMilli());
                if (e > s) {
                    open += (e - s) / 1000.0;
                }
            }
        }
        return open;
    }
}
