package chatqa.score;

/**
 * A check that could not be made on one conversation: the regular expression of {@code owner}
 * (a rule id, or {@code scenario:<name>}, {@code outcome:<signal>}, {@code transfer}) failed on
 * one of its messages. A failed rule is left out of the conversation's score (not applicable)
 * rather than guessed, and the failure is stored and counted so it is seen.
 */
public record RuleError(String owner, int messageSeq, String messageId, String detail) {
}
