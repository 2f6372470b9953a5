package chatqa.sample;

import java.util.List;

/** A synthetic conversation; a returning customer's follow-up reuses the previous customer id. */
record SampleConversation(List<ScriptedMessage> messages, boolean sameCustomerAsPrevious) {
}
