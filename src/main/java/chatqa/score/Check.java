package chatqa.score;

import java.util.Optional;

/** One rule applied to one conversation; empty when the rule does not apply to it. */
public interface Check {
    Optional<CheckResult> apply(ConversationView conversation);
}
