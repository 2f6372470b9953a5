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
                                  PersonalDataMask mask) {
        AgentRow a = p.agent();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("day", r.day());
        v.put("agentId", a.agentId());
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
        v.put("kpis", kpis(a, r.slaSeconds()));
        v.put("checks", checks(p));
        v.put("scenarios", OverviewView.scenarios(p.scenarios()));
        v.put("hasScenarios", !p.scenarios().isEmpty());
        v.put("failures", failures(p, mask));
        v.put("focus", OverviewView.focus(p));
        return v;
    }

    static List<Map<String, Object>> kpis(AgentRow a, List<Integer> sla) {
        List<Map<String, Object>> k = new ArrayList<>();
        k.add(OverviewView.tile("agent parts", Formats.count(a.conversations()), "conversations or their parts"));
        k.add(OverviewView.tile("first response p50", Formats.seconds(a.frtP50()), "p90 " + Formats.seconds(a.frtP90())));
        for (int i = 0; i < sla.size() && i < a.slaRates().size(); i++) {
            k.add(OverviewView.tile("answered within " + sla.get(i) + " s", Formats.percent(a.slaRates().get(i)), "of measured first responses"));
        }
        k.add(OverviewView.tile("red lines", String.valueOf(a.redLineHits()), "parts scored 0: " + a.fatal()));
        k.add(OverviewView.tile("resolved in chat", Formats.percent(a.resolvedRate()), "of the agent's parts"));
        k.add(OverviewView.tile("sentiment recovered", Formats.percent(a.recoveryRate()), a.startedNegative() + " started negative; "
                + Formats.sentiment(a.sentimentStart()) + " → " + Formats.sentiment(a.sentimentEnd())));
        k.add(OverviewView.tile("satisfaction (est.)", Formats.satisfaction(a.satisfaction()), "−2 very unhappy … 2 very satisfied"));
        OverviewView.csatTile(a.csat(), k);
        return k;
    }

    /** Every rule checked for the agent, with the team's pass rate beside it. */
    static List<Map<String, Object>> checks(AgentPage p) {
        Map<String, RuleRate> team = new LinkedHashMap<>();
        p.teamRules().forEach(t -> team.put(t.ruleId(), t));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RuleRate rr : p.rules()) {
            RuleRate t = team.get(rr.ruleId());
            Double diff = t == null ? null : 100 * (rr.passRate() - t.passRate());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", rr.ruleId());
            m.put("anchor", anchor(rr.ruleId()));
            m.put("category", rr.category());
            m.put("description", rr.description());
            m.put("rate", Formats.percent(rr.passRate()));
            m.put("teamRate", t == null ? Formats.NONE : Formats.percent(t.passRate()));
            m.put("diff", diff == null ? Formats.NONE : Formats.signed(diff) + " pts");
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
    static List<Map<String, Object>> failures(AgentPage p, PersonalDataMask mask) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (RuleRate rr : p.rules()) {
            if (rr.failed() == 0) {
                continue;
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (Failure f : p.failures()) {
                if (f.ruleId().equals(rr.ruleId())) {
                    items.add(failure(f, mask));
                }
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("ruleId", rr.ruleId());
            g.put("anchor", anchor(rr.ruleId()));
            g.put("description", rr.description());
            g.put("category", rr.category());
            g.put("failed", rr.failed());
            g.put("items", items);
            g.put("truncated", rr.failed() > items.size());
            g.put("shown", items.size());
            groups.add(g);
        }
        return groups;
    }

    static Map<String, Object> failure(Failure f, PersonalDataMask mask) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversationId", f.conversationId());
        m.put("seq", f.messageSeq());
        m.put("sentAt", f.sentAt() == null ? "" : f.sentAt());
        m.put("role", f.role() == null ? "" : f.role());
        // A composed rule's evidence quotes other messages (the number the customer gave): masked like the text.
        m.put("evidence", f.evidence() == null ? null : mask.mask(f.evidence()).text());
        m.put("points", f.points());
        m.put("fatal", f.fatal());
        m.put("context", f.previousCustomerText() == null ? null : mask.mask(f.previousCustomerText()).text());
        m.putAll(Highlight.of(f.text(), f.spanStart(), f.spanEnd(), mask));
        return m;
    }
}
