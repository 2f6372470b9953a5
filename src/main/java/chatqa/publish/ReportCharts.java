package chatqa.publish;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import chatqa.publish.DayReport.AgentRow;
import chatqa.publish.DayReport.Bin;
import chatqa.publish.DayReport.DayPoint;
import chatqa.publish.DayReport.RuleRate;
import chatqa.publish.DayReport.Totals;

/**
 * The report's charts as JFreeChart objects, built only from {@link DayReport} values so their
 * data can be checked without pixels. Every chart uses the CJK-capable font of {@link ChartFonts}.
 */
public final class ReportCharts {
    /** The SVG/PNG file stem and the chart, for the writer. */
    public record Named(String name, JFreeChart chart, int width, int height) {
    }

    static final Color AGENT = new Color(0x1f, 0x6f, 0xb2);
    static final Color TEAM = new Color(0xe0, 0x8a, 0x1e);
    /** A log axis has no 0: the band of answers under a second is drawn from half a second. */
    static final double FRT_FLOOR = 0.5;
    static final Color FAIL = new Color(0xc0, 0x39, 0x2b);

    private ReportCharts() {
    }

    /** Agent parts per QA-score band. */
    public static JFreeChart qaHistogram(List<Bin> bins) {
        XYIntervalSeries series = new XYIntervalSeries("agent parts");
        for (Bin b : bins) {
            double upper = b.upper() == null ? b.lower() + 5 : b.upper();
            series.add((b.lower() + upper) / 2, b.lower(), upper, b.count(), b.count(), b.count());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        JFreeChart chart = ChartFactory.createXYBarChart("QA score distribution", "QA score", false, "agent parts", data,
                PlotOrientation.VERTICAL, false, true, false);
        themed(chart);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 105);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        barStyle(plot, AGENT);
        return chart;
    }

    /** First responses per log-spaced time band, with the SLA tiers marked. */
    public static JFreeChart frtDistribution(List<Bin> bins, List<Integer> slaSeconds) {
        XYIntervalSeries series = new XYIntervalSeries("first responses");
        for (Bin b : bins) {
            double lower = Math.max(b.lower(), FRT_FLOOR);
            double upper = b.upper() == null ? lower * 2 : b.upper();
            series.add(Math.sqrt(lower * upper), lower, upper, b.count(), b.count(), b.count());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        JFreeChart chart = ChartFactory.createXYBarChart("First response time", "seconds (log scale)", false,
                "first responses", data, PlotOrientation.VERTICAL, false, true, false);
        themed(chart);
        XYPlot plot = chart.getXYPlot();
        LogAxis axis = new LogAxis("seconds (log scale)");
        axis.setBase(10);
        axis.setSmallestValue(FRT_FLOOR);
        // One tick per decade in plain seconds (1, 10, 100, 1000) instead of powers of ten.
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        if (!bins.isEmpty()) {
            Bin last = bins.get(bins.size() - 1);
            axis.setRange(Math.max(bins.get(0).lower(), FRT_FLOOR), last.upper() == null ? last.lower() * 2 : last.upper());
        }
        plot.setDomainAxis(axis);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        for (int s : slaSeconds) {
            ValueMarker m = new ValueMarker(s, FAIL, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    1f, new float[] {4f, 3f}, 0f));
            m.setLabel(s + " s");
            m.setLabelFont(ChartFonts.font(Font.PLAIN, 11));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        barStyle(plot, AGENT);
        return chart;
    }

    /** Pass rate of every rule checked, worst first. */
    public static JFreeChart compliance(List<RuleRate> rules) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        rules.stream().sorted((a, b) -> Double.compare(a.passRate(), b.passRate()))
                .forEach(r -> data.addValue(100 * r.passRate(), "pass rate", r.ruleId()));
        JFreeChart chart = ChartFactory.createBarChart("Compliance per check", null, "% passed", data,
                PlotOrientation.HORIZONTAL, false, true, false);
        themed(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(0, 100);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setSeriesPaint(0, AGENT);
        r.setShadowVisible(false);
        return chart;
    }

    /** One agent against their team on the six standards, as shares in [0, 1]. */
    public static JFreeChart radar(AgentRow agent, Totals team, int slaTier) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String you = agent.agentId();
        String teamName = "team";
        addRadar(data, you, agent.greetingRate(), agent.apologyRate(), agent.closingRate(),
                agent.slaRates().isEmpty() ? null : agent.slaRates().get(0), agent.resolvedRate(), agent.redLineFreeRate(), slaTier);
        addRadar(data, teamName, team.greetingRate(), team.apologyRate(), team.closingRate(),
                team.slaRates().isEmpty() ? null : team.slaRates().get(0), team.resolvedRate(), team.redLineFreeRate(), slaTier);
        SpiderWebPlot plot = new SpiderWebPlot(data);
        JFreeChart chart = themed(new JFreeChart(agent.agentId() + " vs team", ChartFonts.font(Font.BOLD, 15), plot, true));
        plot.setMaxValue(1.0);
        plot.setSeriesPaint(0, AGENT);
        plot.setSeriesPaint(1, TEAM);
        plot.setSeriesOutlineStroke(0, new BasicStroke(2.5f));
        plot.setSeriesOutlineStroke(1, new BasicStroke(1.5f));
        plot.setWebFilled(false);
        plot.setLabelFont(ChartFonts.font(Font.PLAIN, 12));
        return chart;
    }

