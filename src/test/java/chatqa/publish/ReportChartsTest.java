package chatqa.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private static final Words EN = Words.of(ReportLanguage.EN);
    private static final Words ZH = Words.of(ReportLanguage.ZH);
    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");

    @TempDir
    Path tmp;

    @Test
    void chartDataMatchesTheGoldenFile() throws IOException {
        DayReport r = ReportFixture.day();
        AgentPage mei = r.pages().get(0);
        StringBuilder dump = new StringBuilder();
        dump(dump, "qa_histogram", ReportCharts.qaHistogram(r.qaHistogram(), EN));
        dump(dump, "frt_distribution", ReportCharts.frtDistribution(r.frtHistogram(), r.slaSeconds(), EN));
        dump(dump, "compliance", ReportCharts.compliance(r.rules(), EN));
        dump(dump, "sentiment", ReportCharts.sentiment(r.agents(), EN));
        dump(dump, "trend", ReportCharts.trend("team", r.teamTrend(), EN));
        dump(dump, "radar", ReportCharts.radar(mei.agent(), r.team(), 10, EN));
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
        ChartFiles.write(ReportCharts.radar(r.pages().get(0).agent(), r.team(), 10, ZH), tmp, "radar", 460, 420);
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

    @Test
    void chineseChartsHaveChineseTitlesAxesLegendsAndRuleNames() {
        DayReport r = ReportFixture.day();
        List<JFreeChart> charts = List.of(ReportCharts.qaHistogram(r.qaHistogram(), ZH), ReportCharts.frtDistribution(r.frtHistogram(),
                r.slaSeconds(), ZH), ReportCharts.compliance(r.rules(), ZH), ReportCharts.sentiment(r.agents(), ZH),
                ReportCharts.trend(ZH.format("c_trend_team", 2), r.teamTrend(), ZH), ReportCharts.radar(r.pages().get(0).agent(), r.team(), 10, ZH));
        for (JFreeChart c : charts) {
            assertTrue(HAN.matcher(c.getTitle().getText()).find(), "title: " + c.getTitle().getText());
            for (String label : labels(c)) {
                assertTrue(HAN.matcher(label).find() || label.matches("[0-9.]+|[0-9]+秒|首响 ≤ .*"), "an English label: " + label);
            }
        }
        StringBuilder compliance = new StringBuilder();
        dump(compliance, "compliance", ReportCharts.compliance(r.rules(), ZH));
        assertTrue(compliance.toString().contains("通过率 | 问候语 = "), compliance.toString());
        assertTrue(!compliance.toString().contains("greeting.hello"), "rules by their names, not ids");
    }

    /** The axis labels, series and category keys a reader sees on a chart. */
    private static List<String> labels(JFreeChart chart) {
        List<String> out = new java.util.ArrayList<>();
        if (chart.getPlot() instanceof XYPlot xy) {
            out.add(xy.getDomainAxis().getLabel());
            out.add(xy.getRangeAxis().getLabel());
            for (int s = 0; s < xy.getDataset().getSeriesCount(); s++) {
                out.add(xy.getDataset().getSeriesKey(s).toString());
            }
        } else if (chart.getPlot() instanceof CategoryPlot cp) {
            if (cp.getRangeAxis().getLabel() != null) {
                out.add(cp.getRangeAxis().getLabel());
            }
            cp.getDataset().getRowKeys().forEach(k -> out.add(k.toString()));
        } else {
            SpiderWebPlot sp = (SpiderWebPlot) chart.getPlot();
            sp.getDataset().getColumnKeys().forEach(k -> out.add(k.toString()));
            out.add(sp.getDataset().getRowKey(1).toString());
        }
        return out;
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
