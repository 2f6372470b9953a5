package chatqa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.enrich.Segmenter;
import chatqa.ingest.ExportMapping;
import chatqa.ingest.ExportReader;
import chatqa.ingest.InputFile;
import chatqa.ingest.LocalExports;
import chatqa.ingest.QuarantinedRow;
import chatqa.ingest.RowSink;
import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.rules.ConditionMatcher;
import chatqa.rules.Rule;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleKind;
import chatqa.score.ConversationScorer;

/**
 * {@code chatqa bench segment}: the floor of the job's NLP step for jobs/bench.sh. Reads the
 * export files with the job's readers and segments every accepted message's text with the job's
 * {@link Segmenter}, on one thread. The texts are read into memory first, so the clock covers
 * segmentation alone; the dictionaries are loaded before it starts, JIT warm-up is part of the
 * measurement, as it is in the job. {@code chatqa bench rules}: what the sentence-comparing rules
 * cost, in one JVM so the machine's noise falls on both sides alike.
 */
@Command(name = "bench", hidden = true, description = "Measurements for jobs/bench.sh.",
        subcommands = {BenchCommand.Segment.class, BenchCommand.Rules.class})
final class BenchCommand {

    @Command(name = "segment", mixinStandardHelpOptions = true,
            description = "Segment every message text under --input on one thread; print messages, characters and seconds.")
    static final class Segment implements Callable<Integer> {
        @Option(names = "--input", required = true, paramLabel = "DIR", description = "Export files or folders.")
        List<Path> inputs;

        @Mixin
        MappingOption mapping;

        @Mixin
        TimezoneOption timezone;

        @Override
        public Integer call() throws IOException {
            ExportMapping m = mapping.load(inputs);
            ZoneId zone = timezone.zone();
            long loadStart = System.nanoTime();
            Segmenter.segment("您好，请问有什么可以帮您");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long readStart = System.nanoTime();
            List<Path> files = files();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path p = files.get(i);
                InputFile file = new InputFile(p.toString(), i, Files.size(p), "");
                try (InputStream in = Files.newInputStream(p)) {
                    ExportReader.forFile(m, zone, file).read(in, file, new RowSink() {
                        @Override
                        public void accept(Message message) {
                            texts.add(message.text());
                        }

                        @Override
                        public void quarantine(QuarantinedRow row) {
                        }
                    });
                }
            }
            double readSeconds = (System.nanoTime() - readStart) / 1e9;
            // Wall and CPU time of the segmentation loop alone: on a shared machine the CPU time is
            // the steadier figure, as other load stretches wall time.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long chars = 0;
            long words = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (String text : texts) {
                words += Segmenter.segment(text).words().size();
                chars += text.length();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "files=%d%nmessages=%d%nchars=%d%nwords=%d%ndictionary_load_seconds=%.3f%n"
                            + "read_seconds=%.3f%nsegment_seconds=%.3f%nsegment_cpu_seconds=%.3f%nmessages_per_second=%.0f%n"
                            + "chars_per_second=%.0f%n",
                    files.size(), texts.size(), chars, words, loadSeconds, readSeconds, seconds, cpuSeconds,
                    texts.size() / seconds, chars / seconds);
            return ChatQa.OK;
        }

