package chatqa.rules;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a shop scores its chats by, loaded from YAML (see docs/rule-book.md). Besides the
 * rules it holds the timing standards (response-time SLA tiers, the length at which an agent
 * message counts as too long) and the inactivity gap that splits a customer's messages into
 * conversations when the export has no conversation id, and the outcome and transfer settings.
 *
 * @param yaml   the source text; executors rebuild the rule book from it
 * @param sha256 hash of the source text, recorded in the run manifest
 * @param scenarios the conversation scenarios of the {@code scenarios:} section, in file order (may be empty)
 * @param businessHours when each shop is open: waits and first responses are measured in open time
 * @param reportLanguage the language of the reports ({@code report.language}: zh or en; a run's --lang wins)
 */
public record RuleBook(
        String name,
        int version,
        List<Integer> slaSeconds,
        int longMessageChars,
        Duration inactivityGap,
        List<Rule> rules,
        OutcomeRules outcomes,
        SentimentThresholds sentiment,
        String source,
        String yaml,
        String sha256,
        List<Scenario> scenarios,
        String reportLanguage,
        ShopHours businessHours) implements Serializable {

    public RuleBook {
        slaSeconds = List.copyOf(slaSeconds);
        rules = List.copyOf(rules);
        scenarios = List.copyOf(scenarios);
    }

    /** Every scenario tag a conversation can get: the defined scenarios, then {@link Scenario#OTHER}. */
    public List<String> scenarioNames() {
        List<String> names = new ArrayList<>(scenarios.stream().map(Scenario::name).toList());
        names.add(Scenario.OTHER);
        return names;
    }

    /** The handbook's first-response target, the first SLA tier. */
    public int slaTargetSeconds() {
        return slaSeconds.get(0);
    }

    /** Every phrase set of every rule, indexed by {@link PhraseSet#id()}. */
    public List<PhraseSet> phraseSets() {
        List<PhraseSet> sets = new ArrayList<>();
        for (Rule r : rules) {
            sets.addAll(r.kind().sets());
            if (r.trigger() != null) {
                sets.add(r.trigger());
            }
            if (r.onlyIf() != null) {
                sets.add(r.onlyIf().phrases());
            }
            if (r.where() != null) {
                sets.add(r.where());
            }
        }
        scenarios.forEach(s -> sets.add(s.condition().phrases()));
        outcomes.signals().values().forEach(c -> sets.add(c.phrases()));
        if (outcomes.transfer() != null) {
            sets.add(outcomes.transfer().phrases());
        }
        // A set shared by two rules (a trigger naming a scenario, a 'before' naming a rule) is listed once.
        java.util.TreeMap<Integer, PhraseSet> byId = new java.util.TreeMap<>();
        sets.forEach(s -> byId.putIfAbsent(s.id(), s));
        return new ArrayList<>(byId.values());
    }

    /**
     * What each phrase set is checked for, by set id: the ids of the rules that use it, or
     * {@code scenario:<name>}, {@code outcome:<signal>}, {@code transfer} — so a failure of one
     * set can be reported against what it broke.
     */
    public java.util.Map<Integer, List<String>> setOwners() {
        java.util.Map<Integer, List<String>> owners = new java.util.TreeMap<>();
        java.util.function.BiConsumer<PhraseSet, String> own = (set, name) -> {
            if (set != null) {
                List<String> names = owners.computeIfAbsent(set.id(), k -> new ArrayList<>());
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        };
        for (Rule r : rules) {
            r.kind().sets().forEach(set -> own.accept(set, r.id()));
            own.accept(r.trigger(), r.id());
            own.accept(r.onlyIf() == null ? null : r.onlyIf().phrases(), r.id());
            own.accept(r.where(), r.id());
        }
        scenarios.forEach(s -> own.accept(s.condition().phrases(), "scenario:" + s.name()));
        outcomes.signals().forEach((signal, c) -> own.accept(c.phrases(), "outcome:" + signal.code()));
        if (outcomes.transfer() != null) {
            own.accept(outcomes.transfer().phrases(), "transfer");
        }
        return owners;
    }
}
