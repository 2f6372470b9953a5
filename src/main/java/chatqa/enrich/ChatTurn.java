package chatqa.enrich;

import java.util.List;
import java.util.function.IntFunction;

import chatqa.model.Message;
import chatqa.model.Role;

/**
 * What a customer message answers: the agent's and the customer's latest messages among the two
 * before it, the context the labellers read (../shared/LABELS-SENTIMENT.md). A resigned 好吧 is
 * negative after a refusal and neutral after a plain answer; the text alone cannot tell them apart.
 *
 * @param previousAgent   the latest agent (or bot) message of the two before, or "" when none
 * @param previousCustomer the latest customer message of the two before, or ""
 */
public record ChatTurn(String previousAgent, String previousCustomer) {
    /** How many earlier messages the context looks at, as the labellers did. */
    public static final int REACH = 2;
    /** No context: a message scored on its own. */
    public static final ChatTurn NONE = new ChatTurn("", "");

    /** The context of message {@code index} of {@code messages}. */
    public static ChatTurn of(List<Message> messages, int index) {
        return before(index, j -> messages.get(j).role(), j -> messages.get(j).text());
    }

    /**
     * The context of the {@code index}-th of a sequence of messages given by their roles and
     * texts (labelled sets read from files use this, the job {@link #of}).
     */
    public static ChatTurn before(int index, IntFunction<Role> role, IntFunction<String> text) {
        String agent = "";
        String customer = "";
        for (int j = index - 1; j >= Math.max(0, index - REACH); j--) {
            Role r = role.apply(j);
            if (r == Role.CUSTOMER) {
                customer = customer.isEmpty() ? text.apply(j) : customer;
            } else if (r != Role.SYSTEM && agent.isEmpty()) {
                agent = text.apply(j);
            }
        }
        return agent.isEmpty() && customer.isEmpty() ? NONE : new ChatTurn(agent, customer);
    }
}
