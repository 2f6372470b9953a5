package chatqa.publish;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word a report reader sees, in the report's language: the {@code chatqa/report/messages}
 * bundles (zh_CN, en), plus the rule book's own names of its scenarios. Numbers with units and days
 * are written the language's way (12秒, 3分05秒, 2026年11月20日, 1.2万).
 */
public final class Words {
    private static final String BUNDLE = "chatqa.report.messages";

    private final ReportLanguage language;
    private final ResourceBundle bundle;
    private final Map<String, String> scenarioTitles;
    private final Map<String, String> all;

    private Words(ReportLanguage language, Map<String, String> scenarioTitles) {
        this.language = language;
        // No fallback to the machine's default locale: a report is in the language asked for, whatever the JVM's.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.scenarioTitles = Map.copyOf(scenarioTitles);
        Map<String, String> m = new HashMap<>();
        for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
            String k = keys.nextElement();
            m.put(k, bundle.getString(k));
        }
        this.all = Collections.unmodifiableMap(m);
    }

    /** The words of a language; {@code scenarioTitles} maps scenario names to what the rule book calls them. */
    public static Words of(ReportLanguage language, Map<String, String> scenarioTitles) {
        return new Words(language, scenarioTitles);
    }

    /** The words of a language, with the scenario names of {@code book}. */
    public static Words of(ReportLanguage language, chatqa.rules.RuleBook book) {
        Map<String, String> titles = new HashMap<>();
        book.scenarios().forEach(s -> titles.put(s.name(), s.title()));
        return of(language, titles);
    }

    public static Words of(ReportLanguage language) {
        return of(language, Map.of());
    }

    public ReportLanguage language() {
        return language;
    }

    /** The word for a key; a key missing from the bundle is a defect (BundleParityTest keeps the bundles' keys equal). */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("report word '" + key + "' missing from the " + language.code() + " bundle", e);
        }
    }

    /** The word for a key with {0}, {1} … replaced by {@code args} as given (no MessageFormat quoting rules). */
    public String format(String key, Object... args) {
        String s = get(key);
        for (int i = args.length - 1; i >= 0; i--) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** Every word, for templates ({@code {{w.key}}}). */
    public Map<String, String> all() {
        return all;
    }

    /** A word for a code (outcome.resolved_in_chat, category.greeting), or the code itself when there is none. */
    public String named(String prefix, String code) {
        if (code == null) {
            return "";
        }
        String key = prefix + "." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    public String outcome(String code) {
        return named("outcome", code);
    }

    public String category(String code) {
        return named("category", code);
    }

    public String role(String code) {
        return named("role", code);
    }

    /** The scenario as the rule book names it (讲价), the bundle's word for {@code other}, else its name. */
    public String scenario(String name) {
        String title = scenarioTitles.get(name);
        return title != null ? title : named("scenario", name);
    }

    private static final java.util.regex.Pattern SLA_COLUMN = java.util.regex.Pattern.compile("sla_(\\d+)s_rate");

    /** A warehouse column's header in the CSV for people: 质检分 for qa_score; the column name where there is no word. */
    public String csvHeader(String column) {
        java.util.regex.Matcher sla = SLA_COLUMN.matcher(column);
        if (sla.matches()) {
            return format("csv.sla_rate", sla.group(1));
        }
        return named("csv", column);
    }

    /** A day: 2026年11月20日 or 2026-11-20. */
    public String day(String isoDay) {
        if (language != ReportLanguage.ZH || isoDay == null) {
            return isoDay;
        }
        LocalDate d = LocalDate.parse(isoDay);
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A short day for chart axes: 11月20日 or 11-20. */
    public String shortDay(String isoDay) {
        if (language != ReportLanguage.ZH) {
            return isoDay.substring(5);
        }
        LocalDate d = LocalDate.parse(isoDay);
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A duration in seconds: 8.5秒, 3分05秒, 1小时05分 (or 8.5 s, 3 min 05 s, 1 h 05 min). */
    public String seconds(Double s) {
        if (s == null || s.isNaN()) {
            return Formats.NONE;
        }
        if (s < 60) {
            return format("unit_seconds", String.format(Locale.ROOT, s < 10 ? "%.1f" : "%.0f", s));
        }
        long whole = Math.round(s);
        if (whole < 3600) {
            return format("unit_min_s", whole / 60, String.format(Locale.ROOT, "%02d", whole % 60));
        }
        return format("unit_h_min", whole / 3600, String.format(Locale.ROOT, "%02d", whole % 3600 / 60));
    }

    /** A whole number of seconds as a tier (30秒, 30 s). */
    public String tier(int seconds) {
        return format("unit_seconds", seconds);
    }

    /** A count for a tile: 12,345 in English; 1.2万 and 3.4亿 in Chinese from ten thousand. */
    public String compact(long n) {
        if (language == ReportLanguage.ZH && Math.abs(n) >= 10_000) {
            boolean yi = Math.abs(n) >= 100_000_000;
            double v = n / (yi ? 1e8 : 1e4);
            String num = String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
            return (num.endsWith(".0") ? num.substring(0, num.length() - 2) : num) + (yi ? "亿" : "万");
        }
        return Formats.count(n);
    }

    /** The keys of both bundles (for the parity test). */
    static List<String> keys(ReportLanguage language) {
        return Collections.list(ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getKeys());
    }
}
