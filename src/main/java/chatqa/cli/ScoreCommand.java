package chatqa.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.job.RunFailed;
import chatqa.job.RunSummary;
import chatqa.job.ScoreOptions;
import chatqa.job.Session;

/**
 * {@code chatqa score}: the nightly job over one day's exports. The summary is printed whether
 * the day was committed or not; exit code 1 when it was not.
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score one day of exported chat logs: writes the warehouse partitions for the day and the scorecard CSV.")
final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Export files or folders (searched recursively for .csv .tsv .txt .jsonl .json .ndjson).")
    List<String> inputs;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The day being scored (default: the day most conversations start on).")
    LocalDate date;

    @Mixin
    ScoringOptions scoring;

    @Override
    public Integer call() throws Exception {
        ScoreOptions options = scoring.validate(inputs, date);
        try (Session session = Session.open(scoring.target.master, options.timezone().getId())) {
            RunSummary summary = session.score(options);
            System.out.print(summary.render());
            return summary.committed() ? ChatQa.OK : ChatQa.FAILED;
        } catch (RunFailed e) {
            System.out.print(e.summary().render());
            throw e;
        }
    }
}
