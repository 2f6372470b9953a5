package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import chatqa.config.ConfigError;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;

/** The report's two bundles say the same things, and numbers, days and durations read each language's way. */
class WordsTest {
    private static final Words ZH = Words.of(ReportLanguage.ZH);
    private static final Words EN = Words.of(ReportLanguage.EN);

    @Test
    void bothBundlesHaveTheSameKeysAndBlanks() {
        assertEquals(new TreeSet<>(Words.keys(ReportLanguage.EN)), new TreeSet<>(Words.keys(ReportLanguage.ZH)));
        for (String key : Words.keys(ReportLanguage.EN)) {
            assertEquals(blanks(EN.get(key)), blanks(ZH.get(key)), key);
        }
    }

    private static Set<String> blanks(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void daysDurationsAndCountsTheChineseWay() {
        assertEquals("2026年11月20日", ZH.day("2026-11-20"));
        assertEquals("2026-11-20", EN.day("2026-11-20"));
        assertEquals("11月2日", ZH.shortDay("2026-11-02"));
        assertEquals("8.5秒", ZH.seconds(8.5));
        assertEquals("3分05秒", ZH.seconds(185.0));
        assertEquals("1小时05分", ZH.seconds(3900.0));
        assertEquals("3 min 05 s", EN.seconds(185.0));
        assertEquals("9,999", ZH.compact(9_999));
        assertEquals("1.2万", ZH.compact(12_345));
        assertEquals("35万", ZH.compact(350_000));
        assertEquals("1.5亿", ZH.compact(150_000_000));
        assertEquals("12,345", EN.compact(12_345));
        assertEquals("质检分", ZH.csvHeader("qa_score"));
        assertEquals("30秒内首响率", ZH.csvHeader("sla_30s_rate"));
        assertEquals("sla_30s_rate", EN.csvHeader("sla_30s_rate"));
        assertEquals("some_new_column", ZH.csvHeader("some_new_column"), "a column without a word keeps its name");
    }

    @Test
    void outcomesCategoriesAndScenariosByName() {
        assertEquals("会话内解决", ZH.outcome("resolved_in_chat"));
        assertEquals("红线", ZH.category("red_line"));
        RuleBook book = RuleBookLoader.loadDefault();
        Words w = Words.of(ReportLanguage.ZH, book);
        assertEquals("讲价", w.scenario("bargaining"));
        assertEquals("其他", w.scenario("other"));
        assertEquals("made_up", w.scenario("made_up"));
        assertTrue(book.rules().stream().allMatch(r -> !r.name().equals(r.id())), "every built-in rule has a name");
    }

    @Test
    void theRuleBookChoosesTheLanguageAndRefusesOthers() {
        String rule = "rules:\n  - id: greeting.hello\n    position: first_agent_message\n    category: greeting\n    points: 5\n    phrases: [您好]\n";
        assertEquals("zh", RuleBookLoader.parse(rule, "t.yaml").reportLanguage());
        RuleBook en = RuleBookLoader.parse("report:\n  language: en\n" + rule, "t.yaml");
        assertEquals("en", en.reportLanguage());
        assertEquals("greeting.hello", en.rules().get(0).name(), "a rule without a name shows its id");
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBookLoader.parse("report:\n  language: fr\n" + rule, "t.yaml"));
        assertTrue(e.getMessage().contains("t.yaml:2") && e.getMessage().contains("[zh, en]"), e.getMessage());
        assertEquals(ReportLanguage.EN, ReportLanguage.of("EN"));
        assertThrows(IllegalArgumentException.class, () -> ReportLanguage.of("fr"));
    }
}
