package chatqa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import chatqa.config.ConfigError;

/** A broken rule book stops the run with every problem named by file, line, rule and field. */
class RuleBookLoaderTest {

    private static String book(String rules) {
        return "version: 1\nrules:\n" + rules;
    }

    private static String problem(String yaml) {
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBookLoader.parse(yaml, "book.yaml"));
        return String.join("\n", e.problems());
    }

    @Test
    void builtInRuleBookLoadsWithTheHandbookCategories() {
        RuleBook book = RuleBookLoader.loadDefault();
        Set<String> categories = book.rules().stream().map(Rule::category).collect(Collectors.toSet());
        assertEquals(Set.of("greeting", "apology", "closing", "red_line", "resolution", "style", "handling", "timing"), categories);
        assertEquals(List.of(10, 30, 60), book.slaSeconds());
        assertEquals(30, book.inactivityGap().toMinutes());
        assertEquals(OutcomeRules.DEFAULT_PRECEDENCE, book.outcomes().precedence());
        assertTrue(book.outcomes().transfer() != null);
        assertEquals(64, book.sha256().length());
    }

    @Test
    void unknownKeyNamesRuleLineAndKey() {
        String p = problem(book("""
                  - id: closing.thanks
                    category: closing
                    position: last_agent_messages
                    phrasez: [谢谢]
                    points: 2
                """));
        assertEquals("book.yaml:6: rules[0]: unknown key 'phrasez' (allowed: applies_when, before, category, conditions, count, description, "
                + "exclude, expect, fail_when, fatal, handling, hits, id, ignore_quoted, label, max_chars, max_messages, name, near_chars, only_if, "
                + "pass_when, per, phrases, points, position, regex, repeat, requires_near, role, scenario, silence, trigger, unless_near, where, "
                + "whole_words, within_agent_messages, within_messages) "
                + "[rule closing.thanks]", p);
    }

    @Test
    void badRegexIsRejectedWithItsLine() {
        String p = problem(book("""
                  - id: greeting.intro
                    category: greeting
                    position: first_agent_message
                    regex: '(客服[0-9]+号'
                    points: 3
                """));
        assertTrue(p.startsWith("book.yaml:6: rules[0].regex: bad regex: Unclosed group"), p);
        assertTrue(p.endsWith("[rule greeting.intro]"), p);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        ConfigError e = assertThrows(ConfigError.class, () -> RuleBookLoader.parse(book("""
                  - id: a
                    category: greeting
                    position: somewhere
                    phrases: [您好]
                    points: 1
                  - id: b
                    position: any
                    phrases: [滚]
                    fatal: true
                  - id: c
                    category: closing
                    position: last_agent_messages
                    phrases: [谢谢]
                    points: 1
                  - id: c
                    category: closing
                    position: last_agent_messages
                    phrases: [感谢]
                    points: 1
                """), "book.yaml"));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("unknown position 'somewhere'"));
        assertTrue(e.problems().get(1).contains("missing required key 'category' [rule b]"));
        assertTrue(e.problems().get(2).contains("rules[3]: rule 'c': the id is used by an earlier rule"), e.problems().get(2));
    }

    @Test
    void ruleShapesThatCannotWorkAreRejected() {
        assertTrue(problem(book("""
                  - id: apology
                    category: apology
                    position: first_reply_after_trigger
                    phrases: [抱歉]
                    points: 10
                """)).contains("needs a 'trigger'"));
        assertTrue(problem(book("""
                  - id: g
                    category: greeting
                    position: first_agent_message
                    count: 2
                    phrases: [您好]
                    points: 1
                """)).contains("'count' only applies to position last_agent_messages"));
        assertTrue(problem(book("""
                  - id: g
                    category: greeting
                    position: first_agent_message
                    points: 1
                """)).contains("needs 'phrases', 'regex', 'max_chars', 'repeat' or 'silence'"));
        assertTrue(problem(book("""
                  - id: g
                    category: greeting
                    position: first_agent_message
                    phrases: [您好]
                """)).contains("needs 'points' > 0 or 'fatal: true'"));
        assertTrue(problem(book("""
                  - id: c
                    category: red_line
                    role: customer
                    position: first_agent_message
                    phrases: [滚]
                    fatal: true
                """)).contains("can only use position 'any'"));
    }

    @Test
    void repeatedKeyIsRejectedNotSilentlyOverwritten() {
        String p = problem(book("""
                  - id: g
                    category: greeting
                    position: first_agent_message
                    phrases: [您好]
                    points: 4
                    points: 40
                """));
        assertTrue(p.startsWith("book.yaml:8: rules[0]: duplicate key 'points'"), p);
    }

    @Test
    void slaTiersMustIncrease() {
        String p = problem("version: 1\ntiming:\n  sla_seconds: [30, 10]\nrules:\n  - {id: a, category: c, position: any, phrases: [x], points: 1}\n");
        assertEquals("book.yaml:3: timing.sla_seconds[1]: SLA tiers must be positive and increasing, got 10", p);
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() {
        String p = problem("version: 1\nrules:\n  - id: a\n    phrases: [您好\n");
        assertTrue(p.startsWith("book.yaml:"), p);
        assertTrue(p.contains("not valid YAML"), p);
    }

    @Test
    void outcomePrecedenceMustNameEveryClassOnce() {
        String rules = "rules:\n  - {id: a, category: c, position: any, phrases: [x], points: 1}\n";
        assertTrue(problem("version: 1\n" + rules + "outcomes:\n  precedence: [transferred, resolved]\n")
                .contains("unknown outcome 'resolved'"));
        assertTrue(problem("version: 1\n" + rules + "outcomes:\n  precedence: [transferred]\n")
                .contains("must list every outcome once; missing: platform_intervention"));
        assertTrue(problem("version: 1\n" + rules + "outcomes:\n  signals:\n    angry: {phrases: [气死]}\n")
                .contains("unknown signal 'angry'"));
    }

    @Test
    void newRuleKindsAreValidatedWithTheirLine() {
        assertEquals("book.yaml:3: rules[0]: position after_trigger needs one of 'within_messages' or 'within_agent_messages' [rule w]",
                problem(book("""
                  - id: w
                    category: resolution
                    position: after_trigger
                    trigger: {phrases: [坏了]}
                    phrases: [照片]
                    points: 1
                """)));
        assertEquals("book.yaml:7: rules[0].within_messages: 'within_messages' only applies to position after_trigger [rule w]",
                problem(book("""
                  - id: w
                    category: resolution
                    position: any
                    phrases: [照片]
                    within_messages: 3
                    points: 1
                """)));
        assertEquals("book.yaml:8: rules[0].before: no rule with id 'solution' (give a rule id, or 'phrases' / 'regex' of its own) [rule o]",
                problem(book("""
                  - id: o
                    category: resolution
                    position: any
                    phrases: [抱歉]
                    points: 1
                    before: solution
                """)));
        assertTrue(problem(book("""
                  - id: o
                    category: resolution
                    position: any
                    expect: absent
                    phrases: [抱歉]
                    before: {phrases: [退款]}
                    points: 1
                """)).startsWith("book.yaml:8: rules[0].before: 'before' orders an element that must be present"));
        assertEquals("book.yaml:7: rules[0].phrases: a 'max_chars' rule limits message length; it cannot also have 'phrases' [rule l]",
                problem(book("""
                  - id: l
                    category: style
                    position: any
                    max_chars: 200
                    phrases: [x]
                    points: 1
                """)));
        assertTrue(problem(book("""
                  - id: r
                    category: resolution
                    position: any
                    phrases: [再考虑]
                    max_messages: 1
                    points: 1
                """)).startsWith("book.yaml:7: rules[0].max_messages: 'max_messages' tolerates hits of an expect: absent rule"));
    }

    @Test
    void scenariosAreValidatedAndRulesMayOnlyNameDefinedOnes() {
        assertEquals("book.yaml:9: rules[0].scenario: unknown scenario 'haggling' (defined: bargaining, or other) [rule b]",
                problem("""
                version: 1
                scenarios:
                  bargaining: {phrases: [便宜点]}
                rules:
                  - id: b
                    category: resolution
                    position: any
                    phrases: [活动]
                    scenario: haggling
                    points: 1
                """));
        assertEquals("book.yaml:4: scenarios.payment.unless: unknown scenario 'refund' (expected another scenario of this section: "
                + "bargaining)", problem("""
                version: 1
                scenarios:
                  bargaining: {phrases: [便宜点]}
                  payment: {phrases: [付款], unless: refund}
                rules:
                  - {id: a, category: c, position: any, phrases: [x], points: 1}
                """));
        assertTrue(problem("version: 1\nscenarios:\n  other: {phrases: [x]}\nrules:\n  - {id: a, category: c, position: any, phrases: [x], points: 1}\n")
                .contains("'other' is the tag of conversations no scenario matched"));
        assertTrue(problem("version: 1\nscenarios:\n  pay: {phrasez: [x]}\nrules:\n  - {id: a, category: c, position: any, phrases: [x], points: 1}\n")
                .startsWith("book.yaml:3: scenarios.pay: unknown key 'phrasez'"));
        assertTrue(problem("""
                version: 1
                scenarios:
                  pay: {phrases: [付款]}
                rules:
                  - id: t
                    category: resolution
                    position: after_trigger
                    trigger: refund
                    within_agent_messages: 1
                    phrases: [x]
                    points: 1
                """).startsWith("book.yaml:8: rules[0].trigger: unknown scenario 'refund'"));
    }

    @Test
    void builtInRuleBookDefinesTheHandbookScenarios() {
        RuleBook book = RuleBookLoader.loadDefault();
        assertEquals(List.of("pre_sales_product", "bargaining", "payment", "logistics", "quality_complaint", "return_refund",
                "after_sales_usage", "other"), book.scenarioNames());
        Set<String> scoped = book.rules().stream().flatMap(r -> r.scenarios().stream()).collect(Collectors.toSet());
        assertEquals(Set.of("bargaining", "payment", "logistics", "quality_complaint", "return_refund"), scoped);
        Set<Integer> ids = book.phraseSets().stream().map(PhraseSet::id).collect(Collectors.toSet());
        assertEquals(book.phraseSets().size(), ids.size(), "a shared phrase set is listed once for the automaton");
    }

    @Test
    void regexesFoldCaseOnlyWhenTheyHaveLettersWithCase() {
        int fold = java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE;
        assertEquals(0, PhraseSetReader.caseFlags("^[\\s\\p{P}\\p{S}]*(亲爱的|亲)"));
        assertEquals(0, PhraseSetReader.caseFlags("(保证|一定)[^，。,.!！?？]{0,6}[0-9０-９]+\\s*(天|号)"));
        assertEquals(0, PhraseSetReader.caseFlags("\\pL\\d+\\w"));
        assertEquals(fold, PhraseSetReader.caseFlags("(开|要)VIP"));
        assertEquals(fold, PhraseSetReader.caseFlags("[a-z]+号"));
        assertEquals(fold, PhraseSetReader.caseFlags("\\[数字x\\]"));
        assertEquals(fold, PhraseSetReader.caseFlags("\\x41"));
        assertEquals(fold, PhraseSetReader.caseFlags("\\QAbc\\E"));

        PhraseSet vip = RuleBookLoader.parse(book("""
                  - id: greeting.vip
                    category: greeting
                    position: first_agent_message
                    regex: '(开|要)vip'
                    points: 3
                """), "book.yaml").rules().get(0).phrases();
        assertTrue(vip.regex().matcher("我要VIP会员").find(), "a regex with letters still ignores case");
    }

    @Test
    void eachRuleIsOfOneKindChosenWhenTheBookLoads() {
        java.util.Map<String, Rule> rules = new java.util.HashMap<>();
        RuleBookLoader.loadDefault().rules().forEach(r -> rules.put(r.id(), r));

        assertTrue(rules.get("greeting.hello").kind() instanceof RuleKind.Element);
        RuleKind.Forbidden rude = (RuleKind.Forbidden) rules.get("red_line.rude").kind();
        assertEquals(0, rude.tolerated());
        assertEquals(1, ((RuleKind.Forbidden) rules.get("return_refund.one_retention_attempt").kind()).tolerated());
        RuleKind.Ordering first = (RuleKind.Ordering) rules.get("quality_complaint.apology_first").kind();
        assertEquals("quality_complaint.offer_remedy", first.beforeName());
        assertEquals(rules.get("quality_complaint.offer_remedy").phrases(), first.before(), "before: <rule id> takes that rule's phrases");
        assertEquals(200, ((RuleKind.LengthLimit) rules.get("style.split_long_reply").kind()).maxChars());
        assertEquals(null, rules.get("style.split_long_reply").phrases());
    }
}
