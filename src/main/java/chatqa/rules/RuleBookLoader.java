package chatqa.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import chatqa.config.ConfigError;
import chatqa.config.YamlTree;
import chatqa.model.Role;

/**
 * Reads and validates a rule book. Every problem is reported with file, line, rule id and field;
 * one broken rule does not hide the problems of the next. The run stops before reading any data
 * if the rule book has a problem.
 */
public final class RuleBookLoader {
    /** Classpath location of the built-in rule book. */
    public static final String DEFAULT_RESOURCE = "/chatqa/rules/default.yaml";

    private static final Set<String> TOP_KEYS = Set.of("version", "name", "description", "timing", "sessionizing", "rules", "transfers", "outcomes",
            "sentiment", "scenarios", "report", "business_hours");
    private static final Set<String> REPORT_KEYS = Set.of("language");
    /** The languages the report is written in ({@code report.language}). */
    public static final List<String> REPORT_LANGUAGES = List.of("zh", "en");
    private static final Set<String> SENTIMENT_KEYS = Set.of("deterioration_drop");
    private static final Set<String> TIMING_KEYS = Set.of("sla_seconds", "long_message_chars");
    private static final Set<String> SESSION_KEYS = Set.of("inactivity_gap_minutes");
    private static final Set<String> RULE_KEYS = union(CompositionLoader.RULE_KEYS, "id", "description", "category", "role", "position", "count",
            "name", "expect", "phrases", "regex", "exclude", "whole_words", "unless_near", "requires_near", "near_chars", "ignore_quoted", "trigger", "only_if",
            "points", "fatal", "label", "handling",
            "scenario", "within_messages", "within_agent_messages", "where", "before", "max_chars", "max_messages", "repeat", "silence");
    private static final Set<String> CONDITION_KEYS = Set.of("role", "phrases", "regex", "exclude", "whole_words", "unless_near",
            "requires_near", "near_chars", "ignore_quoted");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    private RuleBookLoader() {
    }

