package chatqa.publish;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    public static JFreeChart qaHistogram(List<Bin> bins, Words w) {
        XYIntervalSeries series = new XYIntervalSeries(w.get("c_parts_axis"));
        for (Bin b : bins) {
            double upper = b.upper() == null ? b.lower() + 5 : b.upper();
            series.add((b.lower() + upper) / 2, b.lower(), upper, b.count(), b.count(), b.count());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        JFreeChart chart = ChartFactory.createXYBarChart(w.get("c_qa_title"), w.get("c_qa_axis"), false, w.get("c_parts_axis"), data,
                PlotOrientation.VERTICAL, false, true, false);
        themed(chart);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 105);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        barStyle(plot, AGENT);
        return chart;
    }

    /** First responses per log-spaced time band, with the SLA tiers marked. */
    public static JFreeChart frtDistribution(List<Bin> bins, List<Integer> slaSeconds, Words w) {
        XYIntervalSeries series = new XYIntervalSeries(w.get("c_frt_count"));
        for (Bin b : bins) {
            double lower = Math.max(b.lower(), FRT_FLOOR);
            double upper = b.upper() == null ? lower * 2 : b.upper();
            series.add(Math.sqrt(lower * upper), lower, upper, b.count(), b.count(), b.count());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        JFreeChart chart = ChartFactory.createXYBarChart(w.get("c_frt_title"), w.get("c_frt_axis"), false,
                w.get("c_frt_count"), data, PlotOrientation.VERTICAL, false, true, false);
        themed(chart);
        XYPlot plot = chart.getXYPlot();
        LogAxis axis = new LogAxis(w.get("c_frt_axis"));
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
            m.setLabel(w.tier(s));
            m.setLabelFont(ChartFonts.font(Font.PLAIN, 11));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        barStyle(plot, AGENT);
        return chart;
    }

    /** Pass rate of every rule checked, worst first. */
    public static JFreeChart compliance(List<RuleRate> rules, Words w) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        java.util.Map<String, String> labels = labels(rules);
        rules.stream().sorted((a, b) -> Double.compare(a.passRate(), b.passRate()))
                .forEach(r -> data.addValue(100 * r.passRate(), w.get("c_pass_rate"), labels.get(r.ruleId())));
        JFreeChart chart = ChartFactory.createBarChart(w.get("c_compliance_title"), null, w.get("c_compliance_axis"), data,
                PlotOrientation.HORIZONTAL, false, true, false);
        themed(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(0, 100);
        // Room for the longest rule name on one line: a clipped name ("询问其他…") is no label.
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.4f);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setSeriesPaint(0, AGENT);
        r.setShadowVisible(false);
        return chart;
    }

    /** One agent against their team on the six standards, as shares in [0, 1]. */
    public static JFreeChart radar(AgentRow agent, Totals team, int slaTier, Words w) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String you = agent.displayName();
        String teamName = w.get("c_team");
        addRadar(data, you, agent.greetingRate(), agent.apologyRate(), agent.closingRate(),
                agent.slaRates().isEmpty() ? null : agent.slaRates().get(0), agent.resolvedRate(), agent.redLineFreeRate(), slaTier, w);
        addRadar(data, teamName, team.greetingRate(), team.apologyRate(), team.closingRate(),
                team.slaRates().isEmpty() ? null : team.slaRates().get(0), team.resolvedRate(), team.redLineFreeRate(), slaTier, w);
        SpiderWebPlot plot = new SpiderWebPlot(data);
        JFreeChart chart = themed(new JFreeChart(w.format("c_vs_team", agent.displayName()), ChartFonts.font(Font.BOLD, 15), plot, true));
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
                         Double sla, Double resolved, Double redLineFree, int slaTier, Words w) {
        data.addValue(nz(greeting), series, w.get("c_radar_greeting"));
        data.addValue(nz(apology), series, w.get("c_radar_apology"));
        data.addValue(nz(closing), series, w.get("c_radar_closing"));
        data.addValue(nz(sla), series, w.format("c_radar_sla", w.tier(slaTier)));
        data.addValue(nz(resolved), series, w.get("c_radar_resolved"));
        data.addValue(nz(redLineFree), series, w.get("c_radar_no_red_line"));
    }

    /** Mean QA score and compliance rates per scored day, oldest first. */
    public static JFreeChart trend(String title, List<DayPoint> days, Words w) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DayPoint d : days) {
            String label = w.shortDay(d.day());
            data.addValue(d.qaScore(), w.get("c_trend_qa"), label);
            data.addValue(pct(d.greetingRate()), w.get("c_trend_greeting"), label);
            data.addValue(pct(d.apologyRate()), w.get("c_trend_apology"), label);
            data.addValue(pct(d.closingRate()), w.get("c_trend_closing"), label);
        }
        JFreeChart chart = ChartFactory.createLineChart(title, null, w.get("c_trend_axis"), data, PlotOrientation.VERTICAL,
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
    public static JFreeChart sentiment(List<AgentRow> agents, Words w) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<AgentRow, String> labels = DayReport.chartLabels(agents);
        for (AgentRow a : agents) {
            if (a.sentimentStart() == null && a.sentimentEnd() == null) {
                continue;
            }
            String key = labels.get(a);
            data.addValue(a.sentimentStart(), w.get("c_sentiment_start"), key);
            data.addValue(a.sentimentEnd(), w.get("c_sentiment_end"), key);
        }
        JFreeChart chart = ChartFactory.createBarChart(w.get("c_sentiment_title"), null, w.get("c_sentiment_axis"),
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

    /**
     * The bar labels of rules: their names (the ids where the book gives none), and the id beside
     * a name two rules share, so no two bars read the same.
     */
    static java.util.Map<String, String> labels(List<RuleRate> rules) {
        java.util.Map<String, Long> uses = rules.stream().collect(java.util.stream.Collectors.groupingBy(RuleRate::shownName,
                java.util.stream.Collectors.counting()));
        java.util.Map<String, String> out = new java.util.HashMap<>();
        rules.forEach(r -> out.put(r.ruleId(), uses.get(r.shownName()) > 1 ? r.shownName() + " (" + r.ruleId() + ")" : r.shownName()));
        return out;
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
