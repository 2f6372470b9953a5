package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.publish.DayReport.AgentPage;

/**
 * The charts' data against a golden file (src/test/resources/golden/report-charts.txt), not their
 * pixels; and the files: PNG of the asked size, SVG with its labels as text.
 */
class ReportChartsTest {
    @TempDir
    Path tmp;

    @Test
    void chartDataMatchesTheGoldenFile() throws IOException {
        DayReport r = ReportFixture.day();
        AgentPage mei = r.pages().get(0);
        StringBuilder dump = new StringBuilder();
        dump(dump, "qa_histogram", ReportCharts.qaHistogram(r.qaHistogram()));
        dump(dump, "frt_distribution", ReportCharts.frtDistribution(r.frtHistogram(), r.slaSeconds()));
        dump(dump, "compliance", ReportCharts.compliance(r.rules()));
        dump(dump, "sentiment", ReportCharts.sentiment(r.agents()));
        dump(dump, "trend", ReportCharts.trend("team", r.teamTrend()));
        dump(dump, "radar", ReportCharts.radar(mei.agent(), r.team(), 10));
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/report-charts.txt")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // The actual data beside the build, to review and copy over the golden file when a chart changes on purpose.
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("report-charts.actual.txt"), dump);
        assertEquals(golden, dump.toString());
    }

    @Test
    void writesPngOfTheAskedSizeAndSvgWithChineseLabelsAsText() throws IOException {
        DayReport r = ReportFixture.day();
        ChartFiles.write(ReportCharts.radar(r.pages().get(0).agent(), r.team(), 10), tmp, "radar", 460, 420);
        BufferedImage png = ImageIO.read(tmp.resolve("radar.png").toFile());
        assertEquals(460, png.getWidth());
        assertEquals(420, png.getHeight());
        assertTrue(Files.size(tmp.resolve("radar.png")) > 5_000, "a drawn chart, not an empty image");
        String svg = Files.readString(tmp.resolve("radar.svg"));
        assertTrue(svg.contains("<text") && svg.contains(ReportFixture.CHINESE_ID), "the agent's Chinese id is SVG text");
        // Without a CJK font the charts fall back to Java's logical SansSerif, which JFreeSVG writes as a
        // generic family; ChartFontsTest says whether such a machine is allowed.
        if (ChartFonts.installed().drawsChinese()) {
            assertTrue(svg.contains(ChartFonts.installed().family()), "SVG names the chosen font");
        }
    }

    /** One line per data item, in dataset order. */
    static void dump(StringBuilder out, String name, JFreeChart chart) {
        out.append("# ").append(name).append(": ").append(chart.getTitle() == null ? "" : chart.getTitle().getText()).append('\n');
        if (chart.getPlot() instanceof XYPlot xy) {
            IntervalXYDataset d = (IntervalXYDataset) xy.getDataset();
            for (int s = 0; s < d.getSeriesCount(); s++) {
                for (int i = 0; i < d.getItemCount(s); i++) {
                    out.append(String.format(Locale.ROOT, "%s [%s, %s) %s%n", d.getSeriesKey(s), num(d.getStartXValue(s, i)),
                            num(d.getEndXValue(s, i)), num(d.getYValue(s, i))));
                }
            }
            if (xy.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND) != null) {
                xy.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).forEach(m ->
                        out.append("marker ").append(((org.jfree.chart.plot.ValueMarker) m).getLabel()).append('\n'));
            }
        } else {
            CategoryDataset d = chart.getPlot() instanceof CategoryPlot cp ? cp.getDataset() : ((SpiderWebPlot) chart.getPlot()).getDataset();
            for (int row = 0; row < d.getRowCount(); row++) {
                for (int col = 0; col < d.getColumnCount(); col++) {
                    Number v = d.getValue(row, col);
                    out.append(d.getRowKey(row)).append(" | ").append(d.getColumnKey(col)).append(" = ")
                            .append(v == null ? "null" : num(v.doubleValue())).append('\n');
                }
            }
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "");
    }
}
