package chatqa.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Evidence;
import chatqa.model.Role;
import chatqa.rules.Expectation;
import chatqa.rules.Position;
import chatqa.rules.Rule;
import chatqa.rules.Span;

/**
 * Applies one rule-book rule. The rule's position turns a conversation into windows of messages:
 * a PRESENT rule passes when each window contains a hit (every complaint needs its own
 * apology), an ABSENT rule fails at the first message of its role that contains one.
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
    public Optional<CheckResult> apply(ConversationView c) {
        if (rule.onlyIf() != null && c.messages().stream().noneMatch(this::meetsCondition)) {
            return Optional.empty();
        }
        List<Window> windows = windows(c);
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rule.expect() == Expectation.PRESENT ? requirePresent(windows) : requireAbsent(windows));
    }

    private boolean meetsCondition(EnrichedMessage m) {
        Role role = rule.onlyIfRole();
        return (role == null || m.message().role() == role) && m.matches().contains(rule.onlyIf());
    }

    private CheckResult requirePresent(List<Window> windows) {
        Evidence firstPass = null;
        for (Window w : windows) {
            Evidence found = firstHit(w.messages());
            if (found == null) {
                EnrichedMessage last = w.messages().get(w.messages().size() - 1);
                return CheckResult.fail(rule, Evidence.missing(last.message().messageId(), last.seq(),
                        "not found in " + w.description()));
            }
            if (firstPass == null) {
                firstPass = found;
            }
        }
        return CheckResult.pass(rule, firstPass);
    }

    private CheckResult requireAbsent(List<Window> windows) {
        for (Window w : windows) {
            Evidence found = firstHit(w.messages());
            if (found != null) {
                return CheckResult.fail(rule, new Evidence(found.messageId(), found.messageSeq(), found.matchedText(),
                        found.start(), found.end(), "forbidden '" + found.matchedText() + "' in " + w.description()));
            }
        }
        return CheckResult.pass(rule, Evidence.none("not found in any " + rule.role().code() + " message"));
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
        List<EnrichedMessage> agent = c.agentMessages();
        return switch (rule.position()) {
            case FIRST_AGENT_MESSAGE -> agent.isEmpty() ? List.of()
                    : List.of(new Window(List.of(agent.get(0)), "the first agent message"));
            case LAST_AGENT_MESSAGES -> agent.isEmpty() ? List.of()
                    : List.of(new Window(agent.subList(Math.max(0, agent.size() - rule.count()), agent.size()),
                            rule.count() == 1 ? "the last agent message" : "the last " + rule.count() + " agent messages"));
            case FIRST_REPLY_AFTER_TRIGGER -> repliesAfterTriggers(c.messages());
            case ANY -> {
                List<EnrichedMessage> ofRole = c.messages().stream().filter(m -> m.message().role() == rule.role()).toList();
                yield ofRole.isEmpty() ? List.of() : List.of(new Window(ofRole, withArticle(rule.role().code()) + " message"));
            }
        };
    }

    /** One window per complaint episode: the first agent reply after a triggering customer message. */
    private List<Window> repliesAfterTriggers(List<EnrichedMessage> messages) {
        List<Window> windows = new ArrayList<>();
        EnrichedMessage trigger = null;
        for (EnrichedMessage m : messages) {
            if (m.message().isCustomer() && trigger == null && m.matches().contains(rule.trigger())) {
                trigger = m;
            } else if (m.message().isAgent() && trigger != null) {
                Span cause = trigger.matches().find(rule.trigger()).get(0);
                windows.add(new Window(List.of(m), "the first agent reply after customer message " + trigger.seq()
                        + " ('" + cause.text() + "')"));
                trigger = null;
            }
        }
        return windows;
    }

    private static String withArticle(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private record Window(List<EnrichedMessage> messages, String description) {
    }
}
