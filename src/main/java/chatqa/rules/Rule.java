package chatqa.rules;

import java.io.Serializable;

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
        int line) implements Serializable {
}
