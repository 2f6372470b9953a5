package chatqa.score;

import chatqa.model.Evidence;

/**
 * A scenario a conversation was tagged with, and the message that triggered it (its matched
 * span); the {@code other} tag has no message.
 */
public record ScenarioTag(String scenario, Evidence evidence) {
}
