package chatqa.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.LocalExports;
import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.rules.RuleBook;
import chatqa.score.ElementEvaluation;

/**
 * {@code chatqa rules eval}: precision, recall and F1 of each element rule on labelled agent
 * messages (docs/labelling.md). A label line carries the message's text, or only its id, which
 * is then looked up in the export given with --input (so public data never has to be copied).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Precision, recall and F1 per element label on a labelled set (JSON Lines: id, labels, and text or --input);",
                "with --verdicts, of each rule's verdict on whole conversations of --input (JSON Lines: conversation, rule, fails)."})
final class RulesEval implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    RulesOption rules;

    @Option(names = "--labels", paramLabel = "FILE.jsonl", description = "Labelled messages.")
    Path labels;

    @Option(names = "--verdicts", paramLabel = "FILE.jsonl",
            description = "Labelled conversation verdicts: should the rule fail the conversation? Needs --input.")
    Path verdicts;

    @Option(names = "--only", split = ",", paramLabel = "LABEL", description = "Evaluate only these labels (a set labelled for some labels only).")
    Set<String> only = Set.of();

    @Option(names = "--dev", description = "Only the dev split (conversation ids whose MD5 is 0 mod 4): the figures to report.")
    boolean dev;

    @Option(names = "--input", arity = "0..*", paramLabel = "PATH", description = "The export the labelled ids come from.")
    List<Path> inputs = List.of();

    @Mixin
    MappingOption mapping;

    @Mixin
    TimezoneOption timezone;

    /**
     * Labelled messages joined to their texts and evaluated: how many joined, which ids were not in
     * the data, and which joined texts do not start with the label's excerpt (a sign the data changed).
     */
    record Result(ElementEvaluation evaluation, int joined, List<String> unknown, List<String> excerptMismatches) {
    }

    @Override
    public Integer call() throws Exception {
        RuleBook book = rules.load();
        if ((labels == null) == (verdicts == null)) {
            throw new ChatQa.BadArgument("give --labels (labelled messages) or --verdicts (labelled conversations)");
        }
        if (verdicts != null) {
            if (inputs.isEmpty()) {
                throw new ChatQa.BadArgument("--verdicts needs --input: the export the labelled conversations come from");
            }
            System.out.print(RulesVerdicts.evaluate(book, verdicts, LocalExports.read(inputs, mapping.load(inputs), timezone.zone(),
                    book.inactivityGap()).conversations(), dev).render());
            return ChatQa.OK;
        }
        Result r = evaluate(book, labels, texts(book, inputs, mapping.load(inputs), timezone.zone()), only, dev);
        if (r.joined() == 0) {
            throw new ChatQa.BadArgument("no labelled message could be joined to a text: give --input (and --mapping) for id-only labels");
        }
        System.out.print(r.evaluation().render(r.joined()));
        report("labelled ids not found in --input", r.unknown());
        report("texts that do not start with their label's excerpt", r.excerptMismatches());
        return ChatQa.OK;
    }

    private static void report(String what, List<String> items) {
        if (!items.isEmpty()) {
            System.out.printf("%n%d %s: %s%n", items.size(), what, String.join(", ", items.subList(0, Math.min(5, items.size()))));
        }
    }

    /** Message id → text of every accepted message of the export (empty without inputs). */
    static Map<String, String> texts(RuleBook book, List<Path> inputs, ExportMapping m, ZoneId zone) throws IOException {
        Map<String, String> texts = new HashMap<>();
        if (inputs.isEmpty()) {
            return texts;
        }
        for (Conversation c : LocalExports.read(inputs, m, zone, book.inactivityGap()).conversations()) {
            for (Message msg : c.messages()) {
                texts.put(msg.messageId(), msg.text());
            }
        }
        return texts;
    }

    /** Reads the label lines, joins id-only ones to {@code texts}, and evaluates the rule book on them. */
    static Result evaluate(RuleBook book, Path labels, Map<String, String> texts) throws IOException {
        return evaluate(book, labels, texts, Set.of(), false);
    }

    /** As above, for the labels of {@code only} (empty: all), and with {@code dev} only for ids of the dev split. */
    static Result evaluate(RuleBook book, Path labels, Map<String, String> texts, Set<String> only, boolean dev) throws IOException {
        ElementEvaluation eval = new ElementEvaluation(book, only);
        int joined = 0;
        List<String> unknown = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String id = node.path("id").asText(null);
                if (dev && (id == null || !DevSplit.contains(id.contains("#") ? id.substring(0, id.indexOf('#')) : id))) {
                    continue;
                }
                String text = node.hasNonNull("text") ? node.get("text").asText() : texts.get(id);
                if (text == null) {
                    unknown.add(labels + ":" + lineNo + " (" + id + ")");
                    continue;
                }
                if (node.hasNonNull("excerpt") && !text.startsWith(node.get("excerpt").asText())) {
                    mismatched.add(labels + ":" + lineNo + " (" + id + ")");
                }
                Set<String> expected = new TreeSet<>();
                node.path("labels").forEach(l -> expected.add(l.asText()));
                eval.add(new ElementEvaluation.Labelled(id, text, expected));
                joined++;
            }
        }
        return new Result(eval, joined, unknown, mismatched);
    }
}
