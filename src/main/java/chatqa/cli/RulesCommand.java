package chatqa.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.LocalExports;
import chatqa.model.Conversation;
import chatqa.publish.Transcript;
import chatqa.rules.Rule;
import chatqa.rules.RuleBook;
import chatqa.score.ConversationScorer;

/** {@code chatqa rules check|test}: validate a rule book, and try it on sample conversations. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check a rule book, test it on sample conversations, or measure it on labelled messages.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesEval.class, RulesDiffCommand.class})
final class RulesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new ChatQa.BadArgument("rules needs a subcommand: check, test or eval");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a rule book (every problem with rule id and line) and list its rules.")
    static final class Check implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Override
        public Integer call() {
            RuleBook book = rules.load();
            System.out.printf("%s: rule book '%s' is valid: %d rules, SLA tiers %s s, inactivity gap %d min%n", book.source(),
                    book.name(), book.rules().size(), book.slaSeconds(), book.inactivityGap().toMinutes());
            System.out.printf("scenarios: %s%n", String.join(", ", book.scenarioNames()));
            System.out.printf("%-36s %-10s %-27s %-7s %s%n", "rule", "category", "position", "points", "line");
            for (Rule r : book.rules()) {
                String position = r.kind() instanceof chatqa.rules.RuleKind.Handling h ? "handling: " + h.signal().code()
                        : r.kind() instanceof chatqa.rules.RuleKind.Composition k ? (k.perMessage() ? "each message: " : "") + k.expression()
                        : r.position().code() + (r.count() > 1 ? " (" + r.count() + ")" : "")
                        + (r.withinAgentMessages() > 0 ? " (" + r.withinAgentMessages() + " agent)" : "")
                        + (r.withinMessages() > 0 ? " (" + r.withinMessages() + " msgs)" : "");
                System.out.printf("%-36s %-10s %-27s %-7s %d%s%n", r.id(), r.category(), position,
                        r.fatal() ? "fatal" : String.valueOf(r.points()), r.line(),
                        r.scenarios().isEmpty() ? "" : "  scenario: " + String.join(", ", r.scenarios()));
            }
            return ChatQa.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Score some conversations with a rule book and print every hit and miss on its message (no warehouse).")
    static final class Test implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH", description = "Export files or folders.")
        List<Path> inputs;

        @Mixin
        MappingOption mapping;

        @Option(names = "--conversation", paramLabel = "ID", description = "Only this conversation.")
        String conversation;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N conversations (default: ${DEFAULT-VALUE}).")
        int limit;

        @Mixin
        TimezoneOption timezone;

        @Option(names = "--no-color", description = "Mark spans with [brackets] instead of terminal colours.")
        boolean noColor;

        @Override
        public Integer call() throws Exception {
            RuleBook book = rules.load();
            ExportMapping m = mapping.load(inputs);
            LocalExports.Read read = LocalExports.read(inputs, m, timezone.zone(), book.inactivityGap());
            ConversationScorer scorer = new ConversationScorer(book);
            List<Conversation> chosen = read.conversations().stream()
                    .filter(c -> conversation == null || c.id().equals(conversation)).limit(limit).toList();
            if (chosen.isEmpty()) {
                throw new ChatQa.BadArgument(conversation == null ? "no conversations in the input"
                        : "no conversation " + conversation + " in the input");
            }
            boolean color = !noColor && System.console() != null;
            for (Conversation c : chosen) {
                System.out.println(Transcript.render(scorer.score(c), color));
            }
            System.out.printf("%d of %d conversations shown; %d rows quarantined%n", chosen.size(), read.conversations().size(),
                    read.quarantined().size());
            return ChatQa.OK;
        }
    }
}
