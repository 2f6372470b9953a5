package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.config.ConfigError;
import chatqa.model.Role;
import chatqa.rules.ConditionMatcher;
import chatqa.rules.Entities;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.rules.RuleKind;

/** The matchers and anchors of composed rules: entities, similar sentences, borrowed phrases, before / around / N-th hits. */
class ConditionMatchersTest {
    private static final RuleBook BOOK = RuleBookLoader.parse("""
            version: 1
            rules:
              - id: apology.after_complaint
                category: apology
                position: first_reply_after_trigger
                trigger: {phrases: [太慢了, 坏了]}
                phrases: [抱歉, 对不起]
                points: 5
              - id: borrowed
                category: handling
                points: 1
                conditions:
                  complaint: {trigger_of: apology.after_complaint}
                  sorry: {phrases_of: apology.after_complaint}
                  coupon: {phrases_of: outcome.compensated}
                applies_when: complaint && coupon
                fail_when: "!sorry"
              - id: tracking_before_asked
                category: handling
                points: 1
                conditions:
                  tracking: {role: agent, entity: tracking_number, anchor: {before: asked, within_messages: 2}}
                  asked: {role: customer, phrases: [到哪了]}
                pass_when: tracking
                applies_when: asked
              - id: amount_around_refund
                category: handling
                points: 1
                conditions:
                  refund: {role: customer, phrases: [退款]}
                  amount: {role: agent, entity: amount, anchor: {around: refund, within_messages: 1, hit: 2}}
                applies_when: refund
                pass_when: amount
              - id: wait_similar
                category: handling
                points: 1
                conditions:
                  wait: {role: agent, similar: {examples: [请您耐心等待一下, 麻烦您稍等], threshold: 0.5}}
                fail_when: wait
              - id: last_reply_per_message
                category: handling
                role: agent
                per: message
                points: 1
                conditions:
                  given: {role: customer, entity: phone}
                  phone: {role: agent, entity: phone}
                  echoed: {role: agent, entity: phone, anchor: {after: given, hit: last}}
                fail_when: phone && !echoed
            outcomes:
              signals:
                compensated: {role: agent, phrases: [优惠券, 红包]}
            """, "matchers.yaml");
    private static final ConversationScorer SCORER = new ConversationScorer(BOOK);

    private static CheckResult only(String rule, String... lines) {
        List<CheckResult> r = SCORER.score(Chat.of(lines)).checks().stream().filter(c -> c.rule().id().equals(rule)).toList();
        assertEquals(1, r.size(), rule + ": " + r);
        return r.get(0);
    }

    private static boolean finds(String kind, String text) {
        return !new ConditionMatcher.Entity(kind, Entities.pattern(kind)).find(text).isEmpty();
    }

    @Test
    void entitiesFindValuesAndTheMaskedPlaceholdersOfExports() {
        assertTrue(finds("order_number", "我的订单[订单x]还没到"));
        assertTrue(finds("order_number", "订单号：250101234567"));
        assertTrue(finds("order_number", "ORDERID_10187465"));
        assertFalse(finds("order_number", "我的手机13812345678"), "an 11-digit mobile is a phone");
        assertTrue(finds("phone", "我的手机13812345678"));
        assertTrue(finds("phone", "打[电话x]"));
        assertTrue(finds("phone", "138****5678"));
        assertFalse(finds("phone", "订单250101234567"));
        assertTrue(finds("tracking_number", "运单号SF1234567890123"));
        assertTrue(finds("tracking_number", "快递单号：[数字x]"));
        assertTrue(finds("amount", "退您15.5元"));
        assertTrue(finds("amount", "¥199"));
        assertTrue(finds("amount", "[金额x]"));
        assertFalse(finds("amount", "3天内发货"));
    }

