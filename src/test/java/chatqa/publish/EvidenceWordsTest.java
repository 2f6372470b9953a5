package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.LocalExports;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.rules.RuleKind;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScore;
import chatqa.score.ConversationScorer;

/**
 * The report's Chinese evidence: every check's sentence on the sample day (read without Spark),
 * failed or passed (the review workbook and the rules diff show both), has a Chinese form, and the forms of the score package's tests read as expected.
 */
class EvidenceWordsTest {
    private static final EvidenceWords ZH = EvidenceWords.of(Words.of(ReportLanguage.ZH));
    /** English words left in a translation, besides the rule book's own condition names and ids. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(message|messages|found|customer|agent|the|hits?|negative|in|after)\\b");

    @Test
    void everyCheckOfTheSampleDayReadsInChinese() throws IOException {
        RuleBook book = RuleBookLoader.loadDefault();
        ConversationScorer scorer = new ConversationScorer(book);
        List<ConversationScore> day = LocalExports.read(List.of(Path.of("sample-data/2026-11-20")), ExportMapping.canonical(),
                ZoneId.of("Asia/Shanghai"), book.inactivityGap()).conversations().stream().map(scorer::score).toList();
        Set<String> untranslated = new TreeSet<>();
        int failed = 0;
        for (ConversationScore s : day) {
            for (CheckResult r : s.checks()) {
                failed += r.passed() ? 0 : 1;
                String english = r.evidence().why();
                String zh = ZH.translate(english);
                boolean composed = r.rule().kind() instanceof RuleKind.Composition;
                if ((!composed && !ZH.covers(english)) || ENGLISH.matcher(zh).find()) {
                    untranslated.add(english.replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N") + " → " + zh);
                }
            }
        }
        assertTrue(failed > 500, "the sample day fails many checks: " + failed);
        assertEquals(Set.of(), untranslated);
    }

    @Test
    void formsOfTheScorePackageReadAsTheHandbooksSayThem() {
        assertEquals("顾客第3条消息（“？？？”）后客服的首次回复中没有找到要求的话术",
                ZH.translate("not found in the first agent reply after customer message 3 ('？？？')"));
        assertEquals("顾客第1条消息（“能便宜”）之后的2条客服消息中没有找到要求的话术",
                ZH.translate("not found in the next 2 agent messages after customer message 1 ('能便宜')"));
        assertEquals("第3条消息（客服：“退款”）中没有找到要求的话术", ZH.translate("not found in agent message 3 ('退款')"));
        assertEquals("首条客服消息中出现禁用语“滚”", ZH.translate("forbidden '滚' in the first agent message"));
        assertEquals("顾客第4条消息等了200秒才得到客服回复（第5条消息），超过180秒",
                ZH.translate("the customer's message 4 waited 200 s for agent message 5, more than 180 s"));
        assertEquals("顾客最后一条消息（第6条）是负面情绪：线索:愤怒(+1.2) 客服前一条:请等待(+0.3) 么服务(+0.2)",
                ZH.translate("the customer's last message (6) is negative: negative: cue:anger(+1.2) agent:waiting(+0.3) t:么服务(+0.2)"));
        assertEquals("chase ✓ （第2条顾客消息：'快点'，2次）; reply ✗ → 未通过的条件：chase && !reply",
                ZH.translate("chase ✓ (customer message 2: '快点', 2 hits); reply ✗ → fail_when: chase && !reply"));
        assertEquals("something chatqa never wrote", ZH.translate("something chatqa never wrote"), "shown as written, not dropped");
        EvidenceWords en = EvidenceWords.of(Words.of(ReportLanguage.EN));
        assertEquals("forbidden '滚' in the first agent message", en.translate("forbidden '滚' in the first agent message"));
    }
}
