package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import chatqa.privacy.PersonalDataMask;

/** The HTML pages of a hand-made day: what they show, and that chat text and agent ids cannot do harm. */
class HtmlReportTest {
    @TempDir
    Path tmp;

    private Path day;
    private String index;
    private String hostilePage;

    @BeforeEach
    void write() throws IOException {
        day = tmp.resolve("reports").resolve("2026-11-20");
        HtmlReport.Written w = new HtmlReport(PersonalDataMask.standard(), Words.of(ReportLanguage.EN)).write(ReportFixture.day(), day, "2026-11-21 08:00 CST");
        assertEquals(day.resolve("index.html"), w.index());
        assertEquals(2, w.agentPages());
        index = Files.readString(day.resolve("index.html"));
        hostilePage = Files.readString(day.resolve("agents").resolve(ReportFixture.day().pages().get(1).fileName()));
    }

    private List<Path> htmlFiles() throws IOException {
        try (Stream<Path> all = Files.walk(day)) {
            return all.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void leaderboardShowsRankScoreChangesAndTheCheckToCoachFirst() {
        String mei = row(index, ReportFixture.CHINESE_ID);
        assertTrue(mei.contains("<td class=\"num qa\">90.0</td>"), mei);
        assertTrue(mei.contains("<td class=\"num up\">+5.0</td>"), "vs previous day 85.0: " + mei);
        assertTrue(mei.contains("<td class=\"num up\">+2.5</td>"), "vs 7-day 87.5: " + mei);
        assertTrue(mei.contains("href=\"agents/%E5%AE%A2%E6%9C%8D%E5%B0%8F%E7%BE%8E.html\""), "link percent-encoded: " + mei);
        assertTrue(mei.contains("<td title=\"greeting.hello\">问候语</td>"), "mei's only failing check, by its name: " + mei);
        String hostile = row(index, "&lt;script&gt;");
        assertTrue(hostile.contains("<td class=\"num flat\">—</td>"), "no history, no change: " + hostile);
        assertTrue(hostile.contains("<td class=\"num bad\">2</td>"), "red lines stand out: " + hostile);
        assertTrue(hostile.contains("<td class=\"num\">—</td>"), "no first response measured within the tier: " + hostile);
        assertTrue(hostile.contains("<td title=\"apology.after_complaint\">致歉</td>"), "100 points behind the team on apology: " + hostile);
        assertTrue(index.contains("<td>致歉 <small class=\"rule-id\">apology.after_complaint</small></td><td>apology</td>"),
                "top failing checks list it by name, the id beside it");
        assertTrue(index.contains("<tr data-scenario=\"logistics\"><td>logistics</td><td class=\"num\">5</td><td class=\"num\">56%</td><td class=\"num\">80.0</td><td class=\"num\">50%</td></tr>"),
                "scenario mix");
    }

    private static String row(String html, String agentText) {
        int at = html.indexOf("data-agent=\"" + agentText);
        assertTrue(at > 0, "row of " + agentText);
        return html.substring(at, html.indexOf("</tr>", at));
    }

    @Test
    void chatTextAndAgentIdsAreEscapedEverywhereAndNoPageCanRunScripts() throws IOException {
        for (Path p : htmlFiles()) {
            String html = Files.readString(p);
            assertFalse(html.contains("<script"), p + " has a script element");
            assertFalse(html.contains("<img src=x"), p + " has the injected image");
            assertFalse(html.contains("<a href=\"javascript"), p + " has the injected link");
            assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"), p + " forbids scripts by policy");
        }
        assertTrue(hostilePage.contains("&lt;img src&#61;x onerror&#61;"), "the text is shown, escaped");
    }

    @Test
    void evidenceIsMaskedAndTheMatchedSpanHighlighted() {
        assertFalse(hostilePage.contains("13800138000"), "agent message phone masked");
        assertFalse(hostilePage.contains("13912345678"), "customer message phone masked");
        assertTrue(hostilePage.contains("<mark>你自己看</mark>"), "span highlighted");
        assertTrue(hostilePage.contains("customer before:"), "the complaint before the reply is shown");
        assertTrue(hostilePage.contains("id=\"rule-red_line.rude\""), "each failed rule has an anchor");
        assertTrue(hostilePage.contains("<span class=\"fatal\">red line: the part scores 0</span>"));
        assertTrue(hostilePage.contains("href=\"../index.html\""), "links back to the overview");
        assertFalse(hostilePage.contains("id=\"agent-scenarios\""), "no scenarios, no table");
    }

    @Test
    void agentFilesStayInsideTheReportFolderAndChartsExistForEachPage() throws IOException {
        for (Path p : htmlFiles()) {
            assertTrue(p.normalize().startsWith(day), p.toString());
        }
        for (String stem : List.of("客服小美", "script-alert-id-script-etc-passwd-0badf00d")) {
            assertFalse(Files.exists(day.resolve("charts").resolve("agent-" + stem + "-radar.png")), "agents' PNG only on request");
            assertTrue(Files.size(day.resolve("charts").resolve("agent-" + stem + "-radar.svg")) > 0);
        }
        assertTrue(Files.exists(day.resolve("charts").resolve("agent-客服小美-trend.svg")), "two scored days: a trend");
        assertFalse(Files.exists(day.resolve("charts").resolve("agent-script-alert-id-script-etc-passwd-0badf00d-trend.svg")));
    }

    @Test
    void agentPngOnRequestWithTheLinkToIt() throws IOException {
        Path out = day.resolveSibling("with-png");
        new HtmlReport(PersonalDataMask.standard(), Words.of(ReportLanguage.EN), true).write(ReportFixture.day(), out, "2026-11-21 08:00 CST");
        assertTrue(Files.size(out.resolve("charts").resolve("agent-客服小美-radar.png")) > 0);
        assertTrue(Files.readString(out.resolve("agents").resolve(ReportFixture.day().pages().get(0).fileName())).contains("-radar.png\">PNG</a>"));
        assertFalse(Files.readString(day.resolve("agents").resolve(ReportFixture.day().pages().get(0).fileName())).contains(".png"), "no link to a PNG not drawn");
    }

    @Test
    void writingAgainReplacesTheReportAndLeavesNoStagingBehind() throws IOException {
        new HtmlReport(PersonalDataMask.standard(), Words.of(ReportLanguage.EN)).write(ReportFixture.day(), day, "2026-11-21 09:00 CST");
        assertTrue(Files.readString(day.resolve("index.html")).contains("2026-11-21 09:00 CST"));
        try (Stream<Path> files = Files.list(day)) {
            assertEquals(List.of("agents", "charts", "index.html"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void reviewsShowTheScoreAfterReviewAndTheRulesReviewersOverturn() throws IOException {
        DayReport d = ReportFixture.day();
        DayReport.AgentRow mei = d.agents().get(0);
        ReviewFacts facts = new ReviewFacts(java.util.Map.of(DayReport.AgentPage.key(mei.shopId(), mei.agentId()),
                new ReviewFacts.AgentReview(3, 94.0, 4, 1, 1, 0)),
                List.of(new ReviewFacts.RulePrecision("red_line.rude", "争吵推诿嘲讽", 12, 0.5, 0.25, 0.75)), 0.8, 5);
        DayReport reviewed = new DayReport(d.day(), d.run(), d.team(), d.shops(), d.agents(), d.rules(), d.outcomes(), d.qaHistogram(),
                d.frtHistogram(), d.slaSeconds(), d.teamTrend(), d.scenarios(), d.pages(), d.groups(), facts);
        Path out = tmp.resolve("reviewed");
        new HtmlReport(PersonalDataMask.standard(), Words.of(ReportLanguage.ZH)).write(reviewed, out, "2026-11-21 08:00 CST");
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains(">复核后</th>") && html.contains("<td class=\"num reviewed\">94.0</td><td>待处理 1 · 支持 1 · 驳回 0</td>"), html);
        assertTrue(html.contains("<h2>复核时常被推翻的规则</h2>") && html.contains("<td class=\"num\">50%</td><td class=\"num\">25% – 75%</td>"), html);
        String page = Files.readString(out.resolve("agents").resolve(d.pages().get(0).fileName()));
        assertTrue(page.contains("复核后 94.0（已复核 3 个接待段）"), page);
        assertFalse(index.contains(">复核后</th>"), "no reviews, no column");
    }
}