    @Test
    void conditionsBorrowTheirPhrasesAndRoleFromRulesAndSignals() {
        RuleKind.Composition k = (RuleKind.Composition) BOOK.rules().get(1).kind();
        assertEquals(Role.CUSTOMER, k.condition("complaint").role(), "a trigger is the customer's");
        assertEquals(Role.AGENT, k.condition("sorry").role(), "the rule's role");
        assertEquals(Role.AGENT, k.condition("coupon").role(), "the signal's role");
        assertFalse(only("borrowed", "- customer 太慢了", "- agent a1 送您一张优惠券").passed());
        assertTrue(only("borrowed", "- customer 太慢了", "- agent a1 抱歉，送您一张优惠券").passed());
        assertTrue(SCORER.score(Chat.of("- customer 在吗", "- agent a1 送您一张优惠券")).checks().stream()
                .noneMatch(c -> c.rule().id().equals("borrowed")), "no complaint: N/A");
    }

    @Test
    void beforeAndAroundAnchorsLookOnTheirSideWithinTheirWindow() {
        assertTrue(only("tracking_before_asked", "- agent a1 运单号SF1234567890123", "- customer 到哪了").passed());
        assertFalse(only("tracking_before_asked", "- agent a1 运单号SF1234567890123", "- agent a1 好", "- agent a1 嗯",
                "- customer 到哪了").passed(), "three messages before is outside within_messages: 2");
        assertFalse(only("tracking_before_asked", "- customer 到哪了", "- agent a1 运单号SF1234567890123").passed(), "after, not before");

        // hit: 2 — around the second refund request only.
        assertTrue(only("amount_around_refund", "- customer 退款", "- agent a1 好", "- customer 退款呢", "- agent a1 退您15元").passed());
        assertFalse(only("amount_around_refund", "- customer 退款", "- agent a1 退您15元", "- agent a1 好", "- customer 退款呢",
                "- agent a1 嗯").passed(), "the amount was around the first request only");
        assertFalse(only("amount_around_refund", "- customer 退款", "- agent a1 退您15元").passed(), "no second hit: the anchor is missing");
    }

    @Test
    void similarSentencesMatchAboveTheThresholdWithTheClosestExampleAsEvidence() {
        CheckResult r = only("wait_similar", "- customer 好了吗", "- agent a1 好的，请您再耐心等待一下哦");
        assertFalse(r.passed());
        assertTrue(r.evidence().why().contains("~ '请您耐心等待一下'"), r.evidence().why());
        assertEquals("请您再耐心等待一下哦", r.evidence().matchedText(), "the closest clause is the evidence");
        assertTrue(only("wait_similar", "- customer 好了吗", "- agent a1 请您提供订单号").passed());
        assertTrue(only("wait_similar", "- customer 好了吗", "- agent a1 等待").passed(), "one shared pair is not enough");
    }

    @Test
    void perMessageAnchorsAreJudgedRelativeToTheMessage() {
        assertTrue(only("last_reply_per_message", "- customer 我的电话13812345678", "- agent a1 您的电话13812345678对吗").passed());
        assertFalse(only("last_reply_per_message", "- customer 在吗", "- agent a1 请拨打13812345678").passed());
        assertFalse(only("last_reply_per_message", "- agent a1 请拨打13812345678", "- customer 我的电话13812345678").passed(),
                "the customer's number came after");
    }

    @Test
    void referencesToMissingRulesOrPhrasesAreRefused() {
        String head = "version: 1\nrules:\n  - id: r\n    category: c\n    points: 1\n    conditions:\n";
        assertTrue(problem(head + "      a: {phrases_of: nope}\n    fail_when: a\n").contains("no rule with id 'nope'"));
        assertTrue(problem(head + "      a: {trigger_of: r}\n    fail_when: a\n").contains("rule 'r' has no trigger"));
        assertTrue(problem(head + "      a: {phrases_of: outcome.compensated}\n    fail_when: a\n").contains("no outcome.compensated"));
        assertTrue(problem(head + "      a: {similar: {examples: [x], threshold: 2}}\n    fail_when: a\n").contains("'threshold'"));
        assertTrue(problem(head + "      a: {phrases: [x], anchor: {around: a}}\n    fail_when: a\n").contains("'around' needs 'within_messages'"));
    }

    private static String problem(String yaml) {
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBookLoader.parse(yaml, "matchers.yaml"));
        return String.join("\n", e.problems());
    }
}
