package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import chatqa.privacy.PersonalDataMask;

/**
 * A report built from hostile agent ids and chat text (script elements, onerror handlers,
 * javascript: links, CSS) opened in headless Chromium: nothing runs, the text is shown as text.
 */
@Tag("browser")
class HostileReportBrowserTest {
    @TempDir
    Path tmp;

    @Test
    void noInjectedScriptRunsAndTheTextIsShownAsText() throws IOException {
        DayReport day = ReportFixture.day();
        Path folder = tmp.resolve("reports").resolve(day.day());
        new HtmlReport(PersonalDataMask.standard(), Words.of(ReportLanguage.EN)).write(day, folder, "2026-11-21 08:00 CST");
        try (Browser browser = Browser.start(tmp.resolve("profile"))) {
            for (Path page : List.of(folder.resolve("index.html"), folder.resolve("agents").resolve(day.pages().get(1).fileName()))) {
                browser.open(page);
                assertNull(browser.driver.executeScript("return window.pwned"), page + ": an injected script ran");
                assertEquals(0L, browser.driver.executeScript("return document.scripts.length"), page + " has script elements");
                assertTrue(browser.driver.findElements(By.id("bait")).isEmpty(), page + ": injected link became an element");
                assertTrue(browser.driver.findElement(By.tagName("body")).isDisplayed(), page + ": injected CSS hid the page");
                List<LogEntry> errors = browser.console();
                assertTrue(errors.isEmpty(), page + " console: " + errors);
            }
            String text = browser.driver.findElement(By.id("evidence")).getText();
            assertTrue(text.contains("<img src=x onerror=pwned=1>"), "the hostile text is visible as text: " + text);
            assertTrue(text.contains("<script>window.pwned='text'</script>"), text);
            assertTrue(browser.driver.getTitle().contains(ReportFixture.HOSTILE_ID), browser.driver.getTitle());
        }
    }
}
