package chatqa.job;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one scoring task saw, counted as it wrote its rows, so the driver learns the run's counts
 * from one small object per task instead of re-reading the rows: per input file the rows read,
 * accepted and quarantined and the reasons, the first example of each reason, times of day put
 * on the run's day, rule checks that could not run, the conversations by outcome, scenario and
 * start day. Its size grows with files, reasons and rules, never with rows. Tallies merge by
 * addition (examples: the earliest), so the order tasks finish in does not matter.
 */
final class RunTally implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int READ = 0;
    static final int ACCEPTED = 1;
    static final int QUARANTINED = 2;

    final Map<String, long[]> perFile = new HashMap<>();
    final Map<String, String> encodings = new HashMap<>();
    final Map<String, Long> reasons = new TreeMap<>();
    /** Per file, per quarantine reason, the rows. */
    final Map<String, Map<String, Long>> fileReasons = new HashMap<>();
    /** Per file, per quarantine reason, its first row. */
    final Map<String, Map<String, Example>> fileExamples = new HashMap<>();
    /** Per file, timestamps that were a time of day put on the run's day. */
    final Map<String, Long> timeOnlyDated = new HashMap<>();
    /** Per rule id, the conversations where it could not be checked (its regular expression failed on a message). */
    final Map<String, Long> ruleErrors = new TreeMap<>();
    final Map<String, Long> outcomes = new TreeMap<>();
    final Map<String, Long> scenarios = new TreeMap<>();
    final Map<LocalDate, Long> startDays = new TreeMap<>();
    long duplicates;
    /** Rows of --ratings files put on a conversation. */
    long ratingsJoined;
    long conversations;
    long scored;

    void accepted(String file) {
        long[] c = file(file);
        c[READ]++;
        c[ACCEPTED]++;
    }

    void quarantined(Example row) {
        long[] c = file(row.file());
        c[READ]++;
        c[QUARANTINED]++;
        reason(row);
    }

    /** A row of a --ratings file put on a conversation: accepted. */
    void ratingJoined(String file) {
        accepted(file);
        ratingsJoined++;
    }

    /** A row first counted as accepted turned out to repeat another message. */
    void duplicate(Example row) {
        long[] c = file(row.file());
        c[ACCEPTED]--;
        c[QUARANTINED]++;
        reason(row);
        duplicates++;
    }

    private void reason(Example row) {
        reasons.merge(row.reason(), 1L, Long::sum);
        fileReasons.computeIfAbsent(row.file(), k -> new TreeMap<>()).merge(row.reason(), 1L, Long::sum);
        fileExamples.computeIfAbsent(row.file(), k -> new TreeMap<>()).merge(row.reason(), row, Example::earlier);
    }

    void fileRead(String file, String encoding, long timeOnly) {
        file(file);
        encodings.put(file, encoding);
        if (timeOnly > 0) {
            timeOnlyDated.merge(file, timeOnly, Long::sum);
        }
    }

    void ruleError(String ruleId) {
        ruleErrors.merge(ruleId, 1L, Long::sum);
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
            t.fileReasons.forEach((f, m) -> m.forEach((k, v) ->
                    all.fileReasons.computeIfAbsent(f, x -> new TreeMap<>()).merge(k, v, Long::sum)));
            t.fileExamples.forEach((f, m) -> m.forEach((k, v) ->
                    all.fileExamples.computeIfAbsent(f, x -> new TreeMap<>()).merge(k, v, Example::earlier)));
            t.timeOnlyDated.forEach((k, v) -> all.timeOnlyDated.merge(k, v, Long::sum));
            t.ruleErrors.forEach((k, v) -> all.ruleErrors.merge(k, v, Long::sum));
            t.outcomes.forEach((k, v) -> all.outcomes.merge(k, v, Long::sum));
            t.scenarios.forEach((k, v) -> all.scenarios.merge(k, v, Long::sum));
            t.startDays.forEach((k, v) -> all.startDays.merge(k, v, Long::sum));
            all.duplicates += t.duplicates;
            all.ratingsJoined += t.ratingsJoined;
            all.conversations += t.conversations;
            all.scored += t.scored;
        }
        return all;
    }

    /** Per quarantine reason, its first row in the run (by file, then line). */
    Map<String, Example> examples() {
        Map<String, Example> out = new TreeMap<>();
        fileExamples.values().forEach(m -> m.forEach((k, v) -> out.merge(k, v, Example::earlier)));
        return out;
    }

    /** Conversations with a start time, on any day. */
    long withStartTime() {
        return startDays.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Conversations with a start time on another day than {@code day}. */
    long startingOutside(LocalDate day) {
        return startDays.entrySet().stream().filter(e -> !e.getKey().equals(day)).mapToLong(Map.Entry::getValue).sum();
    }

    /** One quarantined row, as the summary quotes it: where, which field, and what was wrong. */
    record Example(String file, long line, String reason, String field, String detail) implements Serializable {
        Example earlier(Example other) {
            int byFile = file.compareTo(other.file);
            return byFile < 0 || (byFile == 0 && line <= other.line) ? this : other;
        }
    }
}
