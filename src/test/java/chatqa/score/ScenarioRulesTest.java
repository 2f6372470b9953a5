package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import chatqa.model.Evidence;
import chatqa.rules.RuleBookLoader;

/**
 * The default rule book's scenarios and scenario rules (the handbooks' "Resolution"): each scenario
 * is tagged with the message that triggered it, and each scenario rule passes for a handbook reply
 * and fails, with its evidence, for a reply that breaks it.
 */
class ScenarioRulesTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.loadDefault());

    private static Map<String, CheckResult> checks(ConversationScore s) {
        return s.checks().stream().collect(Collectors.toMap(c -> c.rule().id(), c -> c, (a, b) -> a.passed() ? b : a));
    }

    private static CheckResult check(ConversationScore s, String rule) {
        CheckResult r = checks(s).get(rule);
        assertTrue(r != null, rule + " was not checked; checks: " + checks(s).keySet());
        return r;
    }

    private static ConversationScore score(String... lines) {
        return SCORER.score(Chat.of(lines));
    }

    // --- Tags ---

    @Test
    void eachScenarioIsTaggedWithItsTriggeringMessage() {
        assertEquals(List.of(new ScenarioTag("pre_sales_product", new Evidence("m1", 1, "尺码", 2, 4, "customer message 1: '尺码'"))),
                score("10:00:00 customer 请问尺码怎么选", "10:00:05 agent a1 按平时穿的选").scenarios());
        assertEquals(List.of("pre_sales_product", "bargaining"),
                score("10:00:00 customer 这款有货吗", "10:00:05 agent a1 有的", "10:00:09 customer 能便宜点吗").scenarioNames());
        assertEquals(List.of("payment"), score("10:00:00 customer 付不了款怎么办", "10:00:05 agent a1 稍等").scenarioNames());
        assertEquals(List.of("logistics"), score("10:00:00 customer 什么时候发货", "10:00:05 agent a1 今天").scenarioNames());
        assertEquals(List.of("quality_complaint"), score("10:00:00 customer 杯子坏了", "10:00:05 agent a1 抱歉").scenarioNames());
        assertEquals(List.of("return_refund"), score("10:00:00 customer 我想退货", "10:00:05 agent a1 好的").scenarioNames());
        assertEquals(List.of("after_sales_usage"), score("10:00:00 customer 这个怎么安装", "10:00:05 agent a1 看说明").scenarioNames());
        ConversationScore other = score("10:00:00 customer 能开发票吗", "10:00:05 agent a1 可以的");
        assertEquals(List.of("other"), other.scenarioNames());
        assertEquals(Evidence.none("no scenario's phrases occurred"), other.scenarios().get(0).evidence());
    }

    @Test
    void scenariosAreMultiLabelAndStructureRulesSomeOut() {
        ConversationScore s = score("10:00:00 customer 收到的杯子坏了，快递也太慢了", "10:00:05 agent a1 抱歉",
                "10:00:09 customer 我要退货");
        assertEquals(List.of("logistics", "quality_complaint", "return_refund"), s.scenarioNames());
        assertEquals(8, s.scenarios().get(0).evidence().start(), "'快递' in the first message");
        assertEquals("customer message 3: '退货'", s.scenarios().get(2).evidence().why());

        assertEquals(List.of("quality_complaint"), score("10:00:00 customer 这个颜色的坏了，什么颜色能换",
                "10:00:05 agent a1 抱歉").scenarioNames(), "a product question inside a complaint is not pre-sales");
        assertEquals(List.of("other"), score("10:00:00 customer 在吗", "10:00:02 agent a1 在的", "10:00:04 customer 你好",
                "10:00:06 customer 嗯", "10:00:08 customer 尺码偏大吗").scenarioNames(), "pre-sales counts the first 3 customer messages");
        assertEquals(List.of("other"), score("10:00:00 customer 我在[地址x]附近", "10:00:05 agent a1 好的").scenarioNames(),
                "a masked address is not a logistics question");
    }

    @Test
    void bargainingPointsToPromotionsAndNeverCutsThePrice() {
        ConversationScore good = score("10:00:00 customer 能便宜点吗", "10:00:05 agent a1 您好，现在有满199减20的活动哦");
        assertEquals(true, check(good, "bargaining.points_to_promotions").passed());
        assertEquals("满199", check(good, "bargaining.points_to_promotions").evidence().matchedText());
        assertEquals(true, check(good, "bargaining.no_ad_hoc_discount").passed());

        ConversationScore bad = score("10:00:00 customer 能便宜点吗", "10:00:05 agent a1 好吧，私下给您便宜10块");
        CheckResult cut = check(bad, "bargaining.no_ad_hoc_discount");
        assertEquals(false, cut.passed());
        assertEquals(new Evidence("m2", 2, "私下", 3, 5, "forbidden '私下' in an agent message"), cut.evidence());
        assertEquals(10, cut.pointsDeducted());
        CheckResult noPromotion = check(bad, "bargaining.points_to_promotions");
        assertEquals(false, noPromotion.passed());
        assertEquals("not found in the next 2 agent messages after customer message 1 ('能便宜')", noPromotion.evidence().why());
        assertEquals("bargaining", bad.scenarioOf(cut.rule()));
    }

    @Test
    void paymentStallIsAskedAboutAndPaymentIsConfirmedWithThanks() {
        ConversationScore stall = score("10:00:00 customer 付不了款", "10:00:05 agent a1 您好，付款时提示什么呢？");
        assertEquals(true, check(stall, "payment.ask_if_payment_failed").passed());
        assertEquals("提示什么", check(stall, "payment.ask_if_payment_failed").evidence().matchedText());
        ConversationScore ignored = score("10:00:00 customer 付不了款", "10:00:05 agent a1 您再试试", "10:00:09 agent a1 好的");
        assertEquals(false, check(ignored, "payment.ask_if_payment_failed").passed());

        ConversationScore paid = score("10:00:00 customer 已付款", "10:00:05 agent a1 收到您的付款了，感谢您的支持");
        assertEquals(true, check(paid, "payment.confirm_after_payment").passed());
        assertEquals(true, check(paid, "payment.thanks_after_payment").passed());
        ConversationScore silent = score("10:00:00 customer 已付款", "10:00:05 agent a1 好的");
        assertEquals(false, check(silent, "payment.confirm_after_payment").passed());
        assertEquals(false, check(silent, "payment.thanks_after_payment").passed());
        assertTrue(checks(paid).keySet().stream().noneMatch(id -> id.startsWith("bargaining.")), "not a bargaining chat");
    }

    @Test
    void logisticsConfirmsAddressNamesCourierAndDaysButNeverGuaranteesADate() {
        ConversationScore good = score("10:00:00 customer 我要改地址，什么时候发货",
                "10:00:05 agent a1 好的，请核对新的收货地址，今天发顺丰，一般2-3天到");
        assertEquals(true, check(good, "logistics.confirm_address").passed());
        assertEquals(true, check(good, "logistics.name_courier").passed());
        assertEquals("2-3天", check(good, "logistics.usual_days").evidence().matchedText());
        assertEquals(true, check(good, "red_line.guaranteed_arrival").passed());

        ConversationScore bad = score("10:00:00 customer 什么时候能到", "10:00:05 agent a1 保证明天到");
        assertEquals(false, check(bad, "logistics.name_courier").passed());
        assertEquals(false, check(bad, "logistics.usual_days").passed());
        CheckResult promise = check(bad, "red_line.guaranteed_arrival");
        assertEquals(false, promise.passed());
        assertEquals(20, promise.pointsDeducted());
        assertNull(bad.scenarioOf(promise.rule()), "the promise is forbidden in every conversation");
    }

    @Test
    void qualityComplaintApologyFirstEvidenceRemedyAndNoArguing() {
        ConversationScore good = score("10:00:00 customer 收到的杯子坏了", "10:00:05 agent a1 非常抱歉，麻烦拍张照片给我看下",
                "10:00:30 customer 好的[图片]", "10:00:40 agent a1 您是说杯子裂了对吧，给您补发一个新的，今天寄出");
        for (String rule : List.of("quality_complaint.apology_first", "quality_complaint.ask_for_evidence",
                "quality_complaint.offer_remedy", "quality_complaint.no_arguing", "complaint.restate_need", "resolution.concrete_step")) {
            assertEquals(true, check(good, rule).passed(), rule + ": " + check(good, rule).evidence());
        }
        assertEquals(List.of("quality_complaint"), good.scenarioNames());

        ConversationScore bad = score("10:00:00 customer 收到的杯子坏了", "10:00:05 agent a1 可以给您换货",
                "10:00:30 customer 为什么会坏", "10:00:40 agent a1 这是人为损坏的，抱歉");
        CheckResult order = check(bad, "quality_complaint.apology_first");
        assertEquals(false, order.passed());
        assertEquals(new Evidence("m2", 2, "换货", 4, 6,
                "'换货' (quality_complaint.offer_remedy) came before any of this rule's phrases in the agent messages"), order.evidence());
        assertEquals(false, check(bad, "quality_complaint.ask_for_evidence").passed());
        assertEquals(true, check(bad, "quality_complaint.offer_remedy").passed());
        CheckResult argue = check(bad, "quality_complaint.no_arguing");
        assertEquals(false, argue.passed());
        assertEquals("人为损坏", argue.evidence().matchedText());
        assertTrue(bad.verdicts().fatal());
        assertEquals(0.0, bad.verdicts().qaScore());
        assertEquals(false, check(bad, "complaint.restate_need").passed());
    }

    @Test
    void returnsExplainStepsInsuranceRetainOnceThenProcess() {
        ConversationScore good = score("10:00:00 customer 我要退货，运费险能用吗",
                "10:00:05 agent a1 您是想退货对吧，方便说下原因吗？要不您再考虑一下",
                "10:00:30 customer 不用，还是要退",
                "10:00:40 agent a1 好的，已为您申请退货，在订单页面填写单号寄回即可，运费险会自动理赔");
        for (String rule : List.of("return_refund.explain_steps", "return_refund.shipping_insurance",
                "return_refund.one_retention_attempt", "return_refund.process_when_insisting", "complaint.restate_need")) {
            assertEquals(true, check(good, rule).passed(), rule + ": " + check(good, rule).evidence());
        }

        ConversationScore pushy = score("10:00:00 customer 我要退货", "10:00:05 agent a1 确定要退吗，要不您再考虑一下",
                "10:00:30 customer 就要退", "10:00:40 agent a1 真的要退吗，用用看嘛");
        CheckResult retain = check(pushy, "return_refund.one_retention_attempt");
        assertEquals(false, retain.passed());
        assertEquals(4, retain.evidence().messageSeq());
        assertEquals("'真的要退' in an agent message: more than 1 message with these phrases", retain.evidence().why());
        assertEquals(false, check(pushy, "return_refund.process_when_insisting").passed());
        assertEquals(false, check(pushy, "return_refund.explain_steps").passed());
        assertTrue(checks(pushy).get("return_refund.shipping_insurance") == null, "insurance was not asked about");
    }

    @Test
    void longRepliesAreFlaggedInEveryScenario() {
        ConversationScore s = score("10:00:00 customer 这个怎么安装", "10:00:05 agent a1 " + "先".repeat(201));
        CheckResult r = check(s, "style.split_long_reply");
        assertEquals(false, r.passed());
        assertEquals("agent message 2 has 201 characters, more than 200: split the reply", r.evidence().why());
        assertEquals(1, s.verdicts().longAgentMessages());
    }

    @Test
    void aSolutionNamesAConcreteStepOrTime() {
        ConversationScore vague = score("10:00:00 customer 少发了一件", "10:00:05 agent a1 抱歉，给您补发");
        CheckResult r = check(vague, "resolution.concrete_step");
        assertEquals(false, r.passed());
        assertEquals("solution ✓ (agent message 2: '补发'); step ✗ → pass_when: step", r.evidence().why());
        ConversationScore concrete = score("10:00:00 customer 少发了一件", "10:00:05 agent a1 抱歉，给您补发，24小时内发出");
        assertEquals(true, check(concrete, "resolution.concrete_step").passed());
    }
}
