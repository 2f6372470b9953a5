package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ChartFontsTest {
    @Test
    void prefersNotoSansCjkOverOtherFontsThatDrawChinese() {
        Set<String> chinese = Set.of("AR PL UMing CN", "Noto Sans CJK SC", "Some Chinese Font");
        ChartFonts.Choice c = ChartFonts.choose(List.of("DejaVu Sans", "AR PL UMing CN", "Noto Sans CJK SC", "Some Chinese Font"),
                chinese::contains);
        assertEquals(new ChartFonts.Choice("Noto Sans CJK SC", true), c);
        assertTrue(c.warning().isEmpty());
    }

    @Test
    void skipsAPreferredNameThatCannotDrawChineseAndFallsBackToAnyFontThatCan() {
        ChartFonts.Choice c = ChartFonts.choose(List.of("Noto Sans CJK SC", "DejaVu Sans", "Zeta Hei"), "Zeta Hei"::equals);
        assertEquals(new ChartFonts.Choice("Zeta Hei", true), c);
    }

    @Test
    void withoutAnyCjkFontItWarnsAndSaysWhatToInstall() {
        ChartFonts.Choice c = ChartFonts.choose(List.of("DejaVu Sans", "Liberation Serif"), f -> false);
        assertEquals(Font.SANS_SERIF, c.family());
        assertFalse(c.drawsChinese());
        assertTrue(c.warning().orElseThrow().contains("fonts-noto-cjk"));
    }

    @Test
    void thisMachinesChoiceReallyDrawsChinese() {
        ChartFonts.Choice c = ChartFonts.installed();
        if (!"1".equals(System.getenv("CHATQA_REQUIRE_CJK_FONT"))) {
            Assumptions.assumeTrue(c.drawsChinese(), "no CJK font installed here (jobs/test.sh installs fonts-noto-cjk)");
        }
        assertTrue(c.drawsChinese(), "jobs/test.sh installs fonts-noto-cjk: " + c);
        assertEquals(-1, ChartFonts.font(Font.PLAIN, 12).canDisplayUpTo(ChartFonts.CJK_SAMPLE + ReportFixture.CHINESE_ID));
    }
}
