package chatqa.ingest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole conversation written into one field, as desks that export one row per conversation
 * write it (美洽's {@code conv_content}). Each message opens with a line naming its speaker and
 * time, in any of the spellings desks use:
 * <ul>
 *   <li>{@code 客服小美 2026-11-20 10:00:05} alone on a line, the text on the lines after (the chat
 *   window's own header, as agents copy it);</li>
 *   <li>{@code 2026-11-20 10:00:05 客服小美：您好} or {@code [10:00:05] 访客: 在吗} — time, speaker, a
 *   colon (ASCII or full-width), then the text;</li>
 *   <li>{@code 客服小美 (2026-11-20 10:00:05)：您好} — speaker, time, colon, text.</li>
 * </ul>
 * Lines that open no message continue the one before. A time of day without a date takes the
 * date of the conversation, moving to the next day when the clock goes back past midnight.
 * Who the speaker is (customer, agent, bot) is the caller's to decide.
 */
final class Transcript {
    private static final String DATE = "\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}";
    /** With seconds: a time a message text mentions (预计 15:00 到) is no header. */
    private static final String CLOCK = "\\d{1,2}:\\d{2}:\\d{2}";
    private static final String TIME = "(?:" + DATE + "[ T]+)?" + CLOCK;
    /** A speaker: a name of up to 40 characters holding no colon, bracket or time. */
    private static final String NAME = "[^\\s:：\\[\\]()（）][^:：\\[\\]()（）]{0,39}?";
    private static final Pattern TIME_FIRST = Pattern.compile(
            "^\\[?(" + TIME + ")\\]?\\s*(" + NAME + ")\\s*[:：]\\s?(.*)$");
    private static final Pattern NAME_FIRST = Pattern.compile(
            "^(" + NAME + ")\\s*[(（\\[]?(" + TIME + ")[)）\\]]?\\s*(?:[:：]\\s?(.*))?$");
    private static final Pattern DATE_PART = Pattern.compile("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");

    private Transcript() {
    }

    /**
     * One message of a transcript.
     *
     * @param speaker the name the transcript gives
     * @param time    as written, or with the conversation's date put before a time of day
     * @param text    the message, its lines joined by a newline; empty when it had none
     * @param line    its 0-based line within the field
     */
    record Entry(String speaker, String time, String text, int line) {
    }

    /**
     * The messages of a transcript, and the text before the first of them (null when there is
     * none: a transcript opens with a message).
     */
    record Split(List<Entry> entries, String preamble) {
    }

    /** Splits {@code content}; {@code day} is the conversation's date for times of day (null: they stay as written). */
    static Split split(String content, LocalDate day) {
        List<Entry> entries = new ArrayList<>();
        StringBuilder preamble = new StringBuilder();
        String[] lines = content.split("\r?\n", -1);
        String speaker = null;
        String time = null;
        int opened = -1;
        StringBuilder text = new StringBuilder();
        LocalDate date = day;
        LocalTime last = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            String[] header = header(l);
            if (header != null) {
                if (speaker != null) {
                    entries.add(new Entry(speaker, time, text.toString(), opened));
                }
                speaker = header[0];
                String written = header[1];
                if (!DATE_PART.matcher(written).find() && date != null) {
                    LocalTime t = clock(written);
                    if (t != null && last != null && t.isBefore(last)) {
                        date = date.plusDays(1);
                    }
                    last = t == null ? last : t;
                    written = date + " " + written;
                }
                time = written;
                opened = i;
                text.setLength(0);
                text.append(header[2]);
            } else if (speaker == null) {
                if (!l.isEmpty()) {
                    preamble.append(preamble.length() > 0 ? "\n" : "").append(l);
                }
            } else if (!l.isEmpty()) {
                text.append(text.length() > 0 ? "\n" : "").append(l);
            }
        }
        if (speaker != null) {
            entries.add(new Entry(speaker, time, text.toString(), opened));
        }
        return new Split(entries, preamble.length() == 0 ? null : preamble.toString());
    }

    /** The conversation's date from a time as an export writes it ({@code 2026-11-20 …}), or null. */
    static LocalDate dateOf(String time) {
        if (time == null) {
            return null;
        }
        Matcher m = DATE_PART.matcher(time.strip());
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Speaker, time and same-line text of a line that opens a message, or null. */
    private static String[] header(String line) {
        Matcher m = TIME_FIRST.matcher(line);
        if (m.matches()) {
            return new String[] {m.group(2).strip(), m.group(1).strip(), m.group(3).strip()};
        }
        m = NAME_FIRST.matcher(line);
        if (m.matches()) {
            return new String[] {m.group(1).strip(), m.group(2).strip(), m.group(3) == null ? "" : m.group(3).strip()};
        }
        return null;
    }

    private static LocalTime clock(String written) {
        String[] p = written.strip().split(":");
        try {
            return LocalTime.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), p.length > 2 ? Integer.parseInt(p[2]) : 0);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }
}
