package chatqa.publish;

import java.util.Locale;

/** How numbers read in the HTML report: rates as whole percents, scores with one decimal, "—" for nothing. */
final class Formats {
    static final String NONE = "—";

    private Formats() {
    }

    static String percent(Double share) {
        return share == null || share.isNaN() ? NONE : Math.round(100 * share) + "%";
    }

    static String score(Double v) {
        return v == null || v.isNaN() ? NONE : String.format(Locale.ROOT, "%.1f", v);
    }

    /** A satisfaction estimate on its −2..2 scale, signed: +0.8, −1.2. */
    static String satisfaction(Double v) {
        if (v == null || v.isNaN()) {
            return NONE;
        }
        return (v < -0.005 ? "−" : "+") + String.format(Locale.ROOT, "%.1f", Math.abs(v));
    }

    static String signed(Double v) {
        if (v == null || v.isNaN()) {
            return NONE;
        }
        double r = Math.round(v * 10) / 10.0;
        if (r == 0) {
            return "±0.0";
        }
        return (r > 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f", Math.abs(r));
    }

    /** CSS class of a change: up, down or flat. */
    static String trend(Double v) {
        if (v == null || v.isNaN() || Math.round(v * 10) == 0) {
            return "flat";
        }
        return v > 0 ? "up" : "down";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String sentiment(Double v) {
        return v == null || v.isNaN() ? NONE : String.format(Locale.ROOT, "%+.2f", v).replace('-', '−');
    }
}
