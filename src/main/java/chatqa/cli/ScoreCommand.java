package chatqa.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.spark.RunFailed;
import chatqa.spark.RunSummary;
import chatqa.spark.ScoreJob;
import chatqa.spark.ScoreOptions;
import chatqa.spark.SparkSessions;

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
        SparkSession spark = SparkSessions.create(scoring.target.master, options.timezone().getId());
        try {
            RunSummary summary = new ScoreJob(spark).run(options);
            System.out.print(summary.render());
            return summary.committed() ? ChatQa.OK : ChatQa.FAILED;
        } catch (RunFailed e) {
            System.out.print(e.summary().render());
            throw e;
        } finally {
            spark.stop();
        }
    }
}
