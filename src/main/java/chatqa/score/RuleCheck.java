package chatqa.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Evidence;
import chatqa.rules.Expectation;
import chatqa.rules.Rule;
import chatqa.rules.Span;

/**
 * Applies one rule-book rule. The rule's position turns a conversation into windows of messages,
 * each belonging to one agent's part: a PRESENT rule passes for a part when each of its windows
 * contains a hit (every complaint needs its own apology), an ABSENT rule fails at the first
 * message of the part that contains one. The greeting is judged on each agent's first message,
 * the closing on the last agent's last messages, an apology on the part that gave the reply.
 */
public final class RuleCheck implements Check {
    private final Rule rule;

    public RuleCheck(Rule rule) {
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    @Override
    public List<CheckResult> apply(ConversationView c) {
        if (rule.onlyIf() != null && c.messages().stream().noneMatch(this::meetsCondition)) {
            return List.of();
        }
        Map<Integer, List<Window>> bySegment = new LinkedHashMap<>();
        for (Window w : windows(c)) {
            bySegment.computeIfAbsent(w.segment(), k -> new ArrayList<>()).add(w);
        }
        List<CheckResult> results = new ArrayList<>(bySegment.size());
        bySegment.forEach((segment, windows) -> results.add(
                rule.expect() == Expectation.PRESENT ? requirePresent(segment, windows) : requireAbsent(segment, windows)));
        return results;
    }

    private boolean meetsCondition(EnrichedMessage m) {
        return rule.onlyIf().appliesTo(m.message().role()) && m.matches().contains(rule.onlyIf().phrases());
    }

    private CheckResult requirePresent(int segment, List<Window> windows) {
        Evidence firstPass = null;
        for (Window w : windows) {
            Evidence found = firstHit(w.messages());
            if (found == null) {
                EnrichedMessage last = w.messages().get(w.messages().size() - 1);
                return CheckResult.fail(rule, segment, Evidence.missing(last.message().messageId(), last.seq(),
                        "not found in " + w.description()));
            }
            if (firstPass == null) {
                firstPass = found;
            }
        }
        return CheckResult.pass(rule, segment, firstPass);
    }

    private CheckResult requireAbsent(int segment, List<Window> windows) {
        for (Window w : windows) {
            Evidence found = firstHit(w.messages());
            if (found != null) {
                return CheckResult.fail(rule, segment, new Evidence(found.messageId(), found.messageSeq(), found.matchedText(),
                        found.start(), found.end(), "forbidden '" + found.matchedText() + "' in " + w.description()));
            }
        }
        return CheckResult.pass(rule, segment, Evidence.none("not found in any " + rule.role().code() + " message"));
    }

    private Evidence firstHit(List<EnrichedMessage> messages) {
        for (EnrichedMessage m : messages) {
            List<Span> hits = m.matches().find(rule.match());
            if (!hits.isEmpty()) {
                Span s = hits.get(0);
                return new Evidence(m.message().messageId(), m.seq(), s.text(), s.start(), s.end(),
                        "found '" + s.text() + "'");
            }
        }
        return null;
    }

    private List<Window> windows(ConversationView c) {
        List<Window> out = new ArrayList<>();
        List<AgentSegment> segments = c.segments();
        switch (rule.position()) {
            case FIRST_AGENT_MESSAGE -> {
                for (AgentSegment s : segments) {
                    List<EnrichedMessage> own = c.agentMessages(s);
                    out.add(new Window(s.index(), List.of(own.get(0)),
                            s.index() == 1 ? "the first agent message" : "the first message after taking over"));
                }
            }
            case LAST_AGENT_MESSAGES -> {
                if (!segments.isEmpty()) {
                    AgentSegment last = segments.get(segments.size() - 1);
                    List<EnrichedMessage> own = c.agentMessages(last);
                    out.add(new Window(last.index(), own.subList(Math.max(0, own.size() - rule.count()), own.size()),
                            rule.count() == 1 ? "the last agent message" : "the last " + rule.count() + " agent messages"));
                }
            }
            case FIRST_REPLY_AFTER_TRIGGER -> repliesAfterTriggers(c, out);
            case ANY -> {
                if (rule.role() == chatqa.model.Role.AGENT) {
                    for (AgentSegment s : segments) {
                        out.add(new Window(s.index(), c.agentMessages(s), "an agent message"));
                    }
                } else {
                    List<EnrichedMessage> ofRole = c.messages().stream().filter(m -> m.message().role() == rule.role()).toList();
                    if (!ofRole.isEmpty()) {
                        // Rules about customer, bot or system messages are credited to the first agent's part.
                        out.add(new Window(1, ofRole, withArticle(rule.role().code()) + " message"));
                    }
                }
            }
        }
        return out;
    }

    /** One window per complaint episode: the first agent reply after a triggering customer message. */
    private void repliesAfterTriggers(ConversationView c, List<Window> out) {
        EnrichedMessage trigger = null;
        for (EnrichedMessage m : c.messages()) {
            if (m.message().isCustomer() && trigger == null && m.matches().contains(rule.trigger())) {
                trigger = m;
            } else if (m.message().isAgent() && trigger != null) {
                Span cause = trigger.matches().find(rule.trigger()).get(0);
                out.add(new Window(c.segmentOf(m.seq()).index(), List.of(m), "the first agent reply after customer message "
                        + trigger.seq() + " ('" + cause.text() + "')"));
                trigger = null;
            }
        }
    }

    private static String withArticle(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private record Window(int segment, List<EnrichedMessage> messages, String description) {
    }
}
