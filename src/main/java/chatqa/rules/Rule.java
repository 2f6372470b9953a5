package chatqa.rules;

import java.io.Serializable;
import java.util.List;

import chatqa.model.Role;

/**
 * One check of the rule book: a {@link RuleKind} (an element that must be present, words that
 * must not appear, an ordering, a length limit) applied to the messages its scope selects. A
 * failed rule deducts {@code points}; a failed fatal rule sets the conversation's QA score to zero.
 *
 * @param trigger  for {@link Position#FIRST_REPLY_AFTER_TRIGGER} and {@link Position#AFTER_TRIGGER}: what
 *                 a customer message must contain to require the check (e.g. a complaint)
 * @param onlyIf   optional: the rule applies only to conversations where some message meets
 *                 this condition (e.g. a sale happened)
 * @param label    optional: the element label of docs/labelling.md this rule detects (for rules eval)
 * @param name     the short name people read (问候语, 致歉) in charts, leaderboards and evidence; the id when the book gives none
 * @param line     line of the rule in its YAML file, for error messages and listings
 * @param scenarios the rule applies only to conversations tagged with one of these scenarios (empty: to all)
 * @param withinMessages      for {@link Position#AFTER_TRIGGER}: the window is the agent messages among the next N
 *                            messages after the trigger (0: not used)
 * @param withinAgentMessages for {@link Position#AFTER_TRIGGER}: the window is the next N agent messages (0: not used)
 * @param where    optional: only messages containing these phrases are checked, each on its own (e.g. every
 *                 message that proposes a solution must name a step or a time)
 */
public record Rule(
        String id,
        String name,
        String description,
        String category,
        Role role,
        Position position,
        int count,
        RuleKind kind,
        PhraseSet trigger,
        Condition onlyIf,
        int points,
        boolean fatal,
        String label,
        int line,
        List<String> scenarios,
        int withinMessages,
        int withinAgentMessages,
        PhraseSet where) implements Serializable {

    public Rule {
        scenarios = List.copyOf(scenarios);
    }

    /** The phrases the rule's kind looks for; null for a length limit. */
    public PhraseSet phrases() {
        return kind.phrases();
    }

    /** Words that must not appear: a red line when its category is red_line. */
    public boolean forbids() {
        return kind instanceof RuleKind.Forbidden;
    }

    /** This rule with another kind (an ordering whose {@code before} names another rule, once resolved). */
    Rule withKind(RuleKind other) {
        return new Rule(id, name, description, category, role, position, count, other, trigger, onlyIf, points, fatal, label, line, scenarios,
                withinMessages, withinAgentMessages, where);
    }
}
