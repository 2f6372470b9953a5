package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.model.Evidence;
import chatqa.rules.RuleBookLoader;

/**
 * The general rule kinds behind the scenario rules, on a small rule book written here: a phrase
 * within N messages after a trigger, a phrase that must not appear, a length limit, an ordering
 * between two checks, per-message conditions, tolerated hits and scenario scopes.
 */
class RuleKindsTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.parse("""
            version: 1
            scenarios:
              complaint:
                phrases: [坏了]
              chit_chat:
                phrases: [天气]
                within_first: 1
            rules:
              - id: photo
                category: resolution
                scenario: complaint
                position: after_trigger
                trigger: complaint
                within_agent_messages: 2
                phrases: [照片]
                points: 5
              - id: reply_soon
                category: resolution
                position: after_trigger
                trigger: {phrases: [在吗]}
                within_messages: 2
                phrases: [在的]
                points: 1
              - id: no_discount
                category: resolution
                position: after_trigger
                trigger: {phrases: [便宜]}
                within_agent_messages: 3
                expect: absent
                phrases: [给您便宜]
                points: 7
              - id: sorry_first
                category: resolution
                position: any
                phrases: [抱歉]
                before: refund
                points: 2
              - id: refund
                category: resolution
                position: any
                phrases: [退款]
                expect: absent
                points: 1
              - id: refund_time
                category: resolution
                position: any
                where: {phrases: [退款]}
                regex: '[0-9]+天'
                points: 3
              - id: short
                category: style
                position: any
                max_chars: 10
                points: 2
              - id: short_answer
                category: style
                position: after_trigger
                trigger: {phrases: [怎么用]}
                within_agent_messages: 1
                max_chars: 5
                points: 1
              - id: retention
                category: resolution
                position: any
                expect: absent
                max_messages: 1
                phrases: [再考虑]
                points: 4
            """, "kinds.yaml"));

    private static List<CheckResult> results(ConversationScore s, String rule) {
        return s.checks().stream().filter(c -> c.rule().id().equals(rule)).toList();
    }

    private static CheckResult only(ConversationScore s, String rule) {
        List<CheckResult> r = results(s, rule);
        assertEquals(1, r.size(), rule + ": " + r);
        return r.get(0);
    }

    @Test
    void phraseWithinAgentMessagesAfterTheTrigger() {
        ConversationScore inTime = SCORER.score(Chat.of("10:00:00 customer 杯子坏了", "10:00:05 agent a1 您好",
                "10:00:10 agent a1 麻烦拍张照片"));
        assertEquals(new Evidence("m3", 3, "照片", 4, 6, "found '照片'"), only(inTime, "photo").evidence());
        assertTrue(only(inTime, "photo").passed());

        ConversationScore late = SCORER.score(Chat.of("10:00:00 customer 杯子坏了", "10:00:05 agent a1 您好",
                "10:00:10 agent a1 稍等", "10:00:15 agent a1 麻烦拍张照片"));
        CheckResult r = only(late, "photo");
        assertEquals(false, r.passed());
        assertEquals(Evidence.missing("m3", 3, "not found in the next 2 agent messages after customer message 1 ('坏了')"),
                r.evidence());
        assertEquals(5, r.pointsDeducted());
    }

    @Test
    void withinMessagesCountsEveryRole() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 在吗", "10:00:01 customer 有人吗",
                "10:00:05 agent a1 在的"));
        assertEquals(true, only(s, "reply_soon").passed());
        ConversationScore tooLate = SCORER.score(Chat.of("10:00:00 customer 在吗", "10:00:01 customer 有人吗",
                "10:00:02 agent a1 您好", "10:00:03 customer 人呢", "10:00:05 agent a1 在的"));
        assertEquals(false, only(tooLate, "reply_soon").passed(), "在的 is the 4th message after the trigger");
        assertEquals(3, only(tooLate, "reply_soon").evidence().messageSeq());
    }

    @Test
    void absentPhraseInTheWindowAfterATrigger() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 能便宜点吗", "10:00:05 agent a1 给您便宜5块"));
        CheckResult r = only(s, "no_discount");
        assertEquals(false, r.passed());
        assertEquals("forbidden '给您便宜' in the next 3 agent messages after customer message 1 ('便宜')", r.evidence().why());
        ConversationScore noTrigger = SCORER.score(Chat.of("10:00:00 customer 有货吗", "10:00:05 agent a1 给您便宜5块"));
        assertTrue(results(noTrigger, "no_discount").isEmpty(), "no bargaining, nothing to check");
    }

    @Test
    void orderingBetweenTwoChecksNamesTheOtherRule() {
        ConversationScore good = SCORER.score(Chat.of("10:00:00 customer 我要退", "10:00:05 agent a1 很抱歉",
                "10:00:09 agent a1 给您退款"));
        CheckResult pass = only(good, "sorry_first");
        assertEquals(true, pass.passed());
        assertEquals(new Evidence("m2", 2, "抱歉", 1, 3, "found '抱歉' before refund"), pass.evidence());

        ConversationScore sameMessage = SCORER.score(Chat.of("10:00:00 customer 我要退", "10:00:05 agent a1 给您退款，抱歉"));
        CheckResult fail = only(sameMessage, "sorry_first");
        assertEquals(new Evidence("m2", 2, "退款", 2, 4,
                "'退款' (refund) came before any of this rule's phrases in the agent messages"), fail.evidence());
        assertEquals(2, fail.pointsDeducted());

        ConversationScore noSolution = SCORER.score(Chat.of("10:00:00 customer 我要退", "10:00:05 agent a1 稍等"));
        assertTrue(results(noSolution, "sorry_first").isEmpty(), "no solution yet: the ordering does not apply");
    }

    @Test
    void orderingHoldsAcrossAgentParts() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 我要退", "10:00:05 agent a1 很抱歉，为您转接",
                "10:00:30 agent a2 给您退款"));
        CheckResult r = only(s, "sorry_first");
        assertEquals(true, r.passed());
        assertEquals(1, r.segment(), "credited to the agent who apologised");
    }

    @Test
    void whereChecksEveryMessageThatMeetsItOnItsOwn() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 我要退", "10:00:05 agent a1 给您退款，3天到账",
                "10:00:09 agent a1 退款已提交"));
        CheckResult r = only(s, "refund_time");
        assertEquals(false, r.passed(), "the second refund message names no time");
        assertEquals(Evidence.missing("m3", 3, "not found in agent message 3 ('退款')"), r.evidence());
        ConversationScore none = SCORER.score(Chat.of("10:00:00 customer 在吗", "10:00:05 agent a1 在的"));
        assertTrue(results(none, "refund_time").isEmpty());
    }

    @Test
    void lengthLimitFlagsTheFirstLongMessage() {
        ConversationScore s = SCORER.score(Chat.of("10:00:00 customer 在吗", "10:00:05 agent a1 在的",
                "10:00:09 agent a1 这是一条超过十个字符的长消息哦"));
        CheckResult r = only(s, "short");
        assertEquals(false, r.passed());
        assertEquals(Evidence.missing("m3", 3, "agent message 3 has 15 characters, more than 10: split the reply"), r.evidence());
        assertEquals(true, only(SCORER.score(Chat.of("10:00:00 customer 在吗", "10:00:05 agent a1 在的")), "short").passed());
    }

    @Test
    void lengthLimitAfterATriggerLooksOnlyAtTheWindow() {
        ConversationScore brief = SCORER.score(Chat.of("10:00:00 customer 怎么用", "10:00:05 agent a1 先按开关",
                "10:00:09 agent a1 然后连接蓝牙就可以"));
        assertEquals(true, only(brief, "short_answer").passed(), "the second message is outside the window");
        ConversationScore wordy = SCORER.score(Chat.of("10:00:00 customer 怎么用", "10:00:05 agent a1 先按开关再连蓝牙"));
        assertEquals(Evidence.missing("m2", 2, "agent message 2 has 8 characters, more than 5: split the reply"),
                only(wordy, "short_answer").evidence());
    }

    @Test
    void maxMessagesToleratesTheFirstHits() {
        ConversationScore once = SCORER.score(Chat.of("10:00:00 customer 我要退", "10:00:05 agent a1 要不再考虑下",
                "10:00:09 customer 不了", "10:00:15 agent a1 好的"));
        assertEquals(true, only(once, "retention").passed());
        assertEquals("found in 1 agent message(s), at most 1 allowed", only(once, "retention").evidence().why());
        ConversationScore twice = SCORER.score(Chat.of("10:00:00 customer 我要退", "10:00:05 agent a1 要不再考虑下",
                "10:00:09 customer 不了", "10:00:15 agent a1 您再考虑考虑"));
        CheckResult r = only(twice, "retention");
        assertEquals(false, r.passed());
        assertEquals(4, r.evidence().messageSeq());
        assertEquals("'再考虑' in an agent message: more than 1 message with these phrases", r.evidence().why());
    }

    @Test
    void scenarioRulesApplyOnlyToTaggedConversationsAndSayWhichScenario() {
        ConversationScore tagged = SCORER.score(Chat.of("10:00:00 customer 杯子坏了", "10:00:05 agent a1 麻烦拍张照片"));
        assertEquals(List.of("complaint"), tagged.scenarioNames());
        assertEquals("complaint", tagged.scenarioOf(only(tagged, "photo").rule()));
        assertNull(tagged.scenarioOf(only(tagged, "short").rule()), "a rule of every conversation has no scenario");

        ConversationScore other = SCORER.score(Chat.of("10:00:00 customer 你好", "10:00:05 agent a1 在的",
                "10:00:09 customer 今天天气不错"));
        assertEquals(List.of("other"), other.scenarioNames(), "天气 is not among the first 1 customer message");
        assertEquals("no scenario's phrases occurred", other.scenarios().get(0).evidence().why());
        assertTrue(results(other, "photo").isEmpty());
    }
}
