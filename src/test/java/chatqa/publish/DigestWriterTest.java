package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.privacy.PersonalDataMask;

/** The digest's two files: lines in the report's language, hostile ids shown as text, phone numbers masked. */
class DigestWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesMarkdownAndHtmlWithLinksToAgentPages() throws IOException {
        Digest d = new Digest("2026-11-20", "2026-11-19", 21,
                List.of(new Digest.Fatal("s1", "<script>*x*</script>", "red_line.rude", "争吵推诿嘲讽", "c1", "滚，打13812345678")),
                1, List.of(new Digest.Intervention("s1", "a1", "c2")), 5.0,
                List.of(new Digest.Drop("s1", "a1", 70.0, 82.5)), 0.10,
                List.of(new Digest.Jump("s1", "apology.after_complaint", "致歉", 0.45, 0.30, 40)),
                new Digest.Backlog(11, 2, List.of(new Digest.BacklogDay("2026-11-18", 12, 4), new Digest.BacklogDay("2026-11-20", 3, 0))));
        new DigestWriter(Words.of(ReportLanguage.ZH), PersonalDataMask.standard()).write(d, Map.of(DayReport.AgentPage.key("s1", "a1"), "a1.html"), tmp);
        String md = Files.readString(tmp.resolve("digest.md"));
        assertTrue(md.startsWith("# 质检摘要 · 2026年11月20日\n\n对比 2026年11月19日\n"), md);
        assertTrue(md.contains("## 红线（致命项）：21\n- s1 · \\<script\\>\\*x\\*\\</script\\> · 争吵推诿嘲讽 (red_line.rude) · 会话 c1 · “滚，打"), md);
        assertFalse(md.contains("13812345678"), "the phone is masked: " + md);
        assertTrue(md.contains("…… 另有 20 条"), md);
        assertTrue(md.contains("- s1 · a1: 70.0（前一天 82.5，−12.5）"), md);
        assertTrue(md.contains("- s1 · 致歉 (apology.after_complaint): 45%（前一天 30%，+15.0 个百分点，检查 40 次）"), md);
        assertTrue(md.contains("## 复核待办：11 个会话待复核，2 个申诉未决\n- 2026年11月18日：抽取 12，已复核 4，待复核 8\n"
                + "- 2026年11月20日：抽取 3，已复核 0，待复核 3\n"), md);
        String html = Files.readString(tmp.resolve("digest.html"));
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script>"), "escaped: " + html);
        assertTrue(html.contains("<a href=\"agents/a1.html\">s1 · a1 · 会话 c2</a>"), html);
        assertEquals("a\\*b \\[x\\] red_line.rude \\_x\\_", DigestWriter.markdown("a*b [x] red_line.rude _x_"));
    }
}
