package chatqa.config;

/** Defaults that more than one command or component shares, declared once. */
public final class Defaults {
    /** The shops' time zone: timestamps without a zone are read in it, and a day is a day in it. */
    public static final String TIMEZONE = "Asia/Shanghai";

    private Defaults() {
    }
}
