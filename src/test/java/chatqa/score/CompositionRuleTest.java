package chatqa.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import chatqa.config.ConfigError;
import chatqa.rules.RuleBookLoader;

/** Composed rules: named conditions, a boolean expression, scopes, anchors and hit counts. */
class CompositionRuleTest {
    private static final ConversationScorer SCORER = new ConversationScorer(RuleBookLoader.parse("""
            version: 1
            rules:
              - id: coupon_without_apology
                category: handling
                points: 3
                conditions:
                  coupon: {role: agent, phrases: [优惠券, 补偿]}
                  apology: {role: agent, phrases: [抱歉, 对不起]}
                applies_when: coupon
                fail_when: coupon && !apology
              - id: asked_again
                category: handling
                points: 3
                conditions:
                  given: {role: customer, entity: order_number}
                  asked: {role: agent, phrases: [订单号], anchor: {after: given}}
                fail_when: given && asked
                applies_when: given
              - id: precedence
                category: handling
                points: 1
                conditions:
                  - {role: agent, phrases: [甲]}
                  - {role: agent, phrases: [乙]}
                  - {role: agent, phrases: [丙]}
                fail_when: "1&&2||!3"
              - id: grouped
                category: handling
                points: 1
                conditions:
                  - {role: agent, phrases: [甲]}
                  - {role: agent, phrases: [乙]}
                  - {role: agent, phrases: [丙]}
                fail_when: "1&&(2||!3)"
              - id: first_two_reply_with_greeting
                category: greeting
                points: 1
                conditions:
                  hello: {role: agent, phrases: [您好], range: [1, 2]}
                pass_when: hello
              - id: last_message_thanks
                category: closing
                points: 1
                conditions:
                  thanks: {role: agent, phrases: [感谢], range: [-1, -1]}
                pass_when: thanks
              - id: apology_every_complaint
                category: apology
                points: 2
                conditions:
                  complaint: {role: customer, phrases: [太慢了, 差评]}
                  sorry: {role: agent, phrases: [抱歉], anchor: {after: complaint, hit: every, within_messages: 2}}
                applies_when: complaint
                pass_when: sorry
              - id: solution_needs_a_step
                category: handling
                role: agent
                points: 2
                per: message
                conditions:
                  solution: {phrases: [帮您处理, 为您申请]}
                  step: {regex: '[0-9]+(天|小时)|今天|明天'}
                applies_when: solution
                pass_when: step
              - id: too_many_qin
                category: style
                points: 1
                phrases: [亲]
                hits: {at_most: 2, per: message}
              - id: thanks_at_least_twice
                category: style
                points: 1
                phrases: [谢谢, 感谢]
                hits: {at_least: 2}
            """, "compose.yaml"));

    private static List<CheckResult> checks(String rule, String... lines) {
        return SCORER.score(Chat.of(lines)).checks().stream().filter(c -> c.rule().id().equals(rule)).toList();
    }

    private static CheckResult only(String rule, String... lines) {
        List<CheckResult> r = checks(rule, lines);
        assertEquals(1, r.size(), rule + ": " + r);
        return r.get(0);
    }

    @Test
    void aCouponWithoutAnApologyFailsAndSaysWhichConditionsHeld() {
        CheckResult r = only("coupon_without_apology", "- customer 太慢了", "- agent a1 给您发一张优惠券");
        assertFalse(r.passed());
        assertEquals(2, r.evidence().messageSeq());
        assertEquals("优惠券", r.evidence().matchedText());
        assertEquals("coupon ✓ (agent message 2: '优惠券'); apology ✗ → fail_when: coupon && !apology", r.evidence().why());

        assertTrue(only("coupon_without_apology", "- customer 太慢了", "- agent a1 抱歉，给您发一张优惠券").passed());
        assertEquals(List.of(), checks("coupon_without_apology", "- customer 在吗", "- agent a1 在的"), "no coupon: N/A");
    }

    @Test
    void askingForTheOrderNumberAfterTheCustomerSentItFails() {
        CheckResult r = only("asked_again", "- customer 我的订单[订单x]还没到", "- agent a1 麻烦提供一下订单号");
        assertFalse(r.passed());
        assertEquals(2, r.evidence().messageSeq(), "the evidence is the repeated question");
        assertTrue(r.evidence().why().startsWith("given ✓ (customer message 1: '[订单x]'); asked ✓ (agent message 2: '订单号')"),
                r.evidence().why());

        assertTrue(only("asked_again", "- agent a1 请提供订单号", "- customer 123456789012", "- agent a1 好的").passed(),
                "asked before the customer gave it: fine");
        assertEquals(List.of(), checks("asked_again", "- customer 在吗", "- agent a1 请提供订单号"), "nothing given: N/A");
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        // 1&&2||!3 is (1&&2)||(!3); 1&&(2||!3) is not.
        assertFalse(only("precedence", "- customer 在吗", "- agent a1 甲").passed(), "!3 alone fails it");
        assertTrue(only("grouped", "- customer 在吗", "- agent a1 乙").passed(), "without 1 the group cannot fail");
        assertFalse(only("grouped", "- customer 在吗", "- agent a1 甲").passed(), "1 and !3");
        assertTrue(only("precedence", "- customer 在吗", "- agent a1 甲丙").passed());
        assertFalse(only("precedence", "- customer 在吗", "- agent a1 甲乙丙").passed(), "1&&2");
    }

