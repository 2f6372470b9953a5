package chatqa.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.job.ReviewImport;
import chatqa.job.Session;
import chatqa.privacy.PersonalDataMask;
import chatqa.publish.ReviewQueue;
import chatqa.publish.ReviewWorkbook;
import chatqa.publish.Words;

/** {@code chatqa review}: the QA team's queue of conversations to check by hand. */
@Command(name = "review", mixinStandardHelpOptions = true, description = "The QA team's review loop.",
        subcommands = {ReviewCommand.Sample.class, ReviewCommand.Import.class})
final class ReviewCommand {
    private ReviewCommand() {
    }

    /** {@code chatqa review sample}: draws the day's queue and writes the workbook reviewers fill in. */
    @Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Draw a day's review queue (a random control sample, then every red line, platform intervention and",
                    "complaint threat, then the lowest satisfaction; every agent of the day at least once) into",
                    "reports/<date>/review/queue.xlsx with a transcript page per conversation."})
    static final class Sample implements Callable<Integer> {
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The scored day.")
        LocalDate date;

        @Option(names = "--size", defaultValue = "50", paramLabel = "N", description = "Conversations to draw (default: ${DEFAULT-VALUE}), "
                + "plus one per agent the strata missed.")
        int size;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed: the same seed draws the same queue (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--control-share", defaultValue = "0.2", paramLabel = "SHARE",
                description = "Share of the queue drawn at random, the control sample for unbiased accuracy (default: ${DEFAULT-VALUE}).")
        double controlShare;

        @Mixin
        WarehouseOptions target;

        @Mixin
        ReportWordsOptions out;

        @Mixin
        TimezoneOption timezone;

        @Override
        public Integer call() throws Exception {
            if (size <= 0) {
                throw new ChatQa.BadArgument("--size must be positive");
            }
            if (controlShare < 0 || controlShare > 1) {
                throw new ChatQa.BadArgument("--control-share " + controlShare + ": expected a share from 0 to 1");
            }
            Words words = out.words();
            try (Session session = Session.open(target.master, timezone.zone().getId())) {
                ReviewQueue q = session.reviewQueue(target.warehouse, date.toString(), size, controlShare, seed);
                Path workbook = new ReviewWorkbook(words, PersonalDataMask.standard()).write(q, Path.of(out.reports, date.toString(), "review"));
                // Kept only once the workbook exists: a queue nobody can fill in is no backlog.
                String drawId = session.recordReviewQueue(target.warehouse, q);
                long control = q.conversations().stream().filter(c -> c.reason() == ReviewQueue.Reason.CONTROL).count();
                System.out.printf("chatqa review sample: day %s (seed %d)%n  conversations %d (%d control, %d by risk and coverage)%n"
                        + "  checks        %d%n  workbook      %s%n  draw          %s (review_queue)%n", date, seed, q.conversations().size(), control,
                        q.conversations().size() - control, q.checks().size(), workbook, drawId);
                return ChatQa.OK;
            }
        }
    }

    /** {@code chatqa review import}: a filled workbook's verdicts into the reviews table, whole or not at all. */
    @Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Import a filled review workbook (.xlsx, or a CSV saved from it) into the warehouse's reviews table.",
                    "Every row is checked first; one bad row refuses the file, naming its sheet, row and column."})
    static final class Import implements Callable<Integer> {
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The filled workbook.")
        Path file;

        @Mixin
        WarehouseOptions target;

        @Mixin
        TimezoneOption timezone;

        @Override
        public Integer call() throws Exception {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new ChatQa.BadArgument(file + ": no such file");
            }
            try (Session session = Session.open(target.master, timezone.zone().getId())) {
                ReviewImport.Outcome o = session.importReviews(target.warehouse, file);
                System.out.printf("chatqa review import: %s%n  verdicts      %d imported (%d rows not reviewed yet)%n  days          %s%n"
                        + "  import        %s%n", file, o.judged(), o.notYetReviewed(), o.perDay(), o.importId());
                return ChatQa.OK;
            } catch (ReviewImport.Refused e) {
                throw new ChatQa.BadArgument(e.getMessage());
            }
        }
    }
}
