package chatqa.publish;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

import chatqa.privacy.PersonalDataMask;
import chatqa.publish.DayReport.AgentPage;
import chatqa.publish.DayReport.Totals;

/**
 * Writes the day's supervisor report under {@code reports/<day>/}: {@code index.html} (team
 * overview), {@code agents/<file>.html} (one page per agent) and {@code charts/} (SVG; PNG for the
 * overview's charts, and for the agents' only on request: rasterising two charts per agent was
 * most of a large report's drawing time).
 * Pages are self-contained and work offline: no scripts, no remote resources, and a content
 * security policy that forbids scripts, so chat text can never run even if it slipped past the
 * template's escaping. The new report is built beside the old one and moved into place at the end.
 */
public final class HtmlReport {
    /** Where the pages are, and what the run should tell the user. */
    public record Written(Path index, int agentPages, int charts, List<String> warnings) {
    }

    private final MustacheFactory templates = new DefaultMustacheFactory("chatqa/report");
    private final PersonalDataMask mask;
    private final Words words;
    private final boolean agentPng;

    public HtmlReport(PersonalDataMask mask, Words words) {
        this(mask, words, false);
    }

    /** @param agentPng draw each agent's charts as PNG too ({@code chatqa report --agent-png}) */
    public HtmlReport(PersonalDataMask mask, Words words, boolean agentPng) {
        this.mask = mask;
        this.words = words;
        this.agentPng = agentPng;
    }

    public Written write(DayReport report, Path dayFolder, String generatedAt) throws IOException {
        return write(report, Evidence.ON_PAGES, dayFolder, generatedAt);
    }

    /**
     * Writes the overview and one page per agent, the agent pages on as many threads as there
     * are cores; {@code evidence} supplies the failed checks of each agent as their page is due.
     */
    public Written write(DayReport report, Evidence evidence, Path dayFolder, String generatedAt) throws IOException {
        Files.createDirectories(dayFolder);
        Path staging = Files.createTempDirectory(dayFolder, ".report-");
        try {
            List<String> warnings = new ArrayList<>();
            ChartFonts.installed().warning().ifPresent(warnings::add);
            int charts = overviewCharts(report, staging.resolve("charts"));
            // The console gets ChartFonts' own words; the pages say it in the report's language.
            String fontWarning = warnings.isEmpty() ? null : words.get("font_warning");
            render("index.mustache", OverviewView.of(report, words, generatedAt, fontWarning), staging.resolve("index.html"));
            Files.createDirectories(staging.resolve("agents"));
            charts += agentPages(report, evidence, staging, generatedAt, fontWarning);
            for (String name : List.of("index.html", "agents", "charts")) {
                replace(staging.resolve(name), dayFolder.resolve(name));
            }
            return new Written(dayFolder.resolve("index.html"), report.pages().size(), charts, warnings);
        } finally {
            deleteTree(staging);
        }
    }

    /** Renders every agent page (with its charts) on a pool of threads; returns the charts drawn. */
    private int agentPages(DayReport report, Evidence evidence, Path staging, String generatedAt, String fontWarning)
            throws IOException {
        // Keyed by shop (which may be null in exports without one).
        Map<String, Long> agentsPerShop = report.agents().stream()
                .collect(java.util.stream.Collectors.groupingBy(a -> String.valueOf(a.shopId()), java.util.stream.Collectors.counting()));
        Map<String, AgentPage> due = new java.util.LinkedHashMap<>();
        report.pages().forEach(p -> due.put(p.key(), p));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chatqa-report");
            t.setDaemon(true);
            return t;
        });
        // Bounded: the evidence of at most a few pages per thread is in memory at once.
        Semaphore inFlight = new Semaphore(2 * threads);
        AtomicInteger charts = new AtomicInteger();
        List<Future<?>> pages = new ArrayList<>();
        java.util.function.Consumer<AgentPage> submit = p -> {
            inFlight.acquireUninterruptibly();
            pages.add(pool.submit(() -> {
                try {
                    Totals team = shopTotals(report, p.agent().shopId());
                    long inShop = agentsPerShop.get(String.valueOf(p.agent().shopId()));
                    String stem = p.fileName().substring(0, p.fileName().length() - ".html".length());
                    charts.addAndGet(agentCharts(report, p, team, staging.resolve("charts"), stem));
                    Map<String, Object> view = AgentView.of(report, p, team, inShop, "agent-" + stem, mask, words);
                    view.put("png", agentPng);
                    view.put("footer", words.format("agent_footer", generatedAt));
                    view.put("fontWarning", fontWarning);
                    render("agent.mustache", view, staging.resolve("agents").resolve(p.fileName()));
                    return null;
                } finally {
                    inFlight.release();
                }
            }));
        };
        try {
            evidence.forEachAgent((key, failures) -> {
                AgentPage p = due.remove(key);
                if (p != null) {
                    submit.accept(p.withFailures(failures));
                }
            });
            due.values().forEach(submit);
            for (Future<?> f : pages) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing agent pages", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return charts.get();
    }

    private int overviewCharts(DayReport r, Path dir) throws IOException {
        ChartFiles.write(ReportCharts.qaHistogram(r.qaHistogram(), words), dir, "qa_histogram", 720, 360);
        ChartFiles.write(ReportCharts.frtDistribution(r.frtHistogram(), r.slaSeconds(), words), dir, "frt_distribution", 720, 360);
        ChartFiles.write(ReportCharts.compliance(r.rules(), words), dir, "compliance", 720, Math.max(260, 60 + 26 * r.rules().size()));
        ChartFiles.write(ReportCharts.sentiment(r.agents(), words), dir, "sentiment", 720, 380);
        int n = 4;
        if (r.teamTrend().size() > 1) {
            ChartFiles.write(ReportCharts.trend(words.format("c_trend_team", r.teamTrend().size()), r.teamTrend(), words), dir, "trend", 720, 360);
            n++;
        }
        return n;
    }

    private int agentCharts(DayReport r, AgentPage p, Totals team, Path dir, String stem) throws IOException {
        int tier = r.slaSeconds().isEmpty() ? 0 : r.slaSeconds().get(0);
        ChartFiles.write(ReportCharts.radar(p.agent(), team, tier, words), dir, "agent-" + stem + "-radar", 460, 420, agentPng);
        if (p.trend().size() > 1) {
            ChartFiles.write(ReportCharts.trend(words.format("c_trend_agent", p.agent().displayName(), p.trend().size()), p.trend(), words),
                    dir, "agent-" + stem + "-trend", 620, 360, agentPng);
            return 2;
        }
        return 1;
    }

    /** The agent's shop totals (the "team" they are compared with); the day's totals when unknown. */
    static Totals shopTotals(DayReport r, String shopId) {
        return r.shops().stream().filter(t -> t.shopId() != null && t.shopId().equals(shopId)).findFirst().orElse(r.team());
    }

    private void render(String template, Map<String, Object> view, Path file) throws IOException {
        Mustache m = templates.compile(template);
        StringWriter out = new StringWriter();
        try {
            m.execute(out, view).flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(out.toString());
        }
    }

    private static void replace(Path fresh, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            Path old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(fresh, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
