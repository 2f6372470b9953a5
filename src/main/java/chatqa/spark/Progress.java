package chatqa.spark;

/** Progress lines on standard error, so standard output carries only results. */
public final class Progress {
    private Progress() {
    }

    public static void say(String format, Object... args) {
        System.err.println("chatqa: " + String.format(format, args));
    }
}
