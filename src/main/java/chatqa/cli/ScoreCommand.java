package chatqa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import chatqa.ingest.ExportFormat;
import chatqa.ingest.ExportMapping;
import chatqa.ingest.MappingLoader;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.spark.Progress;
import chatqa.spark.RunSummary;
import chatqa.spark.ScoreJob;
import chatqa.spark.ScoreOptions;
import chatqa.spark.SparkSessions;

/** {@code chatqa score}: the nightly job over one day's exports. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score one day of exported chat logs: writes the warehouse partitions for the day and the scorecard CSV.")
final class ScoreCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Export files or folders (searched recursively for .csv .tsv .txt .jsonl .json .ndjson).")
    List<String> inputs;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "csv|jsonl|auto",
            description = "File format; auto decides by file name (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE|NAME",
            description = "Export mapping (YAML) for exports not in the canonical schema, or a built-in one by name (jddc).")
    String mapping;

    @Option(names = "--timezone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
            description = "Zone of timestamps without one, and of the day (default: ${DEFAULT-VALUE}).")
    String timezone;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The day being scored (default: the day most conversations start on).")
    LocalDate date;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rule book (YAML); default: the built-in rule book.")
    Path rules;

    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "DIR", description = "Warehouse root (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Option(names = "--reports", defaultValue = "reports", paramLabel = "DIR", description = "Reports root (default: ${DEFAULT-VALUE}).")
    String reports;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*], or spark.master when set by spark-submit).")
    String master;

    @Override
    public Integer call() throws Exception {
        ScoreOptions options = validate();
        SparkSession spark = SparkSessions.create(master, options.timezone().getId());
        try {
            RunSummary summary = new ScoreJob(spark).run(options);
            System.out.print(summary.render());
            return ChatQa.OK;
        } finally {
            spark.stop();
        }
    }

    /** Everything that can be checked before Spark starts and before any data is read. */
    ScoreOptions validate() {
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new ChatQa.BadArgument("--timezone " + timezone + ": unknown time zone (e.g. Asia/Shanghai, UTC, +08:00)");
        }
        RuleBook book = RuleBookLoader.loadOrDefault(rules);
        ExportMapping m = mapping == null ? ExportMapping.canonical() : MappingLoader.load(mapping);
        switch (format) {
            case "csv" -> m = m.withFormat(ExportFormat.CSV);
            case "jsonl" -> m = m.withFormat(ExportFormat.JSONL);
            case "auto" -> { }
            default -> throw new ChatQa.BadArgument("--format " + format + ": expected csv, jsonl or auto");
        }
        for (String input : inputs) {
            if (!input.contains("://") && !Files.exists(Path.of(input))) {
                throw new ChatQa.BadArgument("--input " + input + ": no such file or folder");
            }
        }
        if (!m.hasTimestamps() && date == null) {
            throw new ChatQa.BadArgument("the mapping " + m.source() + " has no sent_at column, so the day cannot be derived: pass --date YYYY-MM-DD");
        }
        Progress.say("rule book %s (%d rules), mapping: %s", book.source(), book.rules().size(), m.source());
        return new ScoreOptions(inputs, m, m.source(), book, zone, date, warehouse, reports);
    }
}
