package chatqa.score;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import chatqa.model.Message;
import chatqa.model.Role;

/**
 * How long customers waited. A customer turn starts at a customer message that no agent has
 * answered yet and ends at the next human agent message; its wait runs from the turn's first
 * message, because that is when the customer started waiting. Bot auto-replies and system
 * notices never stop the clock. The first turn's wait is the first response time (FRT).
 * Without timestamps every duration is null (unknown), never zero; turn counts still hold.
 */
public record ResponseTiming(
        Double firstResponseSeconds,
        int customerTurns,
        int answeredTurns,
        int unansweredTurns,
        List<Double> waitsSeconds,
        Double longestWaitSeconds,
        Double meanWaitSeconds) {

    public ResponseTiming {
        waitsSeconds = List.copyOf(waitsSeconds);
    }

    /** Measures the waits of messages already sorted by time. */
    public static ResponseTiming measure(List<Message> sorted) {
        Message pending = null;
        int turns = 0;
        int answered = 0;
        boolean firstTurnDone = false;
        Double frt = null;
        List<Double> waits = new ArrayList<>();
        for (Message m : sorted) {
            if (m.role() == Role.CUSTOMER && pending == null) {
                pending = m;
                turns++;
            } else if (m.role() == Role.AGENT && pending != null) {
                answered++;
                Double wait = seconds(pending, m);
                if (wait != null) {
                    waits.add(wait);
                }
                if (!firstTurnDone) {
                    frt = wait;
                }
                firstTurnDone = true;
                pending = null;
            }
        }
        Double longest = waits.stream().max(Double::compare).orElse(null);
        Double mean = waits.isEmpty() ? null : waits.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new ResponseTiming(frt, turns, answered, turns - answered, waits, longest, mean);
    }

    private static Double seconds(Message from, Message to) {
        if (from.sentAt() == null || to.sentAt() == null) {
            return null;
        }
        return Duration.between(from.sentAt(), to.sentAt()).toMillis() / 1000.0;
    }
}
