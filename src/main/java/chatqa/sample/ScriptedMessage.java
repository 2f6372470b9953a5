package chatqa.sample;

import java.time.Instant;

import chatqa.model.Role;

/** One message of a synthetic conversation, before it is written in some export format. */
record ScriptedMessage(Instant at, Role role, String agentId, String text) {
}
