package chatqa.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import chatqa.model.Conversation;
import chatqa.rules.RuleBook;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScore;
import chatqa.score.ConversationScorer;
import chatqa.score.VerdictEvaluation;

/**
 * Reads labelled conversation verdicts ({@code {"conversation": id, "rule": id, "fails": true}}) and
 * scores the labelled conversations of an export with a rule book, for {@code rules eval --verdicts}.
 * A label that names a rule the book lacks, or a conversation the export lacks, is refused with
 * its line: a measurement over the wrong data must not look like one over the right data.
 */
final class RulesVerdicts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RulesVerdicts() {
    }

    static VerdictEvaluation evaluate(RuleBook book, Path file, List<Conversation> conversations, boolean dev) throws IOException {
        Map<String, Conversation> byId = new HashMap<>();
        conversations.forEach(c -> byId.put(c.id(), c));
        List<VerdictEvaluation.Labelled> labels = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                String conversation = node.path("conversation").asText("");
                String rule = node.path("rule").asText("");
                if (!node.path("fails").isBoolean()) {
                    problems.add(file + ":" + n + ": fails: expected true or false");
                } else if (book.rules().stream().noneMatch(x -> x.id().equals(rule))) {
                    problems.add(file + ":" + n + ": rule: no rule '" + rule + "' in " + book.source());
                } else if (!byId.containsKey(conversation)) {
                    problems.add(file + ":" + n + ": conversation: '" + conversation + "' is not in --input");
                } else if (!dev || DevSplit.contains(conversation)) {
                    labels.add(new VerdictEvaluation.Labelled(conversation, rule, node.get("fails").asBoolean()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ChatQa.BadArgument(String.join("\n", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? "\n… and " + (problems.size() - 10) + " more" : ""));
        }
        ConversationScorer scorer = new ConversationScorer(book);
        Map<String, ConversationScore> scored = new HashMap<>();
        VerdictEvaluation eval = new VerdictEvaluation();
        for (VerdictEvaluation.Labelled l : labels) {
            ConversationScore s = scored.computeIfAbsent(l.conversation(), id -> scorer.score(byId.get(id)));
            CheckResult worst = null;
            for (CheckResult c : s.checks()) {
                if (c.rule().id().equals(l.rule()) && (worst == null || worst.passed() && !c.passed())) {
                    worst = c;
                }
            }
            eval.add(l, worst);
        }
        return eval;
    }
}
