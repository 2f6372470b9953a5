package chatqa.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a rule book's regular expression with a time and stack budget. Java's regex engine
 * backtracks, so a pattern such as {@code (a|a)+b} recurses once per character and overflows the
 * stack on a long message, or takes exponential time: without a budget one bad pattern and one
 * long message end the night. The text is read through a {@link CharSequence} that checks the
 * clock every few thousand characters the engine looks at, and a stack overflow is caught where
 * the match started; either becomes a {@link Failure} naming what happened, for the caller to
 * record against the rule.
 */
public final class GuardedRegex {
    /** What one regex may spend on one message at scoring time. */
    public static final long SCORING_BUDGET_NANOS = 500_000_000L;
    private static final int CHECK_EVERY = 4096;

    private GuardedRegex() {
    }

    /** The regex ran out of time or stack on a text. */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** Every non-empty match of {@code regex} in {@code text}, within {@code budgetNanos}. */
    public static List<Span> findAll(Pattern regex, String text, long budgetNanos) {
        List<Span> out = new ArrayList<>(1);
        Deadline input = new Deadline(text, System.nanoTime() + budgetNanos);
        try {
            Matcher m = regex.matcher(input);
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new Span(m.start(), m.end(), text.substring(m.start(), m.end())));
                }
            }
        } catch (StackOverflowError e) {
            throw new Failure("the regular expression overflowed the stack on a " + text.length()
                    + "-character message (nested repetition of alternatives that overlap, such as (a|a)+, backtracks once per character)");
        } catch (Expired e) {
            throw new Failure("the regular expression ran over its " + budgetNanos / 1_000_000 + " ms budget on a "
                    + text.length() + "-character message (catastrophic backtracking)");
        }
        return out;
    }

    private static final class Expired extends RuntimeException {
        Expired() {
            super(null, null, false, false);
        }
    }

    /** The text, checking the deadline now and then as the engine reads it. */
    private static final class Deadline implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Deadline(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if (++reads == CHECK_EVERY) {
                reads = 0;
                if (System.nanoTime() > deadline) {
                    throw new Expired();
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
