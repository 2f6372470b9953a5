package chatqa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;

import chatqa.ingest.JudgedDialogues;
import chatqa.ingest.LocalExports;
import chatqa.model.Conversation;
import chatqa.rules.RuleBook;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScore;
import chatqa.score.ConversationScorer;
import chatqa.score.Spearman;

/**
 * {@code chatqa validate}: does the rule book measure what customers feel? Scores conversations
 * that people rated — STC-3 dialogues with their judges' mean satisfaction, or a shop's own
 * exports with a CSV of CSAT ratings ({@code conversation_id,satisfaction}) — and prints the
 * Spearman correlation with the human figure of the QA score, the satisfaction estimate, the
 * customer's final sentiment, and each rule (passed = 1, failed = 0, where it applied), each
 * with a 95 % interval.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Spearman correlation of qa_score, satisfaction_estimate and each rule with people's ratings of the same conversations.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--stc3", paramLabel = "FILE.json", description = "Dialogues judged by people (STC-3 layout: mean S over the judges).")
    Path stc3;

    @Option(names = "--ratings", paramLabel = "FILE.csv", description = "Ratings of exported conversations: a CSV with conversation_id,satisfaction.")
    Path ratings;

    @Option(names = "--input", arity = "1..*", paramLabel = "PATH", description = "With --ratings: the exports those conversations are in.")
    List<Path> inputs = List.of();

    @Mixin
    MappingOption mapping;

    @Mixin
    TimezoneOption timezone;

    @Mixin
    RulesOption rules;

    /** Which judged dialogues to correlate: the models were fitted on {@code train} only. */
    enum Split { ALL, DEV, TRAIN }

    @Option(names = "--split", defaultValue = "all", paramLabel = "all|dev|train",
            description = "With --stc3: which dialogues (dev: the quarter chatqa's models were not fitted on; default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--min-conversations", defaultValue = "30", paramLabel = "N",
            description = "Rules that applied to fewer conversations are not listed (default: ${DEFAULT-VALUE}).")
    int minConversations;

    @Override
    public Integer call() throws Exception {
        if ((stc3 == null) == (ratings == null)) {
            throw new ChatQa.BadArgument("give --stc3 FILE, or --ratings FILE with --input");
        }
        for (Path file : stc3 != null ? List.of(stc3) : List.of(ratings)) {
            if (!Files.isRegularFile(file)) {
                throw new ChatQa.BadArgument(file + ": not a file" + (Files.isDirectory(file) ? " (a folder; name the .json or .csv in it)" : ""));
            }
        }
        RuleBook book = rules.load();
        ConversationScorer scorer = new ConversationScorer(book);
        List<ConversationScore> scored = new ArrayList<>();
        List<Double> human = new ArrayList<>();
        if (stc3 != null) {
            for (JudgedDialogues.Dialogue d : JudgedDialogues.read(stc3)) {
                boolean dev = DevSplit.contains(d.conversation().id());
                if (d.satisfaction() == null || d.conversation().messages().isEmpty()
                        || (split == Split.DEV && !dev) || (split == Split.TRAIN && dev)) {
                    continue;
                }
                scored.add(scorer.score(d.conversation()));
                human.add(d.satisfaction());
            }
        } else {
            Map<String, Double> byId = readRatings(ratings);
            for (Conversation c : LocalExports.read(inputs, mapping.load(inputs), timezone.zone(), book.inactivityGap()).conversations()) {
                Double r = byId.get(c.id());
                if (r != null) {
                    scored.add(scorer.score(c));
                    human.add(r);
                }
            }
        }
        if (scored.size() < 4) {
            throw new ChatQa.BadArgument("only " + scored.size() + " rated conversations found: nothing to correlate");
        }
        System.out.printf("%d rated conversations%n%-" + NAME_WIDTH + "s %8s  %-17s %6s%n", scored.size(), "measure", "Spearman", "95 % interval", "n");
        Map<String, Measure> measures = new LinkedHashMap<>();
        measures.put("qa_score", s -> s.verdicts().qaScore());
        measures.put("satisfaction_estimate", s -> s.satisfaction() == null ? null : s.satisfaction().value());
        measures.put("sentiment_end", s -> s.sentiment().end());
        measures.put("customer_unhappy_at_end (yes = 1)", s -> s.outcome().flags().customerUnhappyAtEnd() ? 1.0 : 0.0);
        for (Map.Entry<String, Measure> m : measures.entrySet()) {
            print(m.getKey(), scored, human, m.getValue());
        }
        Map<String, List<Integer>> rulesSeen = new TreeMap<>();
        for (int i = 0; i < scored.size(); i++) {
            for (CheckResult c : scored.get(i).checks()) {
                rulesSeen.computeIfAbsent(c.rule().id(), k -> new ArrayList<>()).add(i);
            }
        }
        for (String rule : rulesSeen.keySet()) {
            print("rule " + rule + " (passed = 1)", scored, human, s -> passed(s, rule));
        }
        return ChatQa.OK;
    }

    private static final int NAME_WIDTH = 56;

    interface Measure {
        Double of(ConversationScore s);
    }

    private void print(String name, List<ConversationScore> scored, List<Double> human, Measure m) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Double v = m.of(scored.get(i));
            if (v != null) {
                x.add(v);
                y.add(human.get(i));
            }
        }
        if (x.size() < Math.max(4, name.startsWith("rule ") ? minConversations : 4)) {
            return;
        }
        Spearman r = Spearman.of(x, y);
        if (Double.isNaN(r.rho())) {
            // A rule that passed (or failed) everywhere says nothing about the ratings.
            System.out.printf("%-" + NAME_WIDTH + "s %8s  %-17s %6d%n", name, "-", "same everywhere", r.n());
            return;
        }
        System.out.printf("%-" + NAME_WIDTH + "s %8.3f  %7.3f .. %6.3f %6d%n", name, r.rho(), r.low(), r.high(), r.n());
    }

    /** 1 when every result of the rule in the conversation passed, 0 when one failed, null when it did not apply. */
    private static Double passed(ConversationScore s, String rule) {
        Boolean all = null;
        for (CheckResult c : s.checks()) {
            if (c.rule().id().equals(rule)) {
                all = (all == null || all) && c.passed();
            }
        }
        return all == null ? null : all ? 1.0 : 0.0;
    }

    private static Map<String, Double> readRatings(Path file) throws IOException {
        Map<String, Double> out = new HashMap<>();
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String[] header = csv.readNext();
            int id = header == null ? -1 : index(header, "conversation_id");
            int value = header == null ? -1 : index(header, "satisfaction");
            if (id < 0 || value < 0) {
                throw new ChatQa.BadArgument(file + ": expected a header with conversation_id and satisfaction");
            }
            String[] row;
            long line = 1;
            while ((row = csv.readNext()) != null) {
                line++;
                try {
                    out.put(row[id].strip(), Double.parseDouble(row[value].strip()));
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new ChatQa.BadArgument(file + ":" + line + ": satisfaction is not a number");
                }
            }
        } catch (CsvValidationException e) {
            throw new ChatQa.BadArgument(file + ": " + e.getMessage());
        }
        return out;
    }

    private static int index(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].replace("\uFEFF", "").strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