        private List<Path> files() throws IOException {
            List<Path> out = new ArrayList<>();
            for (Path p : inputs) {
                if (!Files.exists(p)) {
                    throw new ChatQa.BadArgument("--input " + p + ": no such file or folder");
                }
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
                }
            }
            return out;
        }
    }

    /**
     * Scores the same conversations with three books, on one thread, alternating them for several
     * rounds after a warm-up pass of each: the rule book; the book without the rules that compare
     * sentences (repeat, and composed rules with a similar-sentence condition); and the book
     * without any repeat or composed rule (entities and anchors too). Prints the CPU seconds of
     * each (all rounds) and the ratios to the last. Enrichment (segmentation, sentiment) is
     * inside all three, as in the job; Spark and the writes are not, so the ratios overstate the
     * job's.
     */
    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "CPU cost of the sentence-comparing and composed rules: score --input with and without them, alternating.")
    static final class Rules implements Callable<Integer> {
        @Option(names = "--input", required = true, paramLabel = "DIR", description = "Export files or folders.")
        List<Path> inputs;

        @Option(names = "--limit", defaultValue = "10000", paramLabel = "N", description = "At most N conversations (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--rounds", defaultValue = "9", paramLabel = "N", description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Mixin
        RulesOption rules;

        @Mixin
        MappingOption mapping;

        @Mixin
        TimezoneOption timezone;

        @Override
        public Integer call() throws IOException {
            RuleBook full = rules.load();
            RuleBook noSimilar = without(full, r -> r.kind() instanceof RuleKind.Repeat || comparesSentences(r));
            RuleBook base = without(full, r -> r.kind() instanceof RuleKind.Repeat || r.kind() instanceof RuleKind.Composition);
            List<Conversation> all = LocalExports.read(inputs, mapping.load(inputs), timezone.zone(), full.inactivityGap()).conversations();
            List<Conversation> chosen = all.subList(0, Math.min(limit, all.size()));
            List<ConversationScorer> scorers = List.of(new ConversationScorer(full), new ConversationScorer(noSimilar),
                    new ConversationScorer(base));
            // A whole pass of each first, so all are compiled before any is measured.
            for (ConversationScorer s : scorers) {
                cpu(s, chosen);
            }
            // Finely interleaved: each stretch of 50 conversations is scored by every book in turn (the
            // first one rotating), so a burst of the machine's noise falls on all three alike.
            double[] total = new double[scorers.size()];
            int turn = 0;
            for (int r = 0; r < rounds; r++) {
                for (int from = 0; from < chosen.size(); from += 50) {
                    List<Conversation> stretch = chosen.subList(from, Math.min(from + 50, chosen.size()));
                    for (int i = 0; i < scorers.size(); i++) {
                        int k = (turn + i) % scorers.size();
                        total[k] += cpu(scorers.get(k), stretch);
                    }
                    turn++;
                }
            }
            long messages = chosen.stream().mapToLong(c -> c.messages().size()).sum();
            System.out.printf(Locale.ROOT, "conversations=%d%nmessages=%d%nrules=%d%nrules_without_similar=%d%nrules_base=%d%nrounds=%d%n"
                            + "rules_cpu_seconds=%.3f%nrules_without_similar_cpu_seconds=%.3f%nrules_base_cpu_seconds=%.3f%n"
                            + "similar_repeat_cost_ratio=%.3f%ncomposed_cost_ratio=%.3f%n",
                    chosen.size(), messages, full.rules().size(), noSimilar.rules().size(), base.rules().size(), rounds,
                    total[0], total[1], total[2], total[0] / total[1], total[0] / total[2]);
            return ChatQa.OK;
        }

        private static boolean comparesSentences(Rule r) {
            return r.kind() instanceof RuleKind.Composition k
                    && k.conditions().stream().anyMatch(c -> c.matcher() instanceof ConditionMatcher.Similar);
        }

        private static RuleBook without(RuleBook b, Predicate<Rule> dropped) {
            List<Rule> kept = b.rules().stream().filter(dropped.negate()).toList();
            return new RuleBook(b.name(), b.version(), b.slaSeconds(), b.longMessageChars(), b.inactivityGap(), kept,
                    b.outcomes(), b.sentiment(), b.source(), b.yaml(), b.sha256(), b.scenarios(), b.reportLanguage(), b.businessHours());
        }

        /** CPU seconds of this thread to score the conversations (the results are consumed so nothing is skipped). */
        private static double cpu(ConversationScorer scorer, List<Conversation> conversations) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            long results = 0;
            for (Conversation c : conversations) {
                results += scorer.score(c).checks().size();
            }
            if (results < 0) {
                throw new IllegalStateException();
            }
            return (threads.getCurrentThreadCpuTime() - start) / 1e9;
        }
    }
}
