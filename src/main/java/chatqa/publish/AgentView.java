package chatqa.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import chatqa.privacy.PersonalDataMask;
import chatqa.publish.DayReport.AgentPage;
import chatqa.publish.DayReport.AgentRow;
import chatqa.publish.DayReport.Failure;
import chatqa.publish.DayReport.RuleRate;
import chatqa.publish.DayReport.Totals;

/**
 * The values of one agent's page: their standing, each check against their shop's team, and
 * the messages behind every failed check, with customers' personal data masked and the matched
 * span highlighted on the masked text.
 */
final class AgentView {
    private AgentView() {
    }

    static Map<String, Object> of(DayReport r, AgentPage p, Totals team, long agentsInShop, String chartStem,
                                  PersonalDataMask mask, Words w) {
        AgentRow a = p.agent();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("w", w.all());
        v.put("lang", w.language().htmlLang());
        v.put("day", w.day(r.day()));
        v.put("back", w.format("back_to_overview", w.day(r.day())));
        v.put("radarAlt", w.format("chart_radar_alt", a.displayName()));
        v.put("trendAlt", w.format("chart_agent_trend_alt", a.displayName()));
        v.put("agentId", a.agentId());
        v.put("agentName", a.displayName());
        v.put("idBesideName", a.idBesideName());
        v.put("shopId", a.shopId());
        v.put("rank", a.rank());
        v.put("agentsInShop", agentsInShop);
        v.put("qaScore", Formats.score(a.qaScore()));
        v.put("teamQaScore", Formats.score(team.qaScore()));
        Double vsPrevious = OverviewView.delta(a.qaScore(), a.previousQaScore());
        Double vsWeek = OverviewView.delta(a.qaScore(), a.sevenDayQaScore());
        v.put("vsPrevious", Formats.signed(vsPrevious));
        v.put("vsPreviousClass", Formats.trend(vsPrevious));
        v.put("vsWeek", Formats.signed(vsWeek));
        v.put("vsWeekClass", Formats.trend(vsWeek));
        v.put("chart", chartStem);
        v.put("hasTrend", p.trend().size() > 1);
        v.put("kpis", kpis(a, r.slaSeconds(), w));
        v.put("checks", checks(p, w));
        v.put("scenarios", OverviewView.scenarios(p.scenarios(), w));
        v.put("hasScenarios", !p.scenarios().isEmpty());
        v.put("failures", failures(p, mask, w));
        v.put("focus", OverviewView.focusName(p));
        ReviewFacts.AgentReview rev = r.review().agents().get(p.key());
        v.put("reviewed", rev == null ? null : w.format("standing_reviewed", Formats.score(rev.reviewedQaScore()), rev.reviewedParts())
                + (rev.appealsOpen() + rev.appealsUpheld() + rev.appealsRejected() == 0 ? ""
                : " · " + w.get("col_appeals") + " " + w.format("appeals_cell", rev.appealsOpen(), rev.appealsUpheld(), rev.appealsRejected())));
        return v;
    }

    static List<Map<String, Object>> kpis(AgentRow a, List<Integer> sla, Words w) {
        List<Map<String, Object>> k = new ArrayList<>();
        k.add(OverviewView.tile(w.get("tile_agent_parts"), w.compact(a.conversations()), w.get("tile_agent_parts_note")));
        k.add(OverviewView.tile(w.get("tile_frt"), w.seconds(a.frtP50()), w.format("tile_frt_note", w.seconds(a.frtP90()))));
        for (int i = 0; i < sla.size() && i < a.slaRates().size(); i++) {
            k.add(OverviewView.tile(w.format("tile_sla", w.tier(sla.get(i))), Formats.percent(a.slaRates().get(i)), w.get("tile_sla_note")));
        }
        k.add(OverviewView.tile(w.get("tile_red_lines"), String.valueOf(a.redLineHits()), w.format("tile_red_lines_note", a.fatal())));
        k.add(OverviewView.tile(w.get("tile_resolved"), Formats.percent(a.resolvedRate()), w.get("tile_resolved_agent_note")));
        k.add(OverviewView.tile(w.get("tile_recovered"), Formats.percent(a.recoveryRate()), w.format("tile_recovered_agent_note",
                a.startedNegative(), Formats.sentiment(a.sentimentStart()), Formats.sentiment(a.sentimentEnd()))));
        k.add(OverviewView.tile(w.get("tile_satisfaction"), Formats.satisfaction(a.satisfaction()), w.get("tile_satisfaction_note")));
        OverviewView.csatTile(a.csat(), k, w);
        return k;
    }

