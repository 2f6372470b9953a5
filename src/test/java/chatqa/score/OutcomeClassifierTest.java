package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import chatqa.rules.Outcome;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;

/** One test per outcome class of the default rule book, and the precedence between them. */
class OutcomeClassifierTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.loadDefault());

    private static ConversationOutcome outcome(ConversationScorer scorer, String... lines) {
        return scorer.score(Chat.of(lines)).outcome();
    }

    private static ConversationOutcome outcome(String... lines) {
        return outcome(SCORER, lines);
    }

    @Test
    void answeredLastTurnIsResolvedInChat() {
        ConversationOutcome o = outcome("10:00:00 customer 这个有货吗", "10:00:05 agent a1 有货的亲", "10:00:20 customer 好的谢谢",
                "10:00:30 agent a1 不客气");
        assertEquals(Outcome.RESOLVED_IN_CHAT, o.outcome());
        assertEquals("an agent answered the customer's last turn (message 4)", o.evidence());
    }

    @Test
    void compensationOffered() {
        ConversationOutcome o = outcome("10:00:00 customer 发错颜色了", "10:00:05 agent a1 抱歉，给您补偿10元红包", "10:00:20 customer 好吧");
        assertEquals(Outcome.COMPENSATED, o.outcome());
        assertEquals("agent message 2: '补偿'", o.evidence());
        assertTrue(o.flags().compensated());
    }

    @Test
    void returnRefundExchangeAgreed() {
        ConversationOutcome o = outcome("10:00:00 customer 坏了", "10:00:05 agent a1 抱歉，我们给您补发一件");
        assertEquals(Outcome.RETURN_REFUND_EXCHANGE, o.outcome());
        assertTrue(o.flags().refundAgreed());
    }

    @Test
    void transferBetweenAgents() {
        ConversationOutcome o = outcome("10:00:00 customer 在吗", "10:00:05 agent a1 您好", "10:00:30 agent a2 您好，我是售后");
        assertEquals(Outcome.TRANSFERRED, o.outcome());
        assertEquals("taken over by a2 at message 3", o.evidence());
    }

    @Test
    void askingForASupervisorCountsAsTransferAndEscalation() {
        ConversationOutcome o = outcome("10:00:00 customer 叫你们经理来", "10:00:05 agent a1 您好，请问有什么可以帮您");
        assertEquals(Outcome.TRANSFERRED, o.outcome());
        assertTrue(o.flags().escalationRequested());
        assertFalse(o.flags().platformIntervention());
    }

    @Test
    void platformInterventionRequested() {
        ConversationOutcome o = outcome("10:00:00 customer 再不处理我申请平台介入", "10:00:05 agent a1 抱歉");
        assertEquals(Outcome.PLATFORM_INTERVENTION, o.outcome());
        assertTrue(o.flags().escalationRequested());
        assertTrue(o.flags().platformIntervention());
    }

    @Test
    void externalComplaintThreatened() {
        ConversationOutcome o = outcome("10:00:00 customer 我要去12315", "10:00:05 agent a1 抱歉");
        assertEquals(Outcome.EXTERNAL_COMPLAINT_THREAT, o.outcome());
        assertTrue(o.flags().complaintThreatened());
    }

    @Test
    void unhappyLastMessageNobodyAnsweredIsSilentUnhappy() {
        ConversationOutcome o = outcome("10:00:00 customer 还没到", "10:00:05 agent a1 您再等等", "10:00:30 customer 太失望了");
        assertEquals(Outcome.CUSTOMER_SILENT_UNHAPPY, o.outcome());
        assertTrue(o.evidence().startsWith("customer message 3 (negative: ") && o.evidence().endsWith(") was never answered"), o.evidence());
        assertTrue(o.evidence().contains("失望"), o.evidence());
        assertTrue(o.flags().customerUnhappyAtEnd());
    }

    @Test
    void openLastTurnWithoutUnhappinessIsUnresolved() {
        ConversationOutcome o = outcome("10:00:00 customer 在吗", "10:00:05 agent a1 在的", "10:00:30 customer 那尺码呢");
        assertEquals(Outcome.UNRESOLVED, o.outcome());
        assertEquals("the customer's last turn (message 3) was never answered", o.evidence());
    }

    @Test
    void customerEndingOnThanksWithoutReplyIsResolved() {
        ConversationOutcome o = outcome("10:00:00 customer 有货吗", "10:00:05 agent a1 有的", "10:00:20 customer 好的谢谢");
        assertEquals(Outcome.RESOLVED_IN_CHAT, o.outcome());
        assertEquals("the customer ended content (message 3)", o.evidence());
    }

    @Test
    void noAgentIsUnresolved() {
        assertEquals(Outcome.UNRESOLVED, outcome("10:00:00 customer 在吗", "10:00:01 bot 您好，客服马上就来").outcome());
    }

    @Test
    void platformOutranksRefundAndCompensationWhichStayAsFlags() {
        ConversationOutcome o = outcome("10:00:00 customer 我要小二介入", "10:00:05 agent a1 抱歉，给您退款并补偿红包",
                "10:00:20 customer 好的");
        assertEquals(Outcome.PLATFORM_INTERVENTION, o.outcome());
        assertTrue(o.flags().refundAgreed());
        assertTrue(o.flags().compensated());
    }

    @Test
    void precedenceComesFromTheRuleBook() {
        RuleBook book = RuleBookLoader.loadDefault();
        String yaml = book.yaml().replace("precedence: [platform_intervention, external_complaint_threat, return_refund_exchange, compensated,",
                "precedence: [compensated, platform_intervention, external_complaint_threat, return_refund_exchange,");
        ConversationScorer compensationFirst = new ConversationScorer(RuleBookLoader.parse(yaml, "test"));
        ConversationOutcome o = outcome(compensationFirst, "10:00:00 customer 我要小二介入", "10:00:05 agent a1 给您补偿红包");
        assertEquals(Outcome.COMPENSATED, o.outcome());
        assertTrue(o.flags().platformIntervention());
    }

    @Test
    void askingTheBotForAHumanIsItsOwnFlag() {
        ConversationOutcome o = outcome("10:00:00 customer 在吗", "10:00:01 bot 您好，我是智能助手", "10:00:05 customer 转人工",
                "10:00:20 agent a1 您好");
        assertTrue(o.flags().humanRequested());
        ConversationOutcome noBot = outcome("10:00:00 customer 转人工", "10:00:20 agent a1 您好");
        assertFalse(noBot.flags().humanRequested());
    }
}
