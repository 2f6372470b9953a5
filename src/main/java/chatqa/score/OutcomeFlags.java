package chatqa.score;

/**
 * Everything that happened to a conversation, whichever outcome the precedence picked: each flag
 * stays visible on its own so analysts can count, say, refunds in conversations that also
 * reached the platform.
 *
 * @param escalationRequested   the customer asked for platform staff or a supervisor
 * @param platformIntervention  the customer asked for platform staff (小二介入, 平台介入)
 * @param complaintThreatened   the customer threatened a complaint outside the chat
 * @param refundAgreed          an agent agreed to a return, refund, exchange or resend
 * @param compensated           an agent offered compensation
 * @param transferred           the conversation passed between agents or to a supervisor
 * @param humanRequested        the customer asked a bot for a human (转人工)
 * @param customerUnhappyAtEnd  the customer's last message was unhappy
 */
public record OutcomeFlags(boolean escalationRequested, boolean platformIntervention, boolean complaintThreatened,
                           boolean refundAgreed, boolean compensated, boolean transferred, boolean humanRequested,
                           boolean customerUnhappyAtEnd) {
}
