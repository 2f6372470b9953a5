package chatqa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.ingest.ExportFormat;
import chatqa.ingest.ExportMapping;
import chatqa.ingest.LayoutDetection;
import chatqa.ingest.RatingsMappings;
import chatqa.job.Progress;
import chatqa.job.RatingsInput;
import chatqa.job.ScoreOptions;
import chatqa.rules.RuleBook;
import chatqa.warehouse.CommitGate;

/** Options shared by {@code score} and {@code backfill}, checked before Spark starts. */
final class ScoringOptions {
    @Option(names = "--format", defaultValue = "auto", paramLabel = "csv|jsonl|auto",
            description = "File format; auto decides by file name (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    MappingOption mapping;

    @Mixin
    TimezoneOption timezone;

    @Mixin
    RulesOption rules;

    @Mixin
    LanguageOption language;

    @Mixin
    WarehouseOptions target;

    @Option(names = "--reports", defaultValue = "reports", paramLabel = "DIR", description = "Reports root (default: ${DEFAULT-VALUE}).")
    String reports;

    @Option(names = "--no-report",
            description = "Commit the day and write its scorecard CSV, but build no HTML report (a backfill of many days; "
                    + "`chatqa report --date DAY` builds one later).")
    boolean noReport;

    @Option(names = "--mask-warehouse",
            description = "Mask customers' personal data (phones, ids, cards, orders, emails, addresses) in the stored message texts, "
                    + "words, evidence and quarantined rows too; reports always mask.")
    boolean maskWarehouse;

    @Option(names = "--store-words",
            description = "Keep each message's HanLP words in messages.words (off by default: nothing chatqa reads needs them, "
                    + "and they were the largest column).")
    boolean storeWords;

    @Option(names = "--ratings", paramLabel = "FILE|DIR",
            description = "Customer ratings exported apart from the chats (Taobao kefueval records, a CSAT survey), joined onto the "
                    + "conversations they rate: by conversation id, or by shop + customer (+ agent) and time. Repeatable. For backfill, "
                    + "a folder with one sub-folder per day, like --input-root.")
    List<String> ratings = List.of();

    @Option(names = "--ratings-mapping", defaultValue = "auto", paramLabel = "FILE|NAME",
            description = "How to read the --ratings files: a mapping file, taobao-kefueval, or auto (default): recognised from the "
                    + "first record (taobao-kefueval, else a header naming rating and conversation_id or customer_id).")
    String ratingsMapping;

    @Option(names = "--min-accepted", defaultValue = "50", paramLabel = "PERCENT",
            description = "Commit the day only when at least this share of the rows read was accepted (default: ${DEFAULT-VALUE} %%).")
    double minAcceptedPercent;

    @Option(names = "--force",
            description = "Commit even when no or too few rows were accepted, or --date disagrees with the data (the summary says so).")
    boolean force;

    @Option(names = "--date-from-data",
            description = "File the run under the day most conversations start on when that differs from --date.")
    boolean dateFromData;

    @Option(names = "--wait-for-lock", defaultValue = "0", paramLabel = "SECONDS",
            description = "Wait this long for another run that is writing the warehouse, then give up (default: ${DEFAULT-VALUE}: refuse at once).")
    long waitForLock;

    /** Validated options for scoring {@code inputs} as {@code day} (null: derived from the data). */
    ScoreOptions validate(List<String> inputs, LocalDate day) {
        return validate(inputs, day, ratings);
    }

    /** The same, joining the ratings of {@code ratingPaths} (a backfill's day folders of the --ratings roots). */
    ScoreOptions validate(List<String> inputs, LocalDate day, List<String> ratingPaths) {
        ZoneId zone = timezone.zone();
        RuleBook book = rules.load();
        ExportMapping m = mapping.load(inputs);
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
        if (!m.hasTimestamps() && day == null) {
            throw new ChatQa.BadArgument("the mapping " + m.source() + " has no sent_at column, so the day cannot be derived: pass --date YYYY-MM-DD");
        }
        Progress.say("rule book %s (%d rules), mapping: %s", book.source(), book.rules().size(), m.source());
        if (minAcceptedPercent < 0 || minAcceptedPercent > 100) {
            throw new ChatQa.BadArgument("--min-accepted " + minAcceptedPercent + ": expected a percentage from 0 to 100");
        }
        if (waitForLock < 0) {
            throw new ChatQa.BadArgument("--wait-for-lock must not be negative");
        }
        CommitGate gate = new CommitGate(minAcceptedPercent / 100, force, dateFromData);
        return new ScoreOptions(inputs, m, m.source(), book, zone, day, target.warehouse, reports, maskWarehouse, storeWords, gate,
                java.time.Duration.ofSeconds(waitForLock), !noReport, language.resolve(book), ratings(ratingPaths));
    }

    /** The --ratings files with their mapping, its choice said on stderr when recognised. */
    private RatingsInput ratings(List<String> paths) {
        if (paths.isEmpty()) {
            return RatingsInput.NONE;
        }
        for (String r : paths) {
            if (!r.contains("://") && !Files.exists(Path.of(r))) {
                throw new ChatQa.BadArgument("--ratings " + r + ": no such file or folder");
            }
        }
        if (!"auto".equals(ratingsMapping)) {
            return new RatingsInput(paths, RatingsMappings.load(ratingsMapping));
        }
        try {
            LayoutDetection.Chosen chosen = RatingsMappings.choose(paths);
            Progress.say("%s", chosen.said());
            return new RatingsInput(paths, chosen.mapping());
        } catch (java.io.IOException e) {
            throw new ChatQa.BadArgument("--ratings: " + e.getMessage());
        }
    }
}
