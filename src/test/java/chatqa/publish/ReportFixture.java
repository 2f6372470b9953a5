package chatqa.publish;

import java.util.List;

import chatqa.publish.DayReport.AgentPage;
import chatqa.publish.DayReport.AgentRow;
import chatqa.publish.DayReport.Bin;
import chatqa.publish.DayReport.Count;
import chatqa.publish.DayReport.DayPoint;
import chatqa.publish.DayReport.Failure;
import chatqa.publish.DayReport.RuleRate;
import chatqa.publish.DayReport.RunFacts;
import chatqa.publish.DayReport.ScenarioRow;
import chatqa.publish.DayReport.Totals;

/** A small hand-made day: two agents of one shop, one with a Chinese id, one with a hostile one. */
final class ReportFixture {
    static final String HOSTILE_ID = "<script>window.pwned='id'</script>../../etc/passwd";
    static final String CHINESE_ID = "客服小美";

    private ReportFixture() {
    }

    static DayReport day() {
        List<Integer> sla = List.of(10, 30);
        Totals team = new Totals(null, 10, 2, 82.5, 12.0, 40.0, List.of(0.4, 0.8), 0.7, 0.5, 0.6, 0.6, 4, 0.75, 2, 1,
                -0.3, 0.2, 0.4);
        Totals shop = new Totals("shop-1", 10, 2, 82.5, 12.0, 40.0, List.of(0.4, 0.8), 0.7, 0.5, 0.6, 0.6, 4, 0.75, 2, 1,
                -0.3, 0.2, 0.4);
        AgentRow mei = new AgentRow("shop-1", CHINESE_ID, 1, 6, 90.0, 85.0, 87.5, 8.0, 20.0, List.of(0.5, 1.0), 5.0 / 6, 1.0,
                4.0 / 6, 4.0 / 6, 2, 1.0, 0, 0, -0.2, 0.4, 0.4);
        AgentRow hostile = new AgentRow("shop-1", HOSTILE_ID, 2, 4, 71.25, null, null, 30.0, 60.0, java.util.Arrays.asList(null, 0.5), 0.5,
                0.0, 0.5, 0.5, 2, 0.5, 2, 1, -0.45, -0.1, 0.4);
        List<RuleRate> teamRules = List.of(new RuleRate("greeting.hello", "问候语", "greeting", "首条消息有问候语（您好 / 亲）", 10, 3),
                new RuleRate("apology.after_complaint", "致歉", "apology", "顾客抱怨后的第一条回复要致歉", 4, 2),
                new RuleRate("red_line.rude", "争吵推诿嘲讽", "red_line", "不得与顾客争吵", 10, 1));
        List<RuleRate> meiRules = List.of(new RuleRate("greeting.hello", "问候语", "greeting", "首条消息有问候语（您好 / 亲）", 6, 1),
                new RuleRate("apology.after_complaint", "致歉", "apology", "顾客抱怨后的第一条回复要致歉", 2, 0),
                new RuleRate("red_line.rude", "争吵推诿嘲讽", "red_line", "不得与顾客争吵", 6, 0));
        List<RuleRate> hostileRules = List.of(new RuleRate("greeting.hello", "问候语", "greeting", "首条消息有问候语（您好 / 亲）", 4, 2),
                new RuleRate("apology.after_complaint", "致歉", "apology", "顾客抱怨后的第一条回复要致歉", 2, 2),
                new RuleRate("red_line.rude", "争吵推诿嘲讽", "red_line", "不得与顾客争吵", 4, 1));
        List<Failure> hostileFailures = List.of(
                new Failure("red_line.rude", "c-7", 4, "2026-11-20 10:01:02", "agent",
                        "<img src=x onerror=pwned=1> 你自己看 电话13800138000", 28, 32, "rude: '你自己看'", 40, true,
                        "我的手机13912345678<script>window.pwned='text'</script><style>body{display:none}</style>"),
                new Failure("greeting.hello", "c-8", 2, "2026-11-20 11:00:00", "agent", "<a href=\"javascript:window.pwned='link'\" id=\"bait\">点这里</a><div style=\"background:url(javascript:pwned=1)\">css</div>",
                        null, null, "no greeting in the first agent message", 5, false, null),
                new Failure("apology.after_complaint", "c-9", 3, null, "agent", "在的", null, null, "no apology", 10, false,
                        "太慢了！！"));
        List<DayPoint> teamTrend = List.of(new DayPoint("2026-11-18", 9, 80.0, 0.6, 0.5, 0.5),
                new DayPoint("2026-11-19", 8, 84.0, 0.75, 0.25, 0.625), new DayPoint("2026-11-20", 10, 82.5, 0.7, 0.5, 0.6));
        List<DayPoint> meiTrend = List.of(new DayPoint("2026-11-19", 4, 85.0, 0.75, 1.0, 0.5), new DayPoint("2026-11-20", 6, 90.0, 5.0 / 6, 1.0, 4.0 / 6));
        List<AgentPage> pages = List.of(
                new AgentPage(mei, "客服小美.html", meiRules, teamRules, meiTrend,
                        List.of(new ScenarioRow("bargaining", 2, 2.0 / 6, 95.0, 0.75)), List.of()),
                new AgentPage(hostile, "script-alert-id-script-etc-passwd-0badf00d.html", hostileRules, teamRules, List.of(), List.of(), hostileFailures));
        List<Bin> qa = List.of(new Bin(0, 5.0, 1), new Bin(70, 75.0, 2), new Bin(85, 90.0, 3), new Bin(95, 100.0, 4));
        List<Bin> frt = List.of(new Bin(0, 1.0, 1), new Bin(1, 2.0, 0), new Bin(5, 10.0, 3), new Bin(10, 30.0, 4), new Bin(3600, null, 1));
        return new DayReport("2026-11-20", new RunFacts("run-1", "2026-11-20 23:00:00", "0.1.0", "built-in:default.yaml", 120, 118, 2, 9, 8),
                team, List.of(shop), List.of(mei, hostile), teamRules, List.of(new Count("resolved_in_chat", 6), new Count("unresolved", 3)),
                qa, frt, sla, teamTrend, List.of(new ScenarioRow("logistics", 5, 5.0 / 9, 80.0, 0.5),
                        new ScenarioRow("bargaining", 3, 3.0 / 9, 90.0, 2.0 / 3)), pages);
    }
}