    public static RuleBook loadDefault() {
        try (InputStream in = RuleBookLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in rule book missing from the jar: " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in:default.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in rule book", e);
        }
    }

    public static RuleBook load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigError(file + ": the rule book is not valid UTF-8");
        } catch (IOException e) {
            throw new ConfigError(file + ": cannot read the rule book: " + e.getMessage());
        }
    }

    /** Loads {@code file}, or the built-in rule book when it is null. */
    public static RuleBook loadOrDefault(Path file) {
        return file == null ? loadDefault() : load(file);
    }

    /**
     * The rule book, refused when one of its regular expressions fails the {@link RegexSafety}
     * probe: what every command that scores calls before it reads data.
     */
    public static RuleBook loadSafe(Path file) {
        RuleBook book = loadOrDefault(file);
        List<String> unsafe = RegexSafety.problems(book);
        if (!unsafe.isEmpty()) {
            throw new ConfigError(unsafe.stream().map(p -> book.source() + ": " + p).toList());
        }
        return book;
    }

    public static RuleBook parse(String yaml, String source) {
        YamlTree root = YamlTree.parse(yaml, source);
        root.rejectUnknownKeys(TOP_KEYS);
        int version = root.integer("version", 1);
        if (version != 1) {
            throw root.required("version").error("unsupported rule book version " + version + " (this chatqa reads version 1)");
        }
        List<Integer> sla = List.of(10, 30, 60);
        int longChars = 200;
        YamlTree timing = root.get("timing");
        if (timing != null) {
            timing.rejectUnknownKeys(TIMING_KEYS);
            sla = slaSeconds(timing);
            longChars = RuleFields.positive(timing, "long_message_chars", 200);
        }
        int gapMinutes = 30;
        YamlTree sessionizing = root.get("sessionizing");
        if (sessionizing != null) {
            sessionizing.rejectUnknownKeys(SESSION_KEYS);
            gapMinutes = RuleFields.positive(sessionizing, "inactivity_gap_minutes", 30);
        }
        int[] nextSetId = {0};
        Map<String, Scenario> scenarios = ScenarioLoader.load(root.get("scenarios"), nextSetId);
        OutcomeRules outcomes = OutcomeLoader.read(root.get("outcomes"), root.get("transfers"), nextSetId);
        List<Rule> rules = rules(root.required("rules"), nextSetId, scenarios, shared(scenarios, outcomes));
        return new RuleBook(root.string("name", "unnamed"), version, sla, longChars, Duration.ofMinutes(gapMinutes),
                rules, outcomes, sentiment(root.get("sentiment")), source, yaml, sha256(yaml), List.copyOf(scenarios.values()),
                reportLanguage(root.get("report")), BusinessHoursLoader.read(root.get("business_hours")));
    }

    /** {@code report.language}: zh (the default) or en. */
    private static String reportLanguage(YamlTree report) {
        if (report == null) {
            return REPORT_LANGUAGES.get(0);
        }
        report.rejectUnknownKeys(REPORT_KEYS);
        String lang = report.string("language", REPORT_LANGUAGES.get(0));
        if (!REPORT_LANGUAGES.contains(lang)) {
            throw report.required("language").error("report language '" + lang + "': expected one of " + REPORT_LANGUAGES);
        }
        return lang;
    }

    /** The phrase sets a condition can name besides rules': {@code scenario.<name>}, {@code outcome.<signal>}, {@code transfers}. */
    private static Map<String, Condition> shared(Map<String, Scenario> scenarios, OutcomeRules outcomes) {
        Map<String, Condition> named = new java.util.HashMap<>();
        scenarios.forEach((name, s) -> named.put(CompositionLoader.SCENARIO + name, s.condition()));
        outcomes.signals().forEach((signal, c) -> named.put(CompositionLoader.OUTCOME + signal.code(), c));
        if (outcomes.transfer() != null) {
            named.put(CompositionLoader.TRANSFERS, outcomes.transfer());
        }
        return named;
    }

    private static List<Rule> rules(YamlTree list, int[] nextSetId, Map<String, Scenario> scenarios, Map<String, Condition> shared) {
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlTree item : list.items()) {
            try {
                Rule rule = rule(item, nextSetId, scenarios, shared);
                if (!ids.add(rule.id())) {
                    throw item.error("rule '" + rule.id() + "': the id is used by an earlier rule");
                }
                rules.add(rule);
            } catch (ConfigError e) {
                problems.addAll(e.problems());
            }
        }
        if (problems.isEmpty()) {
            rules = RuleOrdering.resolve(rules, list, problems);
            rules = ConditionReferences.resolve(rules, list, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigError(problems);
        }
        if (rules.isEmpty()) {
            throw list.error("the rule book has no rules");
        }
        return rules;
    }

    private static Rule rule(YamlTree item, int[] nextSetId, Map<String, Scenario> scenarios, Map<String, Condition> shared) {
        String idForErrors = item.isMap() && item.get("id") != null ? item.get("id").text() : "?";
        try {
            item.rejectUnknownKeys(RULE_KEYS);
            YamlTree idNode = item.required("id");
            String id = idNode.text();
            if (!RULE_ID.matcher(id).matches()) {
                throw idNode.error("expected lower-case letters, digits, '.', '_' or '-'");
            }
            String category = item.required("category").text().trim().toLowerCase(Locale.ROOT);
            if (item.get("handling") != null) {
                return handlingRule(item, id, category, nextSetId, scenarios);
            }
            Role role = RuleFields.role(item.get("role"), Role.AGENT);
            if (CompositionLoader.composes(item) || item.get("hits") != null) {
                return composedRule(item, id, category, role, nextSetId, scenarios, shared);
            }
            YamlTree positionNode = item.required("position");
            Position position = Position.fromCode(positionNode.text());
            if (position == null) {
                throw positionNode.error("unknown position '" + positionNode.text() + "' (expected one of: " + Position.codes() + ")");
            }
            if (role != Role.AGENT && position != Position.ANY) {
                throw positionNode.error("position '" + position.code() + "' is about agent messages; a rule for role '"
                        + role.code() + "' can only use position 'any'");
            }
            int count = 1;
            if (position == Position.LAST_AGENT_MESSAGES) {
                count = RuleFields.positive(item, "count", 1);
            } else if (item.get("count") != null) {
                throw item.get("count").error("'count' only applies to position last_agent_messages");
            }
            Expectation expect = RuleFields.expectation(item.get("expect"));
            PhraseSet match = phraseSet(item, nextSetId);
            RuleLimits limits = RuleLimits.read(item, position, expect, match, nextSetId);
            if (match.isEmpty() && !limits.needsNoPhrases()) {
                throw item.error("needs 'phrases', 'regex', 'max_chars', 'repeat' or 'silence'");
            }
            PhraseSet trigger = null;
            YamlTree triggerNode = item.get("trigger");
            boolean triggered = position == Position.FIRST_REPLY_AFTER_TRIGGER || position == Position.AFTER_TRIGGER;
            if (triggered && triggerNode != null && triggerNode.isScalar()) {
                trigger = ScenarioLoader.trigger(triggerNode, scenarios);
            } else if (triggered) {
                if (triggerNode == null) {
                    throw item.error("position " + position.code() + " needs a 'trigger' (what the customer says)");
                }
                triggerNode.rejectUnknownKeys(CONDITION_KEYS);
                if (RuleFields.role(triggerNode.get("role"), Role.CUSTOMER) != Role.CUSTOMER) {
                    throw triggerNode.get("role").error("a trigger is a customer message; role must be customer");
                }
                trigger = phraseSet(triggerNode, nextSetId);
                if (trigger.isEmpty()) {
                    throw triggerNode.error("needs 'phrases' or 'regex'");
                }
            } else if (triggerNode != null) {
                throw triggerNode.error("'trigger' only applies to positions first_reply_after_trigger and after_trigger");
            }
            List<String> scoped = ScenarioLoader.scope(item.get("scenario"), scenarios);
            Scoring scoring = scoring(item, nextSetId);
            return new Rule(id, item.string("name", id), item.string("description", id), category, role, position, count, limits.kind(expect, match), trigger,
                    scoring.onlyIf(), scoring.points(), scoring.fatal(), item.string("label", null), item.line(), scoped, limits.withinMessages(),
                    limits.withinAgentMessages(), limits.where());
        } catch (ConfigError e) {
            List<String> named = new ArrayList<>();
            for (String p : e.problems()) {
                named.add(p + " [rule " + idForErrors + "]");
            }
            throw new ConfigError(named);
        }
    }

    /**
     * A rule about how the conversation was handled ({@code handling: customer_left_unhappy}):
     * no phrases and no position, only its signal, its points and an optional scope.
     */
    private static Rule handlingRule(YamlTree item, String id, String category, int[] nextSetId, Map<String, Scenario> scenarios) {
        YamlTree node = item.required("handling");
        HandlingSignal signal = HandlingSignal.fromCode(node.text().trim());
        if (signal == null) {
            throw node.error("unknown handling '" + node.text() + "' (expected one of: " + HandlingSignal.codes() + ")");
        }
        RuleFields.rejectKeys(item, "a 'handling' rule reads the conversation's outcome and sentiment; it cannot have", "phrases", "regex", "exclude",
                "whole_words", "unless_near", "requires_near", "near_chars", "ignore_quoted", "expect", "position", "count", "trigger",
                "within_messages", "within_agent_messages", "where", "before", "max_chars", "max_messages", "repeat", "silence", "role");
        Scoring scoring = scoring(item, nextSetId);
        return new Rule(id, item.string("name", id), item.string("description", id), category, Role.AGENT, Position.ANY, 1, new RuleKind.Handling(signal), null,
                scoring.onlyIf(), scoring.points(), scoring.fatal(), item.string("label", null), item.line(),
                ScenarioLoader.scope(item.get("scenario"), scenarios), 0, 0,
                null);
    }

    /**
     * A rule of named conditions and a boolean expression, or a hit count of its phrases: no
     * position (its conditions carry their scope); {@code role} says which messages it is judged on
     * per message.
     */
    private static Rule composedRule(YamlTree item, String id, String category, Role role, int[] nextSetId,
                                     Map<String, Scenario> scenarios, Map<String, Condition> shared) {
        RuleKind.Composition kind = CompositionLoader.composes(item) ? CompositionLoader.read(item, nextSetId, shared)
                : CompositionLoader.hits(item, role, phraseSet(item, nextSetId));
        Scoring scoring = scoring(item, nextSetId);
        return new Rule(id, item.string("name", id), item.string("description", id), category, role, Position.ANY, 1, kind, null, scoring.onlyIf(),
                scoring.points(), scoring.fatal(), item.string("label", null), item.line(), ScenarioLoader.scope(item.get("scenario"), scenarios),
                0, 0, null);
    }

    private static Set<String> union(Set<String> more, String... keys) {
        Set<String> all = new HashSet<>(more);
        all.addAll(List.of(keys));
        return Set.copyOf(all);
    }

    private static SentimentThresholds sentiment(YamlTree node) {
        if (node == null) {
            return SentimentThresholds.DEFAULT;
        }
        for (String gone : List.of("negative_below", "positive_above")) {
            if (node.get(gone) != null) {
                throw node.get(gone).error("'" + gone + "' is no longer used: the chat sentiment model labels each customer message "
                        + "negative, neutral or positive; remove it");
            }
        }
        node.rejectUnknownKeys(SENTIMENT_KEYS);
        double drop = RuleFields.decimal(node, "deterioration_drop", SentimentThresholds.DEFAULT.deteriorationDrop());
        if (drop <= 0 || drop > 2) {
            throw node.required("deterioration_drop").error("expected a drop between 0 and 2, got " + drop);
        }
        return new SentimentThresholds(drop);
    }

    /** What every kind of rule has besides its check: where it applies ({@code only_if}) and what failing it costs. */
    private record Scoring(Condition onlyIf, int points, boolean fatal) {
    }

    private static Scoring scoring(YamlTree item, int[] nextSetId) {
        YamlTree onlyIfNode = item.get("only_if");
        Condition onlyIf = onlyIfNode == null ? null : condition(onlyIfNode, nextSetId);
        int points = RuleFields.nonNegative(item, "points", 0);
        boolean fatal = item.bool("fatal", false);
        if (points == 0 && !fatal) {
            throw item.error("a rule needs 'points' > 0 or 'fatal: true', otherwise it can never change a score");
        }
        return new Scoring(onlyIf, points, fatal);
    }

    static Condition condition(YamlTree node, int[] nextSetId) {
        node.rejectUnknownKeys(CONDITION_KEYS);
        String r = node.string("role", "any");
        Role role = "any".equals(r) ? null : RuleFields.role(node.get("role"), null);
        PhraseSet set = phraseSet(node, nextSetId);
        if (set.isEmpty()) {
            throw node.error("needs 'phrases' or 'regex'");
        }
        return new Condition(set, role);
    }

    static PhraseSet phraseSet(YamlTree node, int[] nextSetId) {
        return PhraseSetReader.read(node, nextSetId);
    }

    private static List<Integer> slaSeconds(YamlTree timing) {
        YamlTree node = timing.get("sla_seconds");
        if (node == null) {
            return List.of(10, 30, 60);
        }
        List<Integer> out = new ArrayList<>();
        for (YamlTree item : node.items()) {
            int v = item.asInt();
            if (v <= 0 || (!out.isEmpty() && v <= out.get(out.size() - 1))) {
                throw item.error("SLA tiers must be positive and increasing, got " + v);
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw node.error("needs at least one SLA tier (the first is the target)");
        }
        return out;
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
