package chatqa.publish;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Writes a chart as SVG for the browser, and as PNG for mail where one is wanted. JFreeSVG keeps
 * labels as {@code <text>} elements, so they stay sharp, searchable and in Chinese wherever the
 * viewer has a CJK font.
 */
public final class ChartFiles {
    static {
        // Charts are drawn on servers without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final int PNG_COMPRESSION = 1;

    private ChartFiles() {
    }

    /** Writes {@code <dir>/<name>.png} and {@code <dir>/<name>.svg}. */
    public static void write(JFreeChart chart, Path dir, String name, int width, int height) throws IOException {
        write(chart, dir, name, width, height, true);
    }

    /** Writes {@code <dir>/<name>.svg}, and {@code <dir>/<name>.png} when {@code png}. */
    public static void write(JFreeChart chart, Path dir, String name, int width, int height, boolean png) throws IOException {
        Files.createDirectories(dir);
        if (png) {
            // Deflate level 1: at level 9 (the default) the PNG encoder costs more than drawing;
            // the files grow by a few percent.
            ChartUtils.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, width, height, null, false, PNG_COMPRESSION);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        SVGUtils.writeToSVG(dir.resolve(name + ".svg").toFile(), g2.getSVGElement());
    }
}
