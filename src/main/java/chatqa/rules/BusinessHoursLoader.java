package chatqa.rules;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import chatqa.config.Defaults;
import chatqa.config.YamlTree;

/**
 * Reads the rule book's {@code business_hours:} section: {@code timezone}, {@code weekly} (weekday
 * or range keys — {@code mon-fri}, {@code sat}, {@code daily} — to {@code HH:MM-HH:MM} intervals,
 * comma-separated, or {@code closed}), {@code closed} (days off), {@code special} (days with their
 * own hours) and {@code shops} (a shop's own calendar; what it leaves out it takes from the
 * section). Every mistake names its line.
 */
final class BusinessHoursLoader {
    private static final Set<String> KEYS = Set.of("timezone", "weekly", "closed", "special", "shops");
    private static final Set<String> SHOP_KEYS = Set.of("timezone", "weekly", "closed", "special");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    private BusinessHoursLoader() {
    }

    static ShopHours read(YamlTree node) {
        if (node == null) {
            return ShopHours.ALWAYS_OPEN;
        }
        node.rejectUnknownKeys(KEYS);
        BusinessHours defaults = calendar(node, null);
        Map<String, BusinessHours> shops = new HashMap<>();
        YamlTree s = node.get("shops");
        if (s != null) {
            s.entries().forEach((shop, spec) -> {
                spec.rejectUnknownKeys(SHOP_KEYS);
                shops.put(shop, calendar(spec, defaults));
            });
        }
        return new ShopHours(defaults, shops);
    }

    /** One calendar; {@code inherited} fills the keys a shop's block leaves out. */
    private static BusinessHours calendar(YamlTree node, BusinessHours inherited) {
        ZoneId zone = inherited != null ? inherited.zone() : ZoneId.of(Defaults.TIMEZONE);
        YamlTree tz = node.get("timezone");
        if (tz != null) {
            try {
                zone = ZoneId.of(tz.text());
            } catch (DateTimeException e) {
                throw tz.error("unknown time zone '" + tz.text() + "' (e.g. Asia/Shanghai)");
            }
        }
        Map<DayOfWeek, List<BusinessHours.Interval>> weekly = inherited != null ? inherited.weekly()
                : BusinessHours.allWeek(List.of(BusinessHours.Interval.WHOLE_DAY));
        YamlTree w = node.get("weekly");
        if (w != null) {
            weekly = weekly(w);
        }
        Set<LocalDate> closed = inherited != null ? inherited.closed() : Set.of();
        YamlTree c = node.get("closed");
        if (c != null) {
            Set<LocalDate> days = new HashSet<>();
            for (YamlTree d : c.items()) {
                days.add(date(d, d.text()));
            }
            closed = days;
        }
        Map<LocalDate, List<BusinessHours.Interval>> special = inherited != null ? inherited.special() : Map.of();
        YamlTree sp = node.get("special");
        if (sp != null) {
            Map<LocalDate, List<BusinessHours.Interval>> days = new HashMap<>();
            sp.entries().forEach((day, hours) -> days.put(date(hours, day), intervals(hours)));
            special = days;
        }
        return new BusinessHours(zone, weekly, closed, special);
    }

    private static Map<DayOfWeek, List<BusinessHours.Interval>> weekly(YamlTree w) {
        Map<DayOfWeek, List<BusinessHours.Interval>> out = new EnumMap<>(DayOfWeek.class);
        w.entries().forEach((key, hours) -> {
            List<BusinessHours.Interval> intervals = intervals(hours);
            for (DayOfWeek d : days(hours, key.strip().toLowerCase(Locale.ROOT))) {
                if (out.put(d, intervals) != null) {
                    throw hours.error("weekly: " + DAYS.get(d.ordinal()) + " is given twice");
                }
            }
        });
        return out;
    }

    /** mon, mon-fri, daily. */
    private static List<DayOfWeek> days(YamlTree where, String key) {
        if (key.equals("daily")) {
            return List.of(DayOfWeek.values());
        }
        String[] range = key.split("-", -1);
        int from = DAYS.indexOf(range[0].strip());
        int to = range.length == 2 ? DAYS.indexOf(range[1].strip()) : from;
        if (range.length > 2 || from < 0 || to < 0 || to < from) {
            throw where.error("weekly: '" + key + "' is not a weekday (mon … sun), a range like mon-fri, or daily");
        }
        List<DayOfWeek> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(DayOfWeek.values()[i]);
        }
        return out;
    }

    /** "09:00-18:00, 19:00-22:00", "00:00-24:00" or "closed". */
    private static List<BusinessHours.Interval> intervals(YamlTree node) {
        String text = node.text().strip();
        if (text.equalsIgnoreCase("closed")) {
            return List.of();
        }
        List<BusinessHours.Interval> out = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = INTERVAL.matcher(part.strip());
            if (!m.matches()) {
                throw node.error("'" + part.strip() + "' is not an interval HH:MM-HH:MM (or closed)");
            }
            int sh = Integer.parseInt(m.group(1));
            int sm = Integer.parseInt(m.group(2));
            int eh = Integer.parseInt(m.group(3));
            int em = Integer.parseInt(m.group(4));
            boolean toMidnight = eh == 24 && em == 0;
            if (sh > 23 || sm > 59 || (!toMidnight && (eh > 23 || em > 59))) {
                throw node.error("'" + part.strip() + "': hours are 00-23 (24:00 for midnight at the end), minutes 00-59");
            }
            LocalTime start = LocalTime.of(sh, sm);
            LocalTime end = toMidnight ? LocalTime.MIDNIGHT : LocalTime.of(eh, em);
            if (!toMidnight && !end.isAfter(start)) {
                throw node.error("'" + part.strip() + "': the end must come after the start (an interval past midnight is two: "
                        + "22:00-24:00 on one day and 00:00-02:00 on the next)");
            }
            out.add(new BusinessHours.Interval(start, end, toMidnight));
        }
        return out;
    }

    private static LocalDate date(YamlTree where, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw where.error("'" + text + "' is not a date YYYY-MM-DD");
        }
    }
}
