package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

import chatqa.cli.ChatQa;
import chatqa.publish.Browser;
import chatqa.sample.SampleDay;

/**
 * The supervisor report of a generated three-day warehouse: its numbers against the warehouse
 * tables, its files, its regeneration by {@code chatqa report}, and the pages in headless
 * Chromium (no console errors; leaderboard and an agent page show the expected values).
 */
@Tag("spark")
class SupervisorReportTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 18);
    private static final String DAY = "2026-11-20";
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static int reportAgain;
    private static int reportNeverScored;
    private static int reportEnglish;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @BeforeAll
    static void scoreThreeDays() throws IOException {
        for (int i = 0; i < 3; i++) {
            new SampleDay(FIRST.plusDays(i), ZoneId.of("Asia/Shanghai"), 300 + i).write(tmp.resolve("input"), 60);
        }
        int code = ChatQa.run("backfill", "--from", FIRST.toString(), "--to", DAY, "--input-root", tmp.resolve("input").toString(),
                "--warehouse", warehouse(), "--reports", reports().toString(), "--master", "local[2]");
        assertEquals(0, code);
        // The commands stop their Spark session, so they run before the test's own session starts.
        reportAgain = ChatQa.run("report", "--date", DAY, "--warehouse", warehouse(), "--reports", tmp.resolve("reports-again").toString(),
                "--master", "local[2]");
        reportEnglish = ChatQa.run("report", "--date", DAY, "--lang", "en", "--warehouse", warehouse(), "--reports",
                tmp.resolve("reports-en").toString(), "--master", "local[2]");
        reportNeverScored = ChatQa.run("report", "--date", "2026-11-01", "--warehouse", warehouse(), "--reports",
                tmp.resolve("reports-never").toString(), "--master", "local[2]");
        spark = TestSpark.get();
    }

    private static String warehouse() {
        return tmp.resolve("warehouse").toString();
    }

    private static Path reports() {
        return tmp.resolve("reports");
    }

    private static List<Row> scorecards(String day) {
        return spark.read().parquet(warehouse() + "/agent_scorecards/dt=" + day).orderBy("shop_id", "rank", "agent_id").collectAsList();
    }

    private static Map<String, Double> scoresOn(String day) {
        Map<String, Double> m = new HashMap<>();
        for (Row r : scorecards(day)) {
            m.put(r.getAs("shop_id") + "/" + r.getAs("agent_id"), r.getAs("qa_score"));
        }
        return m;
    }

    @Test
    void everyDayHasItsReportWithAPagePerAgentAndChartsInPngAndSvg() throws IOException {
        for (int i = 0; i < 3; i++) {
            Path day = reports().resolve(FIRST.plusDays(i).toString());
            assertTrue(Files.isRegularFile(day.resolve("index.html")), day + "/index.html");
            try (Stream<Path> pages = Files.list(day.resolve("agents"))) {
                assertEquals(scorecards(FIRST.plusDays(i).toString()).size(), pages.count());
            }
        }
        Path charts = reports().resolve(DAY).resolve("charts");
        for (String name : List.of("qa_histogram", "frt_distribution", "compliance", "sentiment", "trend")) {
            BufferedImage png = ImageIO.read(charts.resolve(name + ".png").toFile());
            assertNotNull(png, name + ".png is a PNG");
            assertEquals(720, png.getWidth(), name);
            String svg = Files.readString(charts.resolve(name + ".svg"));
            assertTrue(svg.startsWith("<svg") || svg.contains("<svg "), name + ".svg is SVG");
            assertTrue(svg.contains("<text"), name + ".svg keeps its labels as text");
            assertTrue(HAN.matcher(svg).find(), name + ".svg draws Chinese text");
        }
        try (Stream<Path> agentCharts = Files.list(charts)) {
            for (Path svg : agentCharts.filter(p -> p.toString().endsWith(".svg")).toList()) {
                assertTrue(HAN.matcher(Files.readString(svg)).find(), svg + " draws Chinese text");
            }
        }
        try (Stream<Path> files = Files.list(reports().resolve(DAY))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging folder left behind");
        }
    }

    @Test
    void leaderboardShowsScoresRanksAndChangesFromTheWarehouse() throws IOException {
        String html = Files.readString(reports().resolve(DAY).resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<table id=\"scenarios\">"), "the generated days have scenarios");
        Map<String, Double> before = scoresOn("2026-11-19");
        for (Row r : scorecards(DAY)) {
            String agent = r.getAs("agent_id");
            String row = html.substring(html.indexOf("<tr data-agent=\"" + agent + "\""));
            row = row.substring(0, row.indexOf("</tr>"));
            assertTrue(row.contains(String.format(Locale.ROOT, "<td class=\"num qa\">%.1f</td>", (double) r.getAs("qa_score"))), row);
            assertTrue(row.contains("<td class=\"num\">" + r.getAs("rank") + "</td>"), row);
            Double previous = before.get(r.getAs("shop_id") + "/" + agent);
            if (previous != null) {
                double delta = Math.round(((double) r.getAs("qa_score") - previous) * 10) / 10.0;
                String shown = delta == 0 ? "±0.0" : (delta > 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f", Math.abs(delta));
                assertTrue(row.contains(">" + shown + "</td>"), agent + " change " + shown + " in " + row);
            }
        }
    }

    @Test
    void reportCommandRebuildsTheSameReportFromTheWarehouse() throws IOException {
        assertEquals(0, reportAgain);
        String first = withoutGeneratedTime(Files.readString(reports().resolve(DAY).resolve("index.html")));
        String second = withoutGeneratedTime(Files.readString(tmp.resolve("reports-again").resolve(DAY).resolve("index.html")));
        assertEquals(first, second);
        assertEquals(1, reportNeverScored, "a day that was never scored fails with a message");
        assertFalse(Files.exists(tmp.resolve("reports-never").resolve("2026-11-01").resolve("index.html")));
    }

    private static String withoutGeneratedTime(String html) {
        return html.replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} [A-Z]\\S*", "X");
    }

    @Test
    void theDigestListsWhatChangedSinceThePreviousDayAsTheWarehouseHasIt() throws IOException {
        String md = Files.readString(reports().resolve(DAY).resolve("digest.md"));
        assertTrue(md.startsWith("# 质检摘要 · 2026年11月20日\n\n对比 2026年11月19日\n"), md);
        long fatal = spark.read().parquet(warehouse() + "/rule_hits/dt=" + DAY).where("fatal").count();
        assertTrue(md.contains("## 红线（致命项）：" + fatal + "\n"), "fatal " + fatal + " in " + md);
        long platform = spark.read().parquet(warehouse() + "/conversations/dt=" + DAY).where("outcome = 'platform_intervention'").count();
        assertTrue(md.contains("## 平台介入：" + platform + "\n"), "interventions " + platform + " in " + md);
        Map<String, Double> before = scoresOn("2026-11-19");
        long dropped = scorecards(DAY).stream().filter(r -> {
            Double p = before.get(r.getAs("shop_id") + "/" + r.getAs("agent_id"));
            return p != null && p - (double) r.getAs("qa_score") >= 5.0;
        }).count();
        assertTrue(md.contains("## 质检分下降 5.0 分以上的客服：" + dropped + "\n"), dropped + " drops in " + md);
        assertTrue(md.contains("## 未通过率上升 10 个百分点以上的规则："), md);
        String html = Files.readString(reports().resolve(DAY).resolve("digest.html"));
        assertTrue(html.contains("<h1>质检摘要 · 2026年11月20日</h1>") && html.contains("href=\"index.html\""), html);
        String first = Files.readString(reports().resolve(FIRST.toString()).resolve("digest.md"));
        assertTrue(first.contains("仓库里的第一个评分日") && !first.contains("质检分下降"), "nothing to compare on the first day: " + first);
    }

    @Test
    void reportInEnglishOnRequestWithTheWarehousesColumnNamesInTheCsv() throws IOException {
        assertEquals(0, reportEnglish);
        String en = Files.readString(tmp.resolve("reports-en").resolve(DAY).resolve("index.html"));
        assertTrue(en.contains("<html lang=\"en\">") && en.contains("<h1>Customer-service QA · 2026-11-20</h1>"), en.substring(0, 400));
        assertTrue(en.contains("<th class=\"num\">QA score</th>") && en.contains(">resolved in chat<"), "English headers and outcomes");
        String zh = Files.readString(reports().resolve(DAY).resolve("index.html"));
        assertTrue(zh.contains("<html lang=\"zh-CN\">") && zh.contains("<h1>客服质检日报 · 2026年11月20日</h1>"), zh.substring(0, 400));
        String csv = Files.readString(reports().resolve(DAY).resolve("agent_scorecards.csv"));
        assertTrue(csv.startsWith("\uFEFF日期,店铺,客服,客服昵称,接待段数"), "Chinese CSV headers for Excel: " + csv.substring(0, 60));
        assertTrue(csv.contains(",质检分,排名"), csv.substring(0, 400));
    }

    /**
     * The English report's phrases (the en bundle's values that differ from the Chinese, split at
     * their {N} blanks, a word or more long enough to mean something) none of which a Chinese page may show.
     */
    private static List<Pattern> englishPhrases() {
        ResourceBundle en = ResourceBundle.getBundle("chatqa.report.messages", Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ResourceBundle zh = ResourceBundle.getBundle("chatqa.report.messages", Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<Pattern> out = new ArrayList<>();
        for (String key : Collections.list(en.getKeys())) {
            if (key.startsWith("csv.") || en.getString(key).equals(zh.getString(key))) {
                continue;
            }
            for (String part : en.getString(key).split("\\{\\d}")) {
                String p = part.strip();
                if (p.matches(".*[A-Za-z].*") && (p.contains(" ") || p.length() >= 6)) {
                    out.add(Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(p) + "(?![A-Za-z0-9_])"));
                }
            }
        }
        return out;
    }

    private static void assertChinese(String page, String shown) {
        // Rule ids (closing.anything_else) stay beside the names for analysts, and chatqa is a name.
        String text = shown.replaceAll("[a-z_]+(\\.[a-z0-9_]+)+", " ").replace("chatqa", " ");
        List<String> left = englishPhrases().stream().filter(p -> p.matcher(text).find()).map(Pattern::pattern).toList();
        assertTrue(left.isEmpty(), page + " shows English UI words: " + left);
    }

    @Test
    void pagesLoadInHeadlessChromiumWithoutConsoleErrorsAndShowTheNumbers() throws IOException {
        try (Browser browser = Browser.start(tmp.resolve("chromium-profile"))) {
            browser.open(reports().resolve(DAY).resolve("index.html"));
            List<LogEntry> errors = browser.console().stream().filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).toList();
            assertTrue(errors.isEmpty(), "console of index.html: " + errors);
            List<Row> cards = scorecards(DAY);
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("#leaderboard tbody tr"));
            assertEquals(cards.size(), rows.size());
            for (int i = 0; i < cards.size(); i++) {
                List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
                assertEquals(String.valueOf((int) cards.get(i).getAs("rank")), cells.get(0).getText());
                assertEquals(cards.get(i).getAs("agent_id"), cells.get(1).getText());
                assertEquals(String.format(Locale.ROOT, "%.1f", (double) cards.get(i).getAs("qa_score")), cells.get(4).getText());
            }
            for (WebElement img : browser.driver.findElements(By.tagName("img"))) {
                Number width = (Number) browser.driver.executeScript("return arguments[0].naturalWidth", img);
                assertTrue(width.intValue() > 0, "chart loaded: " + img.getAttribute("src"));
            }
            browser.screenshot(SCREENSHOTS.resolve("index.png"));
            assertEquals("客服质检日报 · 2026年11月20日", browser.driver.findElement(By.tagName("h1")).getText());
            for (WebElement th : browser.driver.findElements(By.cssSelector("#leaderboard th"))) {
                assertTrue(HAN.matcher(th.getText()).find() || th.getText().startsWith("≤"), "a Chinese header: " + th.getText());
            }
            assertTrue(browser.driver.findElement(By.id("outcomes")).getText().contains("会话内解决"), "outcomes by their Chinese names");
            assertChinese("index.html", browser.driver.findElement(By.tagName("body")).getText());

            Row lowest = cards.stream().max((a, b) -> Integer.compare(a.getAs("rank"), b.getAs("rank"))).orElseThrow();
            String agent = lowest.getAs("agent_id");
            browser.driver.findElement(By.linkText(agent)).click();
            errors = browser.console().stream().filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).toList();
            assertTrue(errors.isEmpty(), "console of the agent page: " + errors);
            assertTrue(browser.driver.getTitle().contains(agent), browser.driver.getTitle());
            assertEquals(String.format(Locale.ROOT, "%.1f", (double) lowest.getAs("qa_score")),
                    browser.driver.findElement(By.id("agent-qa")).getText());
            assertEquals(String.valueOf((int) lowest.getAs("rank")), browser.driver.findElement(By.id("agent-rank")).getText());
            long failedChecks = spark.read().parquet(warehouse() + "/rule_hits/dt=" + DAY)
                    .where("NOT passed AND agent_id = '" + agent + "'").count();
            List<WebElement> evidence = browser.driver.findElements(By.cssSelector("#evidence li"));
            assertEquals(Math.min(failedChecks, evidence.size()), evidence.size());
            assertFalse(evidence.isEmpty() && failedChecks == 0);
            for (WebElement img : browser.driver.findElements(By.tagName("img"))) {
                Number width = (Number) browser.driver.executeScript("return arguments[0].naturalWidth", img);
                assertTrue(width.intValue() > 0, "chart loaded: " + img.getAttribute("src"));
            }
            browser.screenshot(SCREENSHOTS.resolve("agent.png"));
            String page = browser.driver.findElement(By.tagName("body")).getText();
            assertTrue(page.contains("与团队对比") && page.contains("未通过检查的证据"), "Chinese section titles");
            for (WebElement th : browser.driver.findElements(By.cssSelector("#checks th"))) {
                assertTrue(HAN.matcher(th.getText()).find(), "a Chinese header: " + th.getText());
            }
            assertChinese("the agent page", page);
            browser.driver.findElement(By.id("back")).click();
            assertTrue(browser.driver.getTitle().contains("团队总览"), browser.driver.getTitle());
        }
    }
}
