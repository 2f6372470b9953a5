package chatqa.rules;

import java.io.Serializable;
import java.util.List;

import chatqa.model.Role;

/**
 * One check of the rule book. A PRESENT rule passes when its phrases occur in every window its
 * position defines (e.g. the first agent message); an ABSENT rule fails on the first message of
 * its role that contains them. A failed rule deducts {@code points}; a failed fatal rule sets the
 * conversation's QA score to zero.
 *
 * @param trigger  for {@link Position#FIRST_REPLY_AFTER_TRIGGER}: what a customer message must
 *                 contain to require the check (e.g. a complaint)
 * @param onlyIf   optional: the rule applies only to conversations where some message meets
 *                 this condition (e.g. a sale happened)
 * @param label    optional: the element label of docs/labelling.md this rule detects (for rules eval)
 * @param line     line of the rule in its YAML file, for error messages and listings
 * @param scenarios the rule applies only to conversations tagged with one of these scenarios (empty: to all)
 * @param withinMessages      for {@link Position#AFTER_TRIGGER}: the window is the agent messages among the next N
 *                            messages after the trigger (0: not used)
 * @param withinAgentMessages for {@link Position#AFTER_TRIGGER}: the window is the next N agent messages (0: not used)
 * @param where    optional: only messages containing these phrases are checked, each on its own (e.g. every
 *                 message that proposes a solution must name a step or a time)
 * @param before   optional: an ordering check; where these phrases first appear in a window, the rule's own
 *                 phrases must already have appeared (e.g. an apology before the solution)
 * @param beforeName what {@code before} is called in evidence: the rule id it was taken from, or its first phrase
 * @param maxChars a length limit: a message of the window longer than this fails the rule (0: no limit); such a
 *                 rule has no phrases
 * @param maxMessages for ABSENT rules: this many messages with a hit are tolerated, the next one fails (e.g.
 *                 one retention attempt)
 */
public record Rule(
        String id,
        String description,
        String category,
        Role role,
        Position position,
        int count,
        Expectation expect,
        PhraseSet match,
        PhraseSet trigger,
        Condition onlyIf,
        int points,
        boolean fatal,
        String label,
        int line,
        List<String> scenarios,
        int withinMessages,
        int withinAgentMessages,
        PhraseSet where,
        PhraseSet before,
        String beforeName,
        int maxChars,
        int maxMessages) implements Serializable {

    public Rule {
        scenarios = List.copyOf(scenarios);
    }

    /** This rule with its ordering check resolved to {@code set} (a {@code before} that names another rule). */
    Rule withBefore(PhraseSet set, String name) {
        return new Rule(id, description, category, role, position, count, expect, match, trigger, onlyIf, points, fatal,
                label, line, scenarios, withinMessages, withinAgentMessages, where, set, name, maxChars, maxMessages);
    }

    /** A rule about message length rather than phrases. */
    public boolean isLengthLimit() {
        return maxChars > 0;
    }
}
