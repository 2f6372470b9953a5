package chatqa.score;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Evidence;
import chatqa.rules.Rule;
import chatqa.rules.RuleKind;

/**
 * A wait limit ({@link RuleKind.Silence}): each customer turn the agent answered is measured from
 * the turn's first message to the reply, and credited to the part of the reply. A part fails at
 * its first wait over the limit; a part without a measured wait (no timestamps, no answered turn)
 * gets no result.
 */
final class SilenceCheck {
    private SilenceCheck() {
    }

    static List<CheckResult> apply(Rule rule, RuleKind.Silence kind, ConversationView c) {
        ConversationView.Facts f = c.facts();
        if (f == null || c.segments().isEmpty()) {
            return List.of();
        }
        Map<Integer, CheckResult> byPart = new TreeMap<>();
        for (ResponseTiming.Turn t : f.timing().turns()) {
            if (!t.answered() || t.waitSeconds() == null) {
                continue;
            }
            EnrichedMessage reply = c.messages().get(t.replySeq() - 1);
            int part = c.segmentOf(reply.seq()).index();
            CheckResult sofar = byPart.get(part);
            if (sofar != null && !sofar.passed()) {
                continue;
            }
            long wait = Math.round(t.waitSeconds());
            if (t.waitSeconds() > kind.seconds()) {
                byPart.put(part, CheckResult.fail(rule, part, Evidence.missing(reply.message().messageId(), reply.seq(),
                        "the customer's message " + t.startSeq() + " waited " + wait + " s for agent message " + reply.seq()
                                + ", more than " + kind.seconds() + " s")));
            } else if (sofar == null) {
                byPart.put(part, CheckResult.pass(rule, part, Evidence.none("every customer turn answered within " + kind.seconds() + " s")));
            }
        }
        return List.copyOf(byPart.values());
    }
}
