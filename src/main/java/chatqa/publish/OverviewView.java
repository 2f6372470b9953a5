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

    static Map<String, Object> of(DayReport r, Words w, String generatedAt, String fontWarning) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("w", w.all());
        v.put("lang", w.language().htmlLang());
        v.put("day", w.day(r.day()));
        v.put("titleLine", w.format("title_overview", w.day(r.day())));
        v.put("heading", w.format("heading_overview", w.day(r.day())));
        v.put("runLine", runLine(r.run(), w, generatedAt));
        v.put("generatedAt", generatedAt);
        v.put("run", r.run());
        v.put("fontWarning", fontWarning);
        v.put("kpis", kpis(r.team(), r.slaSeconds(), w));
        v.put("leaderboard", leaderboard(r, w));
        v.put("hasHistory", r.agents().stream().anyMatch(a -> a.previousQaScore() != null || a.sevenDayQaScore() != null));
        v.put("slaHeader", w.format("col_within", r.slaSeconds().isEmpty() ? "" : w.tier(r.slaSeconds().get(0))));
        v.put("failing", failing(r.rules(), w));
        v.put("outcomes", outcomes(r.outcomes(), w));
        v.put("multiShop", r.shops().size() > 1);
        List<Map<String, Object>> shops = new ArrayList<>();
        for (Totals t : r.shops()) {
            shops.add(totalsRow(t, w));
        }
        v.put("shops", shops);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (DayReport.GroupRow g : r.groups()) {
            Map<String, Object> m = totalsRow(g.totals(), w);
            m.put("groupId", g.groupId());
            groups.add(m);
        }
        v.put("groups", groups);
        v.put("hasGroups", !groups.isEmpty());
        v.put("hasReviews", !r.review().agents().isEmpty());
        v.put("lowPrecision", lowPrecision(r.review()));
        v.put("hasLowPrecision", !r.review().lowPrecision().isEmpty());
        v.put("lowPrecisionNote", w.format("low_precision_note", Formats.percent(r.review().threshold()),
                r.review().minFailures()));
        v.put("hasTrend", r.teamTrend().size() > 1);
        v.put("scenarios", scenarios(r.scenarios(), w));
        v.put("hasScenarios", !r.scenarios().isEmpty());
        return v;
    }

    /** The line under the title: the run that wrote the day. */
    private static String runLine(DayReport.RunFacts run, Words w, String generatedAt) {
        return w.format("run_line", run.runId(), run.ruleBook(), run.version(), Formats.count(run.rowsRead()), Formats.count(run.accepted()),
                Formats.count(run.quarantined()), Formats.count(run.conversations()), Formats.count(run.scoredConversations()), generatedAt);
    }

    /** The tiles at the top of a page. */
    static List<Map<String, Object>> kpis(Totals t, List<Integer> sla, Words w) {
        List<Map<String, Object>> k = new ArrayList<>();
        k.add(tile(w.get("tile_parts"), w.compact(t.parts()), w.format("tile_parts_note", t.agents())));
        k.add(tile(w.get("tile_qa"), Formats.score(t.qaScore()), w.format("tile_qa_note", t.fatal())));
        k.add(tile(w.get("tile_frt"), w.seconds(t.frtP50()), w.format("tile_frt_note", w.seconds(t.frtP90()))
                + (t.outOfHoursTurns() > 0 ? " · " + w.format("tile_frt_out_of_hours", Formats.count(t.outOfHoursTurns())) : "")));
        for (int i = 0; i < sla.size() && i < t.slaRates().size(); i++) {
            k.add(tile(w.format("tile_sla", w.tier(sla.get(i))), Formats.percent(t.slaRates().get(i)), w.get("tile_sla_note")));
        }
        k.add(tile(w.get("tile_greeting"), Formats.percent(t.greetingRate()), w.get("tile_greeting_note")));
        k.add(tile(w.get("tile_apology"), Formats.percent(t.apologyRate()), w.get("tile_apology_note")));
        k.add(tile(w.get("tile_closing"), Formats.percent(t.closingRate()), w.get("tile_closing_note")));
        k.add(tile(w.get("tile_resolved"), Formats.percent(t.resolvedRate()), w.get("tile_resolved_note")));
        k.add(tile(w.get("tile_recovered"), Formats.percent(t.recoveryRate()), w.format("tile_recovered_note", t.startedNegative())));
        k.add(tile(w.get("tile_satisfaction"), Formats.satisfaction(t.satisfaction()), w.get("tile_satisfaction_note")));
        csatTile(t.csat(), k, w);
        return k;
    }

    /** The customers' own rating beside the QA score, when the exports carried ratings. */
    static void csatTile(DayReport.Csat c, List<Map<String, Object>> k, Words w) {
        if (c.mean() == null) {
            return;
        }
        String note = w.format("tile_csat_note", Formats.percent(c.ratedRate()))
                + (c.qaCorrelation() == null ? "" : " · " + w.format("tile_csat_rho", String.format(java.util.Locale.ROOT, "%+.2f", c.qaCorrelation())));
        k.add(tile(w.get("tile_csat"), w.format("tile_csat_value", String.format(java.util.Locale.ROOT, "%.2f", c.mean())), note));
    }

    static Map<String, Object> tile(String label, String value, String note) {
        return Map.of("label", label, "value", value, "note", note);
    }

    static List<Map<String, Object>> leaderboard(DayReport r, Words w) {
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
            m.put("agentName", a.displayName());
            m.put("idBesideName", a.idBesideName());
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
            m.put("frtP50", w.seconds(a.frtP50()));
            m.put("sla", a.slaRates().isEmpty() ? Formats.NONE : Formats.percent(a.slaRates().get(0)));
            m.put("greeting", Formats.percent(a.greetingRate()));
            m.put("apology", Formats.percent(a.apologyRate()));
            m.put("closing", Formats.percent(a.closingRate()));
            m.put("redLines", a.redLineHits());
            m.put("redLineClass", a.redLineHits() > 0 ? "bad" : "");
            m.put("recovery", Formats.percent(a.recoveryRate()));
            m.put("satisfaction", Formats.satisfaction(a.satisfaction()));
            ReviewFacts.AgentReview rev = r.review().agents().get(DayReport.AgentPage.key(a.shopId(), a.agentId()));
            m.put("reviewed", rev == null ? Formats.NONE : Formats.score(rev.reviewedQaScore()));
            m.put("appeals", rev == null || rev.appealsOpen() + rev.appealsUpheld() + rev.appealsRejected() == 0 ? Formats.NONE
                    : w.format("appeals_cell", rev.appealsOpen(), rev.appealsUpheld(), rev.appealsRejected()));
            m.put("focus", page == null ? "" : focusName(page));
            m.put("focusId", page == null ? "" : focus(page));
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

    /** The name of the check to coach first (the id when the rule book gives no name). */
    static String focusName(AgentPage page) {
        String id = focus(page);
        return page.rules().stream().filter(r -> r.ruleId().equals(id)).map(RuleRate::shownName).findFirst().orElse(id);
    }

    private static double gap(RuleRate agent, RuleRate team) {
        return (team == null ? 1.0 : team.passRate()) - agent.passRate();
    }

    static List<Map<String, Object>> failing(List<RuleRate> rules, Words w) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rules.stream().filter(r -> r.failed() > 0)
                .sorted(Comparator.comparingLong(RuleRate::failed).reversed().thenComparing(RuleRate::ruleId))
                .forEach(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ruleId", r.ruleId());
                    m.put("ruleName", r.shownName());
                    m.put("category", w.category(r.category()));
                    m.put("description", r.description());
                    m.put("failed", Formats.count(r.failed()));
                    m.put("checked", Formats.count(r.checked()));
                    m.put("failRate", Formats.percent(1 - r.passRate()));
                    rows.add(m);
                });
        return rows;
    }

    /** The rules reviewers overturn most, as table rows. */
    static List<Map<String, Object>> lowPrecision(ReviewFacts review) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReviewFacts.RulePrecision p : review.lowPrecision()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", p.ruleId());
            m.put("ruleName", p.ruleName());
            m.put("failures", Formats.count(p.machineFailures()));
            m.put("precision", Formats.percent(p.precision()));
            m.put("interval", Formats.percent(p.low()) + " – " + Formats.percent(p.high()));
            rows.add(m);
        }
        return rows;
    }

    static List<Map<String, Object>> outcomes(List<Count> counts, Words w) {
        long total = counts.stream().mapToLong(Count::count).sum();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Count c : counts) {
            double share = total == 0 ? 0 : (double) c.count() / total;
            rows.add(Map.of("name", w.outcome(c.name()), "code", c.name(), "count", Formats.count(c.count()), "share", Formats.percent(share),
                    "width", Math.round(share * 1000) / 10.0));
        }
        return rows;
    }

    static List<Map<String, Object>> scenarios(List<DayReport.ScenarioRow> rows, Words w) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DayReport.ScenarioRow s : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", w.scenario(s.scenario()));
            m.put("scenarioId", s.scenario());
            m.put("conversations", Formats.count(s.conversations()));
            m.put("share", Formats.percent(s.share()));
            m.put("qaScore", Formats.score(s.qaScore()));
            m.put("compliance", Formats.percent(s.compliance()));
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> totalsRow(Totals t, Words w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shopId", t.shopId());
        m.put("parts", Formats.count(t.parts()));
        m.put("agents", t.agents());
        m.put("qaScore", Formats.score(t.qaScore()));
        m.put("frtP50", w.seconds(t.frtP50()));
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