    @Test
    void rangesCountTheRolesMessagesFromTheStartOrTheEnd() {
        assertTrue(only("first_two_reply_with_greeting", "- customer 在吗", "- agent a1 在的", "- agent a1 您好").passed());
        assertFalse(only("first_two_reply_with_greeting", "- customer 在吗", "- agent a1 在的", "- agent a1 嗯", "- agent a1 您好")
                .passed(), "the third agent message is outside [1, 2]");
        assertTrue(only("last_message_thanks", "- customer 谢谢", "- agent a1 感谢", "- customer 好").passed(),
                "the last agent message, not the last message");
        assertFalse(only("last_message_thanks", "- customer 谢谢", "- agent a1 感谢", "- agent a1 再见").passed());
    }

    @Test
    void anEveryAnchorNeedsAHitAfterEachAnchorHitWithinTheWindow() {
        assertTrue(only("apology_every_complaint", "- customer 太慢了", "- agent a1 抱歉", "- customer 差评", "- agent a1 抱歉抱歉")
                .passed());
        assertFalse(only("apology_every_complaint", "- customer 太慢了", "- agent a1 抱歉", "- customer 差评", "- agent a1 好的")
                .passed(), "the second complaint got none");
        assertFalse(only("apology_every_complaint", "- customer 太慢了", "- agent a1 嗯", "- agent a1 好", "- agent a1 抱歉")
                .passed(), "three messages later is outside within_messages: 2");
    }

    @Test
    void perMessageEachMessageThatAppliesIsJudgedOnItsOwn() {
        CheckResult r = only("solution_needs_a_step", "- customer 坏了", "- agent a1 这边帮您处理，明天给您回复",
                "- agent a1 好的，为您申请退款");
        assertFalse(r.passed());
        assertEquals(3, r.evidence().messageSeq());
        assertEquals("solution ✓ (agent message 3: '为您申请'); step ✗ → pass_when: step", r.evidence().why());
        assertTrue(only("solution_needs_a_step", "- customer 坏了", "- agent a1 这边帮您处理，明天给您回复").passed());
        assertEquals(List.of(), checks("solution_needs_a_step", "- customer 在吗", "- agent a1 在的"));
    }

    @Test
    void hitCountsPerMessageAndPerConversationAtTheEdgeOfTheirBounds() {
        assertTrue(only("too_many_qin", "- customer 在吗", "- agent a1 亲，在的亲").passed(), "2 is at most 2");
        CheckResult r = only("too_many_qin", "- customer 在吗", "- agent a1 亲，在的亲，您说亲");
        assertFalse(r.passed());
        assertTrue(r.evidence().why().contains("3 hits"), r.evidence().why());
        assertTrue(only("thanks_at_least_twice", "- customer 好", "- agent a1 谢谢", "- agent a1 感谢").passed());
        assertFalse(only("thanks_at_least_twice", "- customer 好", "- agent a1 谢谢").passed());
    }

    @Test
    void theLoaderRefusesUnknownNamesBadExpressionsAndCircularAnchors() {
        String head = "version: 1\nrules:\n  - id: r\n    category: c\n    points: 1\n    conditions:\n";
        assertTrue(problem(head + "      a: {phrases: [x]}\n    fail_when: a && b\n")
                .contains("unknown condition 'b' (the rule's conditions: a)"));
        assertTrue(problem(head + "      a: {phrases: [x]}\n    fail_when: a &&\n").contains("bad expression"));
        assertTrue(problem(head + "      a: {phrases: [x]}\n    fail_when: (a\n").contains("missing ')'"));
        assertTrue(problem(head + "      a: {phrases: [x]}\n    fail_when: a & a\n").contains("unexpected '&'"));
        assertTrue(problem(head + "      a: {phrases: [x], anchor: {after: b}}\n      b: {phrases: [y], anchor: {before: a}}\n"
                + "    fail_when: a\n").contains("anchors go round in a circle: a → b → a"));
        assertTrue(problem(head + "      a: {phrases: [x], anchor: {after: zz}}\n    fail_when: a\n").contains("unknown condition 'zz'"));
        assertTrue(problem(head + "      a: {entity: pin_code}\n    fail_when: a\n").contains("unknown entity 'pin_code'"));
        assertTrue(problem(head + "      a: {phrases: [x]}\n    fail_when: a\n    pass_when: a\n").contains("not both"));
        assertTrue(problem(head + "      a: {phrases: [x], entity: phone}\n    fail_when: a\n").contains("exactly one matcher"));
        assertTrue(problem(head + "      a: {phrases: [x]}\n    fail_when: a\n    position: any\n").contains("cannot also have 'position'"));
        String problem = problem(head + "      a: {phrases: [x], range: [3, 1]}\n    fail_when: a\n");
        assertTrue(problem.contains("compose.yaml:7") || problem.contains(":7:"), problem);
    }

    private static String problem(String yaml) {
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBookLoader.parse(yaml, "compose.yaml"));
        return String.join("\n", e.problems());
    }
}
