package chatqa.warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a scored run may replace its day in the warehouse. A day already scored is worth more
 * than a night's run that read nothing useful, so a run commits only when it accepted rows, at
 * least {@code minAccepted} of those it read, and its day agrees with the data: most
 * conversations start on the day it is filed under. {@code force} commits anyway (saying so);
 * {@code dateFromData} files the run under the data's own day instead of the --date given. Pure
 * logic on the run's counts, decided before anything is moved.
 *
 * @param minAccepted the least share of read rows that must be accepted, 0..1
 */
public record CommitGate(double minAccepted, boolean force, boolean dateFromData) {
    /** The defaults: half the rows accepted, no forcing. */
    public static final CommitGate DEFAULT = new CommitGate(0.5, false, false);

    public CommitGate {
        if (minAccepted < 0 || minAccepted > 1) {
            throw new IllegalArgumentException("minAccepted must be between 0 and 1, got " + minAccepted);
        }
    }

    /**
     * The verdict: the day to file under (null when it cannot be known), why the run may not
     * commit (empty: it may), and notes for the summary.
     */
    public record Decision(LocalDate day, List<String> refusals, List<String> notes) {
        public Decision {
            refusals = List.copyOf(refusals);
            notes = List.copyOf(notes);
        }

        public boolean commits() {
            return refusals.isEmpty();
        }
    }

    /**
     * @param given     the --date (null: derive it from the data)
     * @param startDays conversations by the day they start on (those with a start time)
     */
    public Decision judge(long read, long accepted, LocalDate given, Map<LocalDate, Long> startDays) {
        List<String> refusals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        LocalDate busiest = busiest(startDays);
        long dated = startDays.values().stream().mapToLong(Long::longValue).sum();
        LocalDate day = given != null && !(dateFromData && busiest != null) ? given : busiest;
        if (day == null) {
            refusals.add(accepted == 0 ? "no row was accepted, so there is no day to score (see the reasons above)"
                    : "no accepted row has a timestamp, so the day cannot be derived: pass --date YYYY-MM-DD");
            return new Decision(null, refusals, notes);
        }
        if (given != null && dateFromData && busiest != null && !busiest.equals(given)) {
            notes.add("filed under " + busiest + ", the day most conversations start on (--date-from-data; --date was " + given + ")");
        }
        long onDay = startDays.getOrDefault(day, 0L);
        if (given != null && !dateFromData && dated > 0 && onDay * 2 < dated) {
            String why = String.format("--date %s disagrees with the data: %d of %d conversations start on other days, most on %s (%d);"
                            + " pass --date %s, --date-from-data to file them under the data's day, or --force",
                    day, dated - onDay, dated, busiest, startDays.get(busiest), busiest);
            (force ? notes : refusals).add(force ? "committed although " + why.substring(0, why.indexOf(';')) + " (--force)" : why);
        }
        if (accepted == 0) {
            (force ? notes : refusals).add(force ? "committed with no accepted row (--force): the day is now empty"
                    : "no row was accepted: committing would replace " + day + " with an empty day; fix the export, or --force");
        } else if (read > 0 && accepted < minAccepted * read) {
            String share = String.format("only %.1f %% of the rows read were accepted (%,d of %,d)", 100.0 * accepted / read, accepted, read);
            (force ? notes : refusals).add(force ? "committed although " + share + " (--force)"
                    : share + ", under the minimum of " + percent(minAccepted) + " (--min-accepted); fix the export, or --force");
        }
        return new Decision(day, refusals, notes);
    }

    private static String percent(double share) {
        return String.format("%.0f %%", share * 100);
    }

    private static LocalDate busiest(Map<LocalDate, Long> startDays) {
        LocalDate best = null;
        long most = 0;
        for (Map.Entry<LocalDate, Long> e : new java.util.TreeMap<>(startDays).entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }
}
