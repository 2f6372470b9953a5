package chatqa.score;

import chatqa.rules.Outcome;

/** The outcome a conversation was classified as, the message that decided it, and every flag. */
public record ConversationOutcome(Outcome outcome, String evidence, OutcomeFlags flags) {
}
