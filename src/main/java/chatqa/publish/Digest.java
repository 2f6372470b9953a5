package chatqa.publish;

import java.util.List;

/**
 * What a QA lead must see about a scored day, against the scored day before it: new red-line
 * (fatal) items, platform interventions, agents whose QA score fell by more than a threshold and
 * rules whose failure rate jumped, and the review backlog. Lists keep their first 20 items; the
 * fatal and intervention counts are complete.
 *
 * @param previousDay the scored day compared with, null for the warehouse's first day
 * @param backlog     what the review queues still wait for, null when no queue was ever drawn
 */
public record Digest(String day, String previousDay, long fatalCount, List<Fatal> fatal, long interventionCount,
                     List<Intervention> interventions, double scoreDrop, List<Drop> drops, double rateJump, List<Jump> jumps,
                     Backlog backlog) {

    public Digest {
        fatal = List.copyOf(fatal);
        interventions = List.copyOf(interventions);
        drops = List.copyOf(drops);
        jumps = List.copyOf(jumps);
    }

    /** A failed fatal check: where, who, which rule and the words it matched. */
    public record Fatal(String shopId, String agentId, String ruleId, String ruleName, String conversationId, String matchedText) {
    }

    /** A conversation whose customer brought in platform staff. */
    public record Intervention(String shopId, String agentId, String conversationId) {
    }

    /** An agent's QA score today and on their previous scored day. */
    public record Drop(String shopId, String agentId, double qaScore, double previousQaScore) {
        public double change() {
            return qaScore - previousQaScore;
        }
    }

    /** A rule's failure rate today and on the previous scored day, with today's checks. */
    public record Jump(String shopId, String ruleId, String ruleName, double failRate, double previousFailRate, long checked) {
        public double change() {
            return failRate - previousFailRate;
        }
    }

    /**
     * The review queues up to the day: conversations drawn (each day's latest draw) with no verdict
     * imported yet, and appeals without a final decision.
     *
     * @param days the queue days that still wait, oldest first (the first 20)
     */
    public record Backlog(long waiting, long appealsOpen, List<BacklogDay> days) {
        public Backlog {
            days = List.copyOf(days);
        }
    }

    /** One day's queue: how many conversations were drawn and how many have verdicts. */
    public record BacklogDay(String day, long queued, long reviewed) {
        public long waiting() {
            return queued - reviewed;
        }
    }
}
