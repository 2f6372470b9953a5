package chatqa.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.job.RulesDiff;
import chatqa.job.Session;
import chatqa.publish.Words;
import chatqa.rules.RuleBook;

/** {@code chatqa rules diff}: what a changed rule book would change on days already scored, before adopting it. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score the warehouse's stored messages of --from..--to again with --rules, into a scratch folder (never the",
                "warehouse), and compare with what the warehouse holds: rules.csv (pass rates), agents.csv (QA scores, ranks),",
                "flips.csv (every check whose verdict flips, with evidence), and agreement with reviewers. chatqa backfill adopts it."})
final class RulesDiffCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day.")
    LocalDate to;

    @Mixin
    RulesOption rules;

    @Mixin
    WarehouseOptions target;

    @Option(names = "--out", paramLabel = "DIR", description = "Scratch folder (default: reports/rules-diff/<from>_<to>).")
    Path out;

    @Mixin
    TimezoneOption timezone;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() throws Exception {
        if (to.isBefore(from)) {
            throw new ChatQa.BadArgument("--to " + to + " is before --from " + from);
        }
        RuleBook book = rules.load();
        Path folder = out != null ? out : Path.of("reports", "rules-diff", from + "_" + to);
        try (Session session = Session.open(target.master, timezone.zone().getId())) {
            RulesDiff.Outcome o = session.rulesDiff(target.warehouse, book, from.toString(), to.toString(), folder,
                    Words.of(language.resolve(book), book));
            System.out.printf("chatqa rules diff: %s, %s … %s%n  conversations %d rescored (%d checks)%n  flipped       %d checks%n", book.source(), from, to,
                    o.conversations(), o.checks(), o.flipped());
            if (o.reviewedChecks() > 0) {
                System.out.printf("  reviewers     %d checks judged: the warehouse's book agrees on %d, the new one on %d%n", o.reviewedChecks(),
                        o.oldAgrees(), o.newAgrees());
            }
            System.out.printf("  page          %s%n  details       %s (rules.csv, agents.csv, flips.csv); the warehouse is unchanged%n", o.page(),
                    o.folder());
            return ChatQa.OK;
        }
    }
}
