package chatqa.publish;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks a font that draws Chinese for the charts. Java's logical fonts (SansSerif) fall back to
 * boxes on machines without a CJK font, so the family is chosen by asking each candidate whether it
 * can display a Chinese sample. Preferred families come first (Noto Sans CJK from Debian's
 * fonts-noto-cjk, WenQuanYi, the Windows and macOS system fonts); otherwise any installed family
 * that passes the check.
 */
public final class ChartFonts {
    /** Chinese text every chart font must draw: labels, agent ids and rule descriptions use such words. */
    public static final String CJK_SAMPLE = "客服质检问候语道歉";

    static final List<String> PREFERRED = List.of(
            "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
            "WenQuanYi Micro Hei", "Droid Sans Fallback", "Microsoft YaHei", "PingFang SC", "SimHei",
            "Noto Serif CJK SC", "AR PL UMing CN");

    /** The outcome of the search: the family to use, and whether it draws Chinese. */
    public record Choice(String family, boolean drawsChinese) {
        /** A plain warning for the console when charts would show boxes instead of Chinese. */
        public Optional<String> warning() {
            return drawsChinese ? Optional.empty() : Optional.of(
                    "no font that draws Chinese is installed: Chinese chart labels will show as boxes. "
                            + "Install one, e.g. `apt-get install fonts-noto-cjk` (Debian/Ubuntu) or `dnf install google-noto-sans-cjk-fonts`.");
        }
    }

    private static volatile Choice installed;

    private ChartFonts() {
    }

    /** The choice for this machine's installed fonts (searched once per JVM). */
    public static Choice installed() {
        Choice c = installed;
        if (c == null) {
            String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            c = choose(Arrays.asList(families), family -> new Font(family, Font.PLAIN, 12).canDisplayUpTo(CJK_SAMPLE) == -1);
            installed = c;
        }
        return c;
    }

    /** Chooses among {@code families}: the first preferred one that draws Chinese, else any that does. */
    static Choice choose(List<String> families, Predicate<String> drawsChinese) {
        for (String p : PREFERRED) {
            if (families.contains(p) && drawsChinese.test(p)) {
                return new Choice(p, true);
            }
        }
        for (String f : families.stream().sorted().toList()) {
            if (drawsChinese.test(f)) {
                return new Choice(f, true);
            }
        }
        return new Choice(Font.SANS_SERIF, false);
    }

    /** The chart font at {@code size}, bold or plain. */
    public static Font font(int style, float size) {
        return new Font(installed().family(), style, Math.round(size));
    }
}