    /** The radar's axes, in order; a missing rate (nothing due) is drawn as 0 and listed in the page's table. */
    static void addRadar(DefaultCategoryDataset data, String series, Double greeting, Double apology, Double closing,
                         Double sla, Double resolved, Double redLineFree, int slaTier) {
        data.addValue(nz(greeting), series, "greeting");
        data.addValue(nz(apology), series, "apology");
        data.addValue(nz(closing), series, "closing");
        data.addValue(nz(sla), series, "FRT ≤ " + slaTier + " s");
        data.addValue(nz(resolved), series, "resolved");
        data.addValue(nz(redLineFree), series, "no red line");
    }

    /** Mean QA score and compliance rates per scored day, oldest first. */
    public static JFreeChart trend(String title, List<DayPoint> days) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DayPoint d : days) {
            String label = d.day().substring(5);
            data.addValue(d.qaScore(), "QA score", label);
            data.addValue(pct(d.greetingRate()), "greeting %", label);
            data.addValue(pct(d.apologyRate()), "apology %", label);
            data.addValue(pct(d.closingRate()), "closing %", label);
        }
        JFreeChart chart = ChartFactory.createLineChart(title, null, "score / %", data, PlotOrientation.VERTICAL,
                true, true, false);
        themed(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(0, 100);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        r.setSeriesStroke(0, new BasicStroke(2.5f));
        return chart;
    }

    /** Mean customer sentiment at the start and at the end of each agent's conversations. */
    public static JFreeChart sentiment(List<AgentRow> agents) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Set<String> sharedIds = DayReport.idsInSeveralShops(agents);
        for (AgentRow a : agents) {
            if (a.sentimentStart() == null && a.sentimentEnd() == null) {
                continue;
            }
            String key = sharedIds.contains(a.agentId()) ? a.shopId() + "/" + a.agentId() : a.agentId();
            data.addValue(a.sentimentStart(), "start", key);
            data.addValue(a.sentimentEnd(), "end", key);
        }
        JFreeChart chart = ChartFactory.createBarChart("Customer sentiment: start → end", null, "mean sentiment (−1 … 1)",
                data, PlotOrientation.VERTICAL, true, true, false);
        themed(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(-1, 1);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x99, 0x99, 0x99));
        r.setSeriesPaint(1, AGENT);
        return chart;
    }

    private static void barStyle(XYPlot plot, Color color) {
        XYBarRenderer r = (XYBarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setSeriesPaint(0, color);
        r.setSeriesOutlinePaint(0, Color.WHITE);
        r.setUseYInterval(false);
    }

    private static JFreeChart themed(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(ChartFonts.font(Font.BOLD, 16));
        theme.setLargeFont(ChartFonts.font(Font.BOLD, 13));
        theme.setRegularFont(ChartFonts.font(Font.PLAIN, 12));
        theme.setSmallFont(ChartFonts.font(Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(new Color(0xfa, 0xfa, 0xfa));
        theme.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        theme.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(ChartFonts.font(Font.BOLD, 15));
        }
        return chart;
    }

    private static double nz(Double v) {
        return v == null ? 0 : v;
    }

    private static Double pct(Double v) {
        return v == null ? null : 100 * v;
    }
}
