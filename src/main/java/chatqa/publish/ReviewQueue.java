package chatqa.publish;

import java.util.List;

/**
 * A day's review queue: the sampled conversations, why each was drawn, every machine check of
 * each with its evidence, and their messages for the transcript pages.
 *
 * @param controlShare the share of the queue drawn at random (the control sample, for unbiased
 *                     estimates of the machine's accuracy)
 */
public record ReviewQueue(String day, long seed, int size, double controlShare, List<Sampled> conversations, List<CheckRow> checks,
                          List<Line> messages) {

    public ReviewQueue {
        conversations = List.copyOf(conversations);
        checks = List.copyOf(checks);
        messages = List.copyOf(messages);
    }

    /** Why a conversation is in the queue, in the order the strata are drawn. */
    public enum Reason {
        /** Drawn at random from all scored conversations: the control sample. */
        CONTROL,
        /** A red line (fatal) failed. */
        RED_LINE,
        /** The customer brought in platform staff. */
        PLATFORM_INTERVENTION,
        /** The customer threatened a complaint outside the chat. */
        COMPLAINT_THREAT,
        /** Among the lowest satisfaction estimates or customer ratings of the day. */
        LOW_SATISFACTION,
        /** The agent's lowest-scored conversation, so no agent goes a week unreviewed. */
        AGENT_COVERAGE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Sampled(String conversationId, String shopId, String agentId, Reason reason, Double qaScore) {
    }

    /** One machine check of a sampled conversation (a row of rule_hits). */
    public record CheckRow(String conversationId, int segment, String agentId, String ruleId, String ruleName, String category,
                           boolean passed, int points, boolean fatal, String evidence, Integer messageSeq, Integer spanStart,
                           Integer spanEnd) {
    }

    /** One message of a sampled conversation. */
    public record Line(String conversationId, int seq, String role, String agentId, String sentAt, String text) {
    }
}
