package chatqa.score;

import java.util.List;

/**
 * One rule applied to one conversation: a result per agent part it concerns, or none when the
 * rule does not apply to the conversation.
 */
public interface Check {
    List<CheckResult> apply(ConversationView conversation);
}
