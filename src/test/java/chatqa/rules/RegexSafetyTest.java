package chatqa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import chatqa.config.ConfigError;

/**
 * A regex that overflows the stack cannot kill a night (issue "Never lose a scored day",
 * finding 5): `rules check` used to accept {@code (a|a)+b}, and one 5,000-character message
 * then ended `rules test` in a bare StackOverflowError and `score` in 2,048 lines of stack trace.
 */
class RegexSafetyTest {
    private static final String BOOK = """
            version: 1
            rules:
              - id: red_line.echo
                category: red_line
                role: agent
                position: any
                expect: absent
                regex: '%s'
                fatal: true
            """;

    @Test
    void theCatastrophicPatternFailsWithinItsBudgetInsteadOfOverflowing() {
        String message = "a".repeat(5_000);

        GuardedRegex.Failure f = assertThrows(GuardedRegex.Failure.class,
                () -> GuardedRegex.findAll(Pattern.compile("(a|a)+b"), message, GuardedRegex.SCORING_BUDGET_NANOS));

        assertTrue(f.getMessage().contains("5000-character message"), f.getMessage());
    }

    @Test
    void aSoundPatternFindsWhatTheMatcherFinds() {
        List<Span> hits = GuardedRegex.findAll(Pattern.compile("保证.{0,4}到"), "我保证明天到，保证到", 1_000_000_000L);

        assertEquals(List.of(new Span(1, 6, "保证明天到"), new Span(7, 10, "保证到")), hits);
    }

    @Test
    void rulesCheckRefusesTheBookNamingTheRuleAndPattern() {
        RuleBook book = RuleBookLoader.parse(BOOK.formatted("(a|a)+b"), "bad.yaml");

        List<String> problems = RegexSafety.problems(book);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("red_line.echo: regex '(a|a)+b' overflowed the stack on a 10000-character message 'aaaaaaaaaaaa…'"),
                problems.get(0));
    }

    @Test
    void exponentialTimeIsCaughtToo() {
        RuleBook book = RuleBookLoader.parse(BOOK.formatted("(x+x+)+y"), "slow.yaml");

        List<String> problems = RegexSafety.problems(book);

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("overflowed the stack") || problems.get(0).contains("ms budget"), problems.get(0));
    }

    @Test
    void theDefaultBookIsSafeAndLoadSafeRefusesABadOne() throws Exception {
        assertEquals(List.of(), RegexSafety.problems(RuleBookLoader.loadDefault()));

        java.nio.file.Path bad = java.nio.file.Files.createTempFile("bad", ".yaml");
        java.nio.file.Files.writeString(bad, BOOK.formatted("(a|a)+b"));
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBookLoader.loadSafe(bad));
        assertTrue(e.problems().get(0).startsWith(bad + ": red_line.echo: regex '(a|a)+b'"), e.problems().toString());
        java.nio.file.Files.delete(bad);
    }
}
