package chatqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Trying a rule book before it scores a night: check lists the rules, test marks hits on messages. */
class RulesCommandTest {

    private static String stdout(int expectedCode, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedCode, ChatQa.run(args));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkListsEveryRuleWithCategoryPositionPointsAndLine() {
        String out = stdout(0, "rules", "check");
        assertTrue(out.contains("rule book 'default' is valid: 39 rules"), out);
        assertTrue(out.contains("scenarios: pre_sales_product, bargaining, payment, logistics, quality_complaint, return_refund, "
                + "after_sales_usage, other"), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("bargaining\\.points_to_promotions +resolution +after_trigger \\(2 agent\\) +5 +\\d+"
                + "  scenario: bargaining")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("closing\\.anything_else +closing +last_agent_messages \\(2\\) +3 +\\d+")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("red_line\\.rude +red_line +any +fatal +\\d+")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("resolution\\.concrete_step +resolution +each message: pass_when: step +3 +\\d+")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("handling\\.customer_left_unhappy +handling +handling: customer_left_unhappy +15 +\\d+")), out);
    }

    @Test
    void testMarksEveryHitAndMissOnItsMessage() {
        String out = stdout(0, "rules", "test", "--input", "src/test/resources/fixtures/day1", "--conversation", "C2", "--no-color");
        assertTrue(out.contains("== C2  shop s1  customer u2  QA 0  outcome"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("== C2 ") && l.endsWith("  scenarios bargaining")), out);
        assertTrue(out.contains("  4 agent    a2         [你自己看]详情页"), out);
        assertTrue(out.contains("✗ red_line.rude (part 1, fatal): forbidden '你自己看' in an agent message"), out);
        assertTrue(out.contains("✗ greeting.hello (part 1, -4): not found in the first agent message"), out);
        assertTrue(out.contains("1 of 6 conversations shown; 3 rows quarantined"), out);
    }

    @Test
    void unknownConversationIsABadArgument() {
        stdout(2, "rules", "test", "--input", "src/test/resources/fixtures/day1", "--conversation", "nope");
    }
}
