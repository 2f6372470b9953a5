package chatqa.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.LocalExports;
import chatqa.model.Conversation;
import chatqa.rules.Rule;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScore;
import chatqa.score.ConversationScorer;
import chatqa.score.ScenarioTag;

/**
 * The generator writes every scenario of the default rule book, and the scenario rules find both
 * handbook replies and broken ones in the sample day (sample-data/2026-11-20, read without Spark).
 */
class SampleDayScenariosTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final RuleBook BOOK = RuleBookLoader.loadDefault();

    @TempDir
    Path tmp;

    private static List<ConversationScore> score(Path day) throws IOException {
        ConversationScorer scorer = new ConversationScorer(BOOK);
        return LocalExports.read(List.of(day), ExportMapping.canonical(), SHANGHAI, BOOK.inactivityGap()).conversations().stream()
                .map(scorer::score).toList();
    }

    @Test
    void sampleDayHasEveryScenarioAndEachScenarioRulePassesAndFailsSomewhere() throws IOException {
        List<ConversationScore> day = score(Path.of("sample-data/2026-11-20"));
        Map<String, Integer> tags = new TreeMap<>();
        Map<String, int[]> results = new TreeMap<>();
        for (ConversationScore s : day) {
            for (ScenarioTag t : s.scenarios()) {
                tags.merge(t.scenario(), 1, Integer::sum);
                if (!t.scenario().equals("other")) {
                    assertTrue(t.evidence().matchedText() != null && t.evidence().messageSeq() > 0, t.toString());
                }
            }
            for (CheckResult r : s.checks()) {
                if (!r.rule().scenarios().isEmpty()) {
                    assertTrue(r.rule().scenarios().contains(s.scenarioOf(r.rule())), "a scenario rule belongs to a tag it has");
                    results.computeIfAbsent(r.rule().id(), k -> new int[2])[r.passed() ? 0 : 1]++;
                }
            }
        }
        assertEquals(new TreeSet<>(BOOK.scenarioNames()), tags.keySet(), "every scenario appears: " + tags);
        for (Rule rule : BOOK.rules()) {
            if (rule.scenarios().isEmpty()) {
                continue;
            }
            int[] r = results.get(rule.id());
            assertTrue(r != null && r[0] > 0 && r[1] > 0, rule.id() + " should pass and fail somewhere: "
                    + (r == null ? "never checked" : r[0] + " passed, " + r[1] + " failed"));
        }
    }

    @Test
    void generatorIsDeterministicAndWritesEveryHandbookScenarioInASmallDay() throws IOException {
        Path small = tmp.resolve("small");
        new SampleDay(LocalDate.of(2026, 11, 20), SHANGHAI, 7).write(small, 10);
        Map<String, Set<String>> byScenario = new HashMap<>();
        for (ConversationScore s : score(small.resolve("2026-11-20"))) {
            Conversation c = s.conversation();
            s.scenarioNames().forEach(n -> byScenario.computeIfAbsent(n, k -> new TreeSet<>()).add(c.id()));
        }
        for (String scenario : List.of("bargaining", "payment", "logistics", "quality_complaint", "return_refund",
                "after_sales_usage", "other")) {
            assertTrue(byScenario.containsKey(scenario), scenario + " missing from a 10-conversation day: " + byScenario.keySet());
        }
        String firstStream = Files.readString(tmp.resolve("small/2026-11-20/shop-a-chats.csv"));
        Path again = tmp.resolve("again");
        new SampleDay(LocalDate.of(2026, 11, 20), SHANGHAI, 7).write(again, 10);
        assertEquals(firstStream, Files.readString(again.resolve("2026-11-20/shop-a-chats.csv")), "deterministic");
    }
}
