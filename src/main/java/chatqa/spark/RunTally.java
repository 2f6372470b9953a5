package chatqa.spark;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one scoring task saw, counted as it wrote its rows, so the driver learns the run's counts
 * from one small object per task instead of re-reading the rows: per input file the rows read,
 * accepted and quarantined, the quarantine reasons, the conversations by outcome, scenario and
 * start day. Tallies merge by addition, so the order tasks finish in does not matter.
 */
final class RunTally implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int READ = 0;
    static final int ACCEPTED = 1;
    static final int QUARANTINED = 2;

    final Map<String, long[]> perFile = new HashMap<>();
    final Map<String, String> encodings = new HashMap<>();
    final Map<String, Long> reasons = new TreeMap<>();
    final Map<String, Long> outcomes = new TreeMap<>();
    final Map<String, Long> scenarios = new TreeMap<>();
    final Map<LocalDate, Long> startDays = new TreeMap<>();
    long duplicates;
    long conversations;
    long scored;

    void accepted(String file) {
        long[] c = file(file);
        c[READ]++;
        c[ACCEPTED]++;
    }

    void quarantined(String file, String reason) {
        long[] c = file(file);
        c[READ]++;
        c[QUARANTINED]++;
        reasons.merge(reason, 1L, Long::sum);
    }

    /** A row first counted as accepted turned out to repeat another message. */
    void duplicate(String file, String reason) {
        long[] c = file(file);
        c[ACCEPTED]--;
        c[QUARANTINED]++;
        reasons.merge(reason, 1L, Long::sum);
        duplicates++;
    }

    void encoding(String file, String charset) {
        file(file);
        encodings.put(file, charset);
    }

    void conversation(String outcome, boolean wasScored, List<String> scenarioTags, LocalDate startDay) {
        conversations++;
        if (wasScored) {
            scored++;
        }
        outcomes.merge(outcome, 1L, Long::sum);
        scenarioTags.forEach(s -> scenarios.merge(s, 1L, Long::sum));
        if (startDay != null) {
            startDays.merge(startDay, 1L, Long::sum);
        }
    }

    private long[] file(String file) {
        return perFile.computeIfAbsent(file, k -> new long[3]);
    }

    static RunTally merge(List<RunTally> tallies) {
        RunTally all = new RunTally();
        for (RunTally t : tallies) {
            t.perFile.forEach((f, c) -> {
                long[] sum = all.file(f);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += c[i];
                }
            });
            all.encodings.putAll(t.encodings);
            t.reasons.forEach((k, v) -> all.reasons.merge(k, v, Long::sum));
            t.outcomes.forEach((k, v) -> all.outcomes.merge(k, v, Long::sum));
            t.scenarios.forEach((k, v) -> all.scenarios.merge(k, v, Long::sum));
            t.startDays.forEach((k, v) -> all.startDays.merge(k, v, Long::sum));
            all.duplicates += t.duplicates;
            all.conversations += t.conversations;
            all.scored += t.scored;
        }
        return all;
    }

    /** The day most conversations start on, the earliest of equals; empty when none has a timestamp. */
    Optional<LocalDate> busiestDay() {
        LocalDate best = null;
        long most = 0;
        for (Map.Entry<LocalDate, Long> e : startDays.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Conversations with a start time on another day than {@code day}. */
    long startingOutside(LocalDate day) {
        return startDays.entrySet().stream().filter(e -> !e.getKey().equals(day)).mapToLong(Map.Entry::getValue).sum();
    }
}
