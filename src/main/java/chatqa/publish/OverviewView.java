package chatqa.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import chatqa.publish.DayReport.AgentPage;
import chatqa.publish.DayReport.AgentRow;
import chatqa.publish.DayReport.Count;
import chatqa.publish.DayReport.RuleRate;
import chatqa.publish.DayReport.Totals;

/**
 * The values of {@code index.html}, formatted for the template (Mustache is logic-less, and
 * escapes every value it prints).
 */
final class OverviewView {
    private OverviewView() {
    }

    static Map<String, Object> of(DayReport r, String generatedAt, String fontWarning) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("day", r.day());
        v.put("generatedAt", generatedAt);
        v.put("run", r.run());
        v.put("fontWarning", fontWarning);
        v.put("kpis", kpis(r.team(), r.slaSeconds()));
        v.put("leaderboard", leaderboard(r));
        v.put("hasHistory", r.agents().stream().anyMatch(a -> a.previousQaScore() != null || a.sevenDayQaScore() != null));
        v.put("slaTier", r.slaSeconds().isEmpty() ? "" : r.slaSeconds().get(0) + " s");
        v.put("failing", failing(r.rules()));
        v.put("outcomes", outcomes(r.outcomes()));
        v.put("multiShop", r.shops().size() > 1);
        List<Map<String, Object>> shops = new ArrayList<>();
        for (Totals t : r.shops()) {
            shops.add(totalsRow(t, r.slaSeconds()));
        }
        v.put("shops", shops);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (DayReport.GroupRow g : r.groups()) {
            Map<String, Object> m = totalsRow(g.totals(), r.slaSeconds());
            m.put("groupId", g.groupId());
            groups.add(m);
        }
        v.put("groups", groups);
        v.put("hasGroups", !groups.isEmpty());
        v.put("hasTrend", r.teamTrend().size() > 1);
        v.put("scenarios", scenarios(r.scenarios()));
        v.put("hasScenarios", !r.scenarios().isEmpty());
        return v;
    }

    /** The tiles at the top of a page. */
    static List<Map<String, Object>> kpis(Totals t, List<Integer> sla) {
        List<Map<String, Object>> k = new ArrayList<>();
        k.add(tile("agent parts scored", Formats.count(t.parts()), t.agents() + " agents"));
        k.add(tile("mean QA score", Formats.score(t.qaScore()), t.fatal() + " with a red line"));
        k.add(tile("first response p50", Formats.seconds(t.frtP50()), "p90 " + Formats.seconds(t.frtP90())));
        for (int i = 0; i < sla.size() && i < t.slaRates().size(); i++) {
            k.add(tile("answered within " + sla.get(i) + " s", Formats.percent(t.slaRates().get(i)), "of measured first responses"));
        }
        k.add(tile("greeting", Formats.percent(t.greetingRate()), "complete on the first reply"));
        k.add(tile("apology", Formats.percent(t.apologyRate()), "after a complaint"));
        k.add(tile("closing", Formats.percent(t.closingRate()), "complete at the end"));
        k.add(tile("resolved in chat", Formats.percent(t.resolvedRate()), "of agent parts"));
        k.add(tile("sentiment recovered", Formats.percent(t.recoveryRate()), t.startedNegative() + " started negative"));
        k.add(tile("satisfaction (est.)", Formats.satisfaction(t.satisfaction()), "−2 very unhappy … 2 very satisfied"));
        csatTile(t.csat(), k);
        return k;
    }

    /** The customers' own rating beside the QA score, when the exports carried ratings. */
    static void csatTile(DayReport.Csat c, List<Map<String, Object>> k) {
        if (c.mean() == null) {
            return;
        }
        String note = Formats.percent(c.ratedRate()) + " rated"
                + (c.qaCorrelation() == null ? "" : " · QA score vs CSAT ρ " + String.format(java.util.Locale.ROOT, "%+.2f", c.qaCorrelation()));
        k.add(tile("customer rating (CSAT)", String.format(java.util.Locale.ROOT, "%.2f / 5", c.mean()), note));
    }

    static Map<String, Object> tile(String label, String value, String note) {
        return Map.of("label", label, "value", value, "note", note);
    }

    static List<Map<String, Object>> leaderboard(DayReport r) {
        Map<String, AgentPage> pages = new LinkedHashMap<>();
        for (AgentPage p : r.pages()) {
            pages.put(p.agent().shopId() + "\u0000" + p.agent().agentId(), p);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AgentRow a : r.agents()) {
            AgentPage page = pages.get(a.shopId() + "\u0000" + a.agentId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", a.rank());
            m.put("agentId", a.agentId());
            m.put("shopId", a.shopId());
            m.put("href", page == null ? null : href("agents/" + page.fileName()));
            m.put("conversations", Formats.count(a.conversations()));
            m.put("qaScore", Formats.score(a.qaScore()));
            Double vsPrevious = delta(a.qaScore(), a.previousQaScore());
            Double vsWeek = delta(a.qaScore(), a.sevenDayQaScore());
            m.put("vsPrevious", Formats.signed(vsPrevious));
            m.put("vsPreviousClass", Formats.trend(vsPrevious));
            m.put("vsWeek", Formats.signed(vsWeek));
            m.put("vsWeekClass", Formats.trend(vsWeek));
            m.put("frtP50", Formats.seconds(a.frtP50()));
            m.put("sla", a.slaRates().isEmpty() ? Formats.NONE : Formats.percent(a.slaRates().get(0)));
            m.put("greeting", Formats.percent(a.greetingRate()));
            m.put("apology", Formats.percent(a.apologyRate()));
            m.put("closing", Formats.percent(a.closingRate()));
            m.put("redLines", a.redLineHits());
            m.put("redLineClass", a.redLineHits() > 0 ? "bad" : "");
            m.put("recovery", Formats.percent(a.recoveryRate()));
            m.put("satisfaction", Formats.satisfaction(a.satisfaction()));
            m.put("focus", page == null ? "" : focus(page));
            rows.add(m);
        }
        return rows;
    }

    /** The check where the agent trails the team most: what to coach first. */
    static String focus(AgentPage page) {
        Map<String, RuleRate> team = new LinkedHashMap<>();
        page.teamRules().forEach(t -> team.put(t.ruleId(), t));
        return page.rules().stream().filter(r -> r.failed() > 0)
                .max(Comparator.comparingDouble((RuleRate r) -> gap(r, team.get(r.ruleId())))
                        .thenComparingLong(RuleRate::failed).thenComparing(RuleRate::ruleId, Comparator.reverseOrder()))
                .map(RuleRate::ruleId).orElse("");
    }

    private static double gap(RuleRate agent, RuleRate team) {
        return (team == null ? 1.0 : team.passRate()) - agent.passRate();
    }

    static List<Map<String, Object>> failing(List<RuleRate> rules) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rules.stream().filter(r -> r.failed() > 0)
                .sorted(Comparator.comparingLong(RuleRate::failed).reversed().thenComparing(RuleRate::ruleId))
                .forEach(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ruleId", r.ruleId());
                    m.put("category", r.category());
                    m.put("description", r.description());
                    m.put("failed", Formats.count(r.failed()));
                    m.put("checked", Formats.count(r.checked()));
                    m.put("failRate", Formats.percent(1 - r.passRate()));
                    rows.add(m);
                });
        return rows;
    }

    static List<Map<String, Object>> outcomes(List<Count> counts) {
        long total = counts.stream().mapToLong(Count::count).sum();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Count c : counts) {
            double share = total == 0 ? 0 : (double) c.count() / total;
            rows.add(Map.of("name", c.name(), "count", Formats.count(c.count()), "share", Formats.percent(share),
                    "width", Math.round(share * 1000) / 10.0));
        }
        return rows;
    }

    static List<Map<String, Object>> scenarios(List<DayReport.ScenarioRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DayReport.ScenarioRow s : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", s.scenario());
            m.put("conversations", Formats.count(s.conversations()));
            m.put("share", Formats.percent(s.share()));
            m.put("qaScore", Formats.score(s.qaScore()));
            m.put("compliance", Formats.percent(s.compliance()));
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> totalsRow(Totals t, List<Integer> sla) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shopId", t.shopId());
        m.put("parts", Formats.count(t.parts()));
        m.put("agents", t.agents());
        m.put("qaScore", Formats.score(t.qaScore()));
        m.put("frtP50", Formats.seconds(t.frtP50()));
        m.put("sla", t.slaRates().isEmpty() ? Formats.NONE : Formats.percent(t.slaRates().get(0)));
        m.put("greeting", Formats.percent(t.greetingRate()));
        m.put("apology", Formats.percent(t.apologyRate()));
        m.put("closing", Formats.percent(t.closingRate()));
        m.put("redLines", t.redLineHits());
        m.put("csat", t.csat().mean() == null ? Formats.NONE : String.format(java.util.Locale.ROOT, "%.2f", t.csat().mean()));
        m.put("csatCorrelation", t.csat().qaCorrelation() == null ? Formats.NONE : String.format(java.util.Locale.ROOT, "%+.2f", t.csat().qaCorrelation()));
        return m;
    }

    static Double delta(Double now, Double before) {
        return now == null || before == null ? null : now - before;
    }

    /** A relative link to a file we wrote: percent-encoded so no file name can break out of the attribute or path. */
    static String href(String relative) {
        try {
            return new URI(null, null, relative, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(relative, e);
        }
    }
}