    /** Every rule checked for the agent, with the team's pass rate beside it. */
    static List<Map<String, Object>> checks(AgentPage p, Words w) {
        Map<String, RuleRate> team = new LinkedHashMap<>();
        p.teamRules().forEach(t -> team.put(t.ruleId(), t));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RuleRate rr : p.rules()) {
            RuleRate t = team.get(rr.ruleId());
            Double diff = t == null ? null : 100 * (rr.passRate() - t.passRate());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", rr.ruleId());
            m.put("ruleName", rr.shownName());
            m.put("anchor", anchor(rr.ruleId()));
            m.put("category", w.category(rr.category()));
            m.put("description", rr.description());
            m.put("rate", Formats.percent(rr.passRate()));
            m.put("teamRate", t == null ? Formats.NONE : Formats.percent(t.passRate()));
            m.put("diff", diff == null ? Formats.NONE : w.format("points_suffix", Formats.signed(diff)));
            m.put("diffClass", Formats.trend(diff));
            m.put("failed", rr.failed());
            m.put("checked", rr.checked());
            m.put("hasFailures", rr.failed() > 0);
            rows.add(m);
        }
        return rows;
    }

    /** The in-page id of a rule's evidence, linked from the checks table. */
    static String anchor(String ruleId) {
        return "rule-" + OverviewView.href(ruleId).replace('%', '_');
    }

    /** Failed checks grouped by rule, each message masked and its matched span marked. */
    static List<Map<String, Object>> failures(AgentPage p, PersonalDataMask mask, Words w) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (RuleRate rr : p.rules()) {
            if (rr.failed() == 0) {
                continue;
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (Failure f : p.failures()) {
                if (f.ruleId().equals(rr.ruleId())) {
                    items.add(failure(f, mask, w));
                }
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("ruleId", rr.ruleId());
            g.put("ruleName", rr.shownName());
            g.put("anchor", anchor(rr.ruleId()));
            g.put("description", rr.description());
            g.put("category", w.category(rr.category()));
            g.put("failed", w.format("failed_count", rr.failed()));
            g.put("items", items);
            g.put("truncated", rr.failed() > items.size());
            g.put("shown", w.format("showing_first", items.size()));
            groups.add(g);
        }
        return groups;
    }

    static Map<String, Object> failure(Failure f, PersonalDataMask mask, Words w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversationId", f.conversationId());
        m.put("where", w.format("conversation_id", f.conversationId()) + " · " + w.format("message_seq", f.messageSeq()));
        m.put("sentAt", f.sentAt() == null ? "" : f.sentAt());
        m.put("role", f.role() == null ? "" : w.role(f.role()));
        // A composed rule's evidence quotes other messages (the number the customer gave): masked like the text.
        m.put("evidence", f.evidence() == null ? null : mask.mask(EvidenceWords.of(w).translate(f.evidence())).text());
        m.put("points", w.format("minus_points", f.points()));
        m.put("fatal", f.fatal());
        m.put("context", f.previousCustomerText() == null ? null : mask.mask(f.previousCustomerText()).text());
        m.putAll(Highlight.of(f.text(), f.spanStart(), f.spanEnd(), mask));
        return m;
    }
}
