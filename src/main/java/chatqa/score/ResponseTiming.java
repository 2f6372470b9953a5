package chatqa.score;

import java.util.ArrayList;
import java.util.List;

import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.rules.BusinessHours;

/**
 * How long customers waited. A customer turn starts at a customer message that no agent has
 * answered yet and ends at the next human agent message; its wait runs from the turn's first
 * message, because that is when the customer started waiting. Bot auto-replies and system
 * notices never stop the clock. The first turn's wait is the first response time (FRT).
 * Without timestamps every duration is null (unknown), never zero; turn counts still hold. With
 * the rule book's business hours, waits count open time only: a turn that starts while the shop
 * is closed is counted in {@code outOfHoursTurns} and waits from the opening.
 *
 * @param turns every customer turn in order, answered or not
 */
public record ResponseTiming(
        Double firstResponseSeconds,
        int customerTurns,
        int answeredTurns,
        int unansweredTurns,
        List<Double> waitsSeconds,
        Double longestWaitSeconds,
        Double meanWaitSeconds,
        int outOfHoursTurns,
        List<Turn> turns) {

    /**
     * One customer turn: its first message, the agent message that answered it (0 if none), the
     * wait in (open) seconds (null when unanswered or without timestamps) and whether it started
     * while the shop was closed. Positions are 1-based.
     */
    public record Turn(int startSeq, int replySeq, Double waitSeconds, boolean outOfHours) {
        /** A turn of a shop that is always open. */
        public Turn(int startSeq, int replySeq, Double waitSeconds) {
            this(startSeq, replySeq, waitSeconds, false);
        }

        public boolean answered() {
            return replySeq > 0;
        }
    }

    public ResponseTiming {
        waitsSeconds = List.copyOf(waitsSeconds);
        turns = List.copyOf(turns);
    }

    /** Measures the waits of messages already sorted by time, in elapsed time. */
    public static ResponseTiming measure(List<Message> sorted) {
        return measure(sorted, BusinessHours.ALWAYS_OPEN);
    }

    /** Measures the waits of messages already sorted by time, in the open time of {@code hours}. */
    public static ResponseTiming measure(List<Message> sorted, BusinessHours hours) {
        List<Turn> turns = new ArrayList<>();
        int pending = -1;
        for (int i = 0; i < sorted.size(); i++) {
            Message m = sorted.get(i);
            if (m.role() == Role.CUSTOMER && pending < 0) {
                pending = i;
            } else if (m.role() == Role.AGENT && pending >= 0) {
                turns.add(new Turn(pending + 1, i + 1, seconds(sorted.get(pending), m, hours), closedAt(sorted.get(pending), hours)));
                pending = -1;
            }
        }
        if (pending >= 0) {
            turns.add(new Turn(pending + 1, 0, null, closedAt(sorted.get(pending), hours)));
        }
        return of(turns);
    }

    /** Timing over a subset of turns (an agent's part of a conversation). */
    public static ResponseTiming of(List<Turn> turns) {
        List<Double> waits = new ArrayList<>();
        int answered = 0;
        for (Turn t : turns) {
            if (t.answered()) {
                answered++;
                if (t.waitSeconds() != null) {
                    waits.add(t.waitSeconds());
                }
            }
        }
        Double frt = !turns.isEmpty() && turns.get(0).answered() ? turns.get(0).waitSeconds() : null;
        Double longest = waits.stream().max(Double::compare).orElse(null);
        Double mean = waits.isEmpty() ? null : waits.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        int outOfHours = (int) turns.stream().filter(Turn::outOfHours).count();
        return new ResponseTiming(frt, turns.size(), answered, turns.size() - answered, waits, longest, mean, outOfHours, turns);
    }

    /** Open seconds from one message to another, or null when either has no timestamp. */
    static Double seconds(Message from, Message to, BusinessHours hours) {
        if (from.sentAt() == null || to.sentAt() == null) {
            return null;
        }
        return hours.openSeconds(from.sentAt(), to.sentAt());
    }

    private static boolean closedAt(Message m, BusinessHours hours) {
        return m.sentAt() != null && !hours.isOpen(m.sentAt());
    }
}
