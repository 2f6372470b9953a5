package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import chatqa.rules.RuleBookLoader;

/**
 * The QA score counts how the customer's problem was handled, and every conversation gets a
 * satisfaction estimate with its drivers: hand-made conversations with known expected results.
 */
class HandlingAndSatisfactionTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.loadDefault());

    private static CheckResult result(ConversationScore s, String rule) {
        return s.checks().stream().filter(c -> c.rule().id().equals(rule)).findFirst().orElse(null);
    }

    @Test
    void aCustomerWhoLeavesAngryCostsTheLastAgentFifteenPoints() {
        ConversationScore s = SCORER.score(Chat.of(
                "10:00:00 customer 我的快递怎么还没到",
                "10:00:05 agent a1 您好，我是客服1号，很高兴为您服务，请稍等",
                "10:01:00 customer 太差劲了，我要投诉你们"));

        CheckResult unhappy = result(s, "handling.customer_left_unhappy");
        assertEquals(false, unhappy.passed());
        assertEquals(15, unhappy.pointsDeducted());
        assertEquals(3, unhappy.evidence().messageSeq());
        assertTrue(unhappy.evidence().why().startsWith("the customer's last message (3) is negative"), unhappy.evidence().why());
        assertEquals(false, result(s, "handling.last_turn_unanswered").passed(), "message 3 got no reply");
        assertEquals(false, result(s, "handling.escalation_not_defused").passed(), "a complaint threat, still negative");
    }

    @Test
    void aSolvedProblemPassesTheHandlingItemsWhateverTheFormulaPhrases() {
        ConversationScore s = SCORER.score(Chat.of(
                "10:00:00 customer 都三天了还没发货!!!",
                "10:00:05 agent a1 帮您催一下仓库，今天下午就发出",
                "10:00:30 customer 搞定了,谢谢"));

        assertEquals(true, result(s, "handling.customer_left_unhappy").passed());
        assertEquals(true, result(s, "handling.anger_not_soothed").passed(), "started negative, ended positive");
        assertNull(result(s, "handling.last_turn_unanswered"), "a closing thank-you needs no reply");
        assertNull(result(s, "handling.escalation_not_defused"), "no escalation: not applicable");
    }

    @Test
    void withoutAnAgentOrACustomerHandlingDoesNotApply() {
        ConversationScore botOnly = SCORER.score(Chat.of("10:00:00 customer 在吗", "10:00:02 bot - 您好，客服马上就来"));

        assertTrue(botOnly.checks().stream().noneMatch(c -> c.rule().category().equals("handling")));
    }

    @Test
    void theEstimateRanksAHappyResolutionAboveAnAngryEndingAndNamesWhy() {
        ConversationScore happy = SCORER.score(Chat.of("10:00:00 customer 我想改个地址", "10:00:05 agent a1 好的，已经帮您改好了",
                "10:00:20 customer 好的谢谢，辛苦了"));
        ConversationScore angry = SCORER.score(Chat.of("10:00:00 customer 怎么还没到", "10:00:05 agent a1 请耐心等待",
                "10:00:20 customer 无耻！我要投诉"));

        assertTrue(happy.satisfaction().value() > angry.satisfaction().value() + 0.5,
                happy.satisfaction() + " vs " + angry.satisfaction());
        assertTrue(angry.satisfaction().value() >= -2 && happy.satisfaction().value() <= 2);
        assertTrue(angry.satisfaction().drivers().contains("mood"), angry.satisfaction().drivers());
        assertNull(SCORER.score(Chat.of("10:00:05 agent a1 您好")).satisfaction(), "no customer message: no estimate");
    }

    @Test
    void theEstimateSeesThanksApologiesAndASendOff() {
        Map<String, Double> f = SatisfactionModel.features(SCORER.score(Chat.of("10:00:00 customer 宽带又断了",
                "10:00:05 agent a1 非常抱歉给您带来不便", "10:00:20 agent a1 抱歉，请您拨打客服热线报修", "10:00:40 customer 好的，谢谢")));

        assertEquals(1.0, f.get("customer thanked"));
        assertEquals(Math.log1p(2), f.get("agent apologies"), 1e-9, "two apologising messages");
        assertEquals(1.0, f.get("sent to another channel"));
        Map<String, Double> solved = SatisfactionModel.features(SCORER.score(Chat.of("10:00:00 customer 改下地址",
                "10:00:05 agent a1 已经帮您改好了")));
        assertEquals(0.0, solved.get("customer thanked"));
        assertEquals(0.0, solved.get("agent apologies"));
        assertEquals(0.0, solved.get("sent to another channel"));
    }

    @Test
    void ridgeRegressionRecoversAKnownLine() {
        List<Map<String, Double>> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double v = (i % 10) / 10.0;
            x.add(Map.of("x", v));
            y.add(-1 + 2 * v);
        }
        SatisfactionModel m = SatisfactionModel.fit(x, y, 0.0);

        assertEquals(-1.0, m.estimate(Map.of("x", 0.0)).value(), 1e-9);
        assertEquals(0.6, m.estimate(Map.of("x", 0.8)).value(), 1e-9);
        assertEquals(2.0, m.estimate(Map.of("x", 5.0)).value(), 1e-9, "clipped to the scale");
        assertEquals("x (+0.70)", m.estimate(Map.of("x", 0.8)).drivers(), "0.8 is 0.35 above the mean 0.45, times 2");
    }

    @Test
    void spearmanOfKnownOrders() {
        assertEquals(1.0, Spearman.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0), List.of(10.0, 20.0, 30.0, 40.0, 90.0)).rho(), 1e-12);
        assertEquals(-1.0, Spearman.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0), List.of(5.0, 4.0, 3.0, 2.0, 1.0)).rho(), 1e-12);
        Spearman ties = Spearman.of(List.of(1.0, 1.0, 2.0, 3.0), List.of(1.0, 2.0, 3.0, 4.0));
        assertEquals(0.9486832980505138, ties.rho(), 1e-12);
        assertTrue(ties.low() < ties.rho() && ties.rho() < ties.high());
    }
}
