package chatqa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.job.Progress;
import chatqa.job.RunFailed;
import chatqa.job.RunSummary;
import chatqa.job.ScoreOptions;
import chatqa.job.Session;

/**
 * {@code chatqa backfill}: scores a range of days in one Spark session, each day from its own
 * folder {@code <input-root>/<YYYY-MM-DD>/}. Each day replaces only its own partitions, so a
 * backfill can be re-run or resumed safely.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score many days in one Spark session; input laid out by day (DIR/2026-11-20/*.csv).")
final class BackfillCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    LocalDate to;

    @Option(names = "--input-root", required = true, paramLabel = "DIR", description = "Folder with one sub-folder per day.")
    Path inputRoot;

    @Mixin
    ScoringOptions scoring;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            throw new ChatQa.BadArgument("--to " + to + " is before --from " + from);
        }
        if (!Files.isDirectory(inputRoot)) {
            throw new ChatQa.BadArgument("--input-root " + inputRoot + ": no such folder");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (Files.isDirectory(inputRoot.resolve(d.toString()))) {
                days.add(d);
            } else {
                Progress.say("no folder %s: %s skipped", inputRoot.resolve(d.toString()), d);
            }
        }
        if (days.isEmpty()) {
            throw new ChatQa.BadArgument("no day folders between " + from + " and " + to + " under " + inputRoot);
        }
        List<ScoreOptions> runs = new ArrayList<>();
        for (LocalDate d : days) {
            // --ratings names roots laid out like the input: a day reads its own folder of each, where there is one.
            List<String> ratings = scoring.ratings.stream().map(r -> Path.of(r).resolve(d.toString()))
                    .filter(Files::isDirectory).map(Path::toString).toList();
            runs.add(scoring.validate(List.of(inputRoot.resolve(d.toString()).toString()), d, ratings));
        }
        List<String> failed = new ArrayList<>();
        try (Session session = Session.open(scoring.target.master, runs.get(0).timezone().getId())) {
            for (ScoreOptions run : runs) {
                try {
                    RunSummary summary = session.score(run);
                    System.out.print(summary.render());
                    if (!summary.committed()) {
                        failed.add(run.day().toString());
                    }
                } catch (Exception e) {
                    if (e instanceof RunFailed f) {
                        System.out.print(f.summary().render());
                    }
                    Progress.say("day %s failed: %s", run.day(), e);
                    if (System.getenv("CHATQA_DEBUG") != null) {
                        e.printStackTrace();
                    }
                    failed.add(run.day().toString());
                }
            }
        }
        System.out.printf("backfill: %d day(s) scored, %d failed%s%n", runs.size() - failed.size(), failed.size(),
                failed.isEmpty() ? "" : " (" + String.join(", ", failed) + ")");
        return failed.isEmpty() ? ChatQa.OK : ChatQa.FAILED;
    }
}
