package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
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
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.LocalExports;
import chatqa.model.Conversation;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScorer;

/**
 * {@code rules diff} on a scored day with a changed book: it reports exactly the checks a direct
 * re-score changes (the pure-Java scorers of both books over the same export), and the warehouse's
 * files are untouched.
 */
@Tag("spark")
class RulesDiffTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path tmp;

    @Test
    void reportsExactlyTheChecksADirectRescoreChangesAndWritesNothingToTheWarehouse() throws IOException, URISyntaxException {
        Path input = Path.of(RulesDiffTest.class.getResource("/fixtures/day1").toURI());
        RuleBook old = RuleBookLoader.loadDefault();
        // The shop drops 您好 / 你好 as a greeting: first replies that only say 您好 now fail greeting.hello.
        RuleBook changed = RuleBookLoader.parse(old.yaml().replaceFirst("phrases: \\[您好, 你好, ", "phrases: ["), "changed.yaml");
        SparkSession spark = TestSpark.get();
        String warehouse = tmp.resolve("warehouse").toString();
        new ScoreJob(spark).run(new ScoreOptions(List.of(input.toString()), ExportMapping.canonical(), "canonical schema", old, SHANGHAI, DAY,
                warehouse, tmp.resolve("reports").toString()).withoutHtmlReport());
        Map<Path, Long> before = files(Path.of(warehouse));

        RulesDiff.Outcome o = new RulesDiff(spark).run(warehouse, changed, DAY.toString(), DAY.toString(), tmp.resolve("diff"),
                chatqa.publish.Words.of(chatqa.publish.ReportLanguage.ZH, changed));

        Set<String> expected = new TreeSet<>();
        ConversationScorer a = new ConversationScorer(old);
        ConversationScorer b = new ConversationScorer(changed);
        for (Conversation c : LocalExports.read(List.of(input), ExportMapping.canonical(), SHANGHAI, old.inactivityGap()).conversations()) {
            Map<String, Boolean> was = new HashMap<>();
            for (CheckResult r : a.score(c).checks()) {
                was.put(r.segment() + "|" + r.rule().id(), r.passed());
            }
            for (CheckResult r : b.score(c).checks()) {
                Boolean p = was.get(r.segment() + "|" + r.rule().id());
                if (p != null && p != r.passed()) {
                    expected.add(c.id() + "|" + r.segment() + "|" + r.rule().id());
                }
            }
        }
        assertTrue(!expected.isEmpty(), "the change flips something on the fixture");
        List<String> flips = Files.readAllLines(o.folder().resolve("flips.csv")).stream().skip(1).toList();
        Set<String> reported = new TreeSet<>();
        for (String line : flips) {
            String[] f = line.replace("\uFEFF", "").split(",", -1);
            reported.add(f[1].replace("\"", "") + "|" + f[2].replace("\"", "") + "|" + f[4].replace("\"", ""));
        }
        assertEquals(expected, reported, String.join("\n", flips));
        assertEquals(expected.size(), o.flipped());
        String rules = Files.readString(o.folder().resolve("rules.csv"));
        assertTrue(rules.contains("greeting.hello"), rules);
        assertTrue(Files.readString(o.folder().resolve("agents.csv")).contains("qa_score_before"), "agents' scores before and after");
        String page = Files.readString(o.page());
        assertTrue(page.contains("<p id=\"summary\">") && page.contains(expected.size() + " 项检查的判定会改变"), "the page's summary");
        assertTrue(page.contains("问候语 <small class=\"agent-id\">greeting.hello</small>"), "rules by their names, ids beside");
        int flipRows = page.substring(page.indexOf("<table id=\"flips\">")).split("<tr>", -1).length - 2;
        assertEquals(Math.min(expected.size(), chatqa.publish.RulesDiffReport.SHOWN), flipRows, "one row per flipped check shown");
        assertTrue(page.contains("通过 → 未通过"), "the verdict's turn in words");
        assertTrue(!page.matches("(?s).*\\b(not found|found in)\\b.*"), "evidence sentences in Chinese");
        assertEquals(before, files(Path.of(warehouse)), "the warehouse's files are as they were");
        assertThrows(IOException.class, () -> new RulesDiff(spark).run(warehouse, changed, DAY.toString(), DAY.toString(),
                Path.of(warehouse, "scratch"), chatqa.publish.Words.of(chatqa.publish.ReportLanguage.ZH)), "a scratch folder inside the warehouse is refused");
    }

    private static Map<Path, Long> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            Map<Path, Long> out = new TreeMap<>();
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p), Files.size(p) * 1_000_003 + Files.getLastModifiedTime(p).toMillis());
            }
            return out;
        }
    }
}
