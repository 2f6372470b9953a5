package chatqa.job;

/**
 * Progress lines on standard error, so standard output carries only results. Each line carries
 * the seconds since the JVM started, so a slow step shows in a night's log without a profiler.
 */
public final class Progress {
    private Progress() {
    }

    public static void say(String format, Object... args) {
        double seconds = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.err.println(String.format("chatqa: [%6.1f s] ", seconds) + String.format(format, args));
    }
}
