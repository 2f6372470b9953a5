package chatqa.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Evidence;
import chatqa.rules.PhraseSet;
import chatqa.rules.Position;
import chatqa.rules.Rule;
import chatqa.rules.RuleKind;
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
    private final SentenceSimilarity similarity;

    RuleCheck(Rule rule, SentenceSimilarity similarity) {
        this.rule = rule;
        this.similarity = similarity;
    }

    public Rule rule() {
        return rule;
    }

    @Override
    public List<CheckResult> apply(ConversationView c) {
        if (!rule.scenarios().isEmpty() && c.firstScenarioOf(rule.scenarios()) == null) {
            return List.of();
        }
        if (rule.onlyIf() != null && c.messages().stream().noneMatch(this::meetsCondition)) {
            return List.of();
        }
        RuleKind kind = rule.kind();
        if (kind instanceof RuleKind.Handling h) {
            return HandlingCheck.apply(rule, h, c);
        }
        if (kind instanceof RuleKind.Silence s) {
            return SilenceCheck.apply(rule, s, c);
        }
        if (kind instanceof RuleKind.Composition k) {
            return CompositionCheck.apply(rule, k, c, similarity);
        }
        List<Window> windows = narrowed(windows(c));
        if (kind instanceof RuleKind.Ordering o) {
            return perWindow(c, windows, w -> ordered(c, w, o));
        }
        if (kind instanceof RuleKind.Element e && rule.position() == Position.AFTER_TRIGGER) {
            return perWindow(c, windows, w -> presentIn(c, w, e.phrases()));
        }
        Map<Integer, List<Window>> bySegment = new LinkedHashMap<>();
        for (Window w : windows) {
            bySegment.computeIfAbsent(w.segment(), k -> new ArrayList<>()).add(w);
        }
        List<CheckResult> results = new ArrayList<>(bySegment.size());
        bySegment.forEach((segment, parts) -> results.add(
                kind instanceof RuleKind.LengthLimit l ? requireShort(segment, parts, l.maxChars())
                        : kind instanceof RuleKind.Repeat r ? requireNoRepeat(segment, parts, r)
                        : kind instanceof RuleKind.Forbidden f ? requireAbsent(segment, parts, f)
                        : requirePresent(segment, parts, kind.phrases())));
        return results;
    }

    /**
     * Windows that may span agent parts (after a trigger, or an ordering over the whole conversation): each is
     * judged on its own and credited to the part of the message that decided it (the hit, or where the element
     * was missing); per part, a failure outweighs passes.
     */
    private List<CheckResult> perWindow(ConversationView c, List<Window> windows, java.util.function.Function<Window, CheckResult> check) {
        Map<Integer, CheckResult> bySegment = new java.util.TreeMap<>();
        for (Window w : windows) {
            CheckResult r = check.apply(w);
            if (r != null) {
                bySegment.merge(r.segment(), r, (a, b) -> a.passed() && !b.passed() ? b : a);
            }
        }
        return new ArrayList<>(bySegment.values());
    }

    private CheckResult presentIn(ConversationView c, Window w, PhraseSet phrases) {
        Evidence found = firstHit(w.messages(), phrases);
        if (found != null) {
            return CheckResult.pass(rule, c.segmentOf(found.messageSeq()).index(), found);
        }
        EnrichedMessage last = w.messages().get(w.messages().size() - 1);
        return CheckResult.fail(rule, c.segmentOf(last.seq()).index(), Evidence.missing(last.message().messageId(), last.seq(),
                "not found in " + w.description()));
    }

    /** With {@code where}, each message of a window that meets it is checked on its own; the others are not checked. */
    private List<Window> narrowed(List<Window> windows) {
        if (rule.where() == null) {
            return windows;
        }
        List<Window> out = new ArrayList<>();
        for (Window w : windows) {
            for (EnrichedMessage m : w.messages()) {
                List<Span> cause = m.matches().find(rule.where());
                if (!cause.isEmpty()) {
                    out.add(new Window(w.segment(), List.of(m), m.message().role().code() + " message " + m.seq()
                            + " ('" + cause.get(0).text() + "')"));
                }
            }
        }
        return out;
    }

    /** A length limit: the first message of the part longer than {@code max_chars} fails it. */
    private CheckResult requireShort(int segment, List<Window> windows, int maxChars) {
        for (Window w : windows) {
            for (EnrichedMessage m : w.messages()) {
                int length = m.message().text().length();
                if (length > maxChars) {
                    return CheckResult.fail(rule, segment, Evidence.missing(m.message().messageId(), m.seq(),
                            m.message().role().code() + " message " + m.seq() + " has " + length + " characters, more than "
                                    + maxChars + ": split the reply"));
                }
            }
        }
        return CheckResult.pass(rule, segment, Evidence.none("no " + rule.role().code() + " message longer than "
                + maxChars + " characters"));
    }

    /**
     * A repetition limit: the first message of the part that nearly repeats one of the {@code within}
     * messages before it fails it, with both messages named in the evidence.
     */
    private CheckResult requireNoRepeat(int segment, List<Window> windows, RuleKind.Repeat r) {
        for (Window w : windows) {
            List<EnrichedMessage> ms = w.messages();
            String[] normal = new String[ms.size()];
            for (int i = 0; i < ms.size(); i++) {
                normal[i] = NearDuplicate.normal(ms.get(i).message().text());
                if (normal[i].length() < r.minChars()) {
                    continue;
                }
                for (int j = Math.max(0, i - r.within()); j < i; j++) {
                    if (normal[j].length() < r.minChars()) {
                        continue;
                    }
                    double similarity = NearDuplicate.similarity(normal[j], normal[i]);
                    if (similarity >= r.similarity()) {
                        EnrichedMessage m = ms.get(i);
                        return CheckResult.fail(rule, segment, Evidence.missing(m.message().messageId(), m.seq(), String.format(
                                java.util.Locale.ROOT, "%s message %d repeats message %d (similarity %.2f): answer the customer, not the template",
                                m.message().role().code(), m.seq(), ms.get(j).seq(), similarity)));
                    }
                }
            }
        }
        return CheckResult.pass(rule, segment, Evidence.none("no " + rule.role().code() + " message repeats one of the "
                + r.within() + " before it"));
    }

    /**
     * An ordering: where the {@code before} phrases first occur in the window, the rule's phrases must already
     * have occurred (in an earlier message, or earlier in the same one). A window without them is not checked.
     */
    private CheckResult ordered(ConversationView c, Window w, RuleKind.Ordering o) {
        Evidence element = null;
        for (EnrichedMessage m : w.messages()) {
            List<Span> later = m.matches().find(o.before());
            List<Span> own = m.matches().find(o.phrases());
            int limit = later.isEmpty() ? Integer.MAX_VALUE : later.get(0).start();
            if (element == null && !own.isEmpty() && own.get(0).start() < limit) {
                Span s = own.get(0);
                element = new Evidence(m.message().messageId(), m.seq(), s.text(), s.start(), s.end(), "found '" + s.text()
                        + "' before " + o.beforeName());
            }
            if (!later.isEmpty()) {
                if (element != null) {
                    return CheckResult.pass(rule, c.segmentOf(element.messageSeq()).index(), element);
                }
                Span s = later.get(0);
                return CheckResult.fail(rule, c.segmentOf(m.seq()).index(), new Evidence(m.message().messageId(), m.seq(),
                        s.text(), s.start(), s.end(), "'" + s.text() + "' (" + o.beforeName()
                        + ") came before any of this rule's phrases in " + w.description()));
            }
        }
        return null;
    }

    private boolean meetsCondition(EnrichedMessage m) {
        return rule.onlyIf().appliesTo(m.message().role()) && m.matches().contains(rule.onlyIf().phrases());
    }

    private CheckResult requirePresent(int segment, List<Window> windows, PhraseSet phrases) {
        Evidence firstPass = null;
        for (Window w : windows) {
            Evidence found = firstHit(w.messages(), phrases);
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

    private CheckResult requireAbsent(int segment, List<Window> windows, RuleKind.Forbidden f) {
        int tolerated = 0;
        for (Window w : windows) {
            for (EnrichedMessage m : w.messages()) {
                Evidence found = firstHit(List.of(m), f.phrases());
                if (found != null && ++tolerated > f.tolerated()) {
                    String why = f.tolerated() == 0 ? "forbidden '" + found.matchedText() + "' in " + w.description()
                            : "'" + found.matchedText() + "' in " + w.description() + ": more than " + f.tolerated()
                            + (f.tolerated() == 1 ? " message" : " messages") + " with these phrases";
                    return CheckResult.fail(rule, segment, new Evidence(found.messageId(), found.messageSeq(), found.matchedText(),
                            found.start(), found.end(), why));
                }
            }
        }
        return CheckResult.pass(rule, segment, Evidence.none(f.tolerated() == 0
                ? "not found in any " + rule.role().code() + " message"
                : "found in " + tolerated + " " + rule.role().code() + " message(s), at most " + f.tolerated() + " allowed"));
    }

    private static Evidence firstHit(List<EnrichedMessage> messages, PhraseSet phrases) {
        for (EnrichedMessage m : messages) {
            List<Span> hits = m.matches().find(phrases);
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
            case AFTER_TRIGGER -> windowsAfterTriggers(c, out);
            case ANY -> {
                if (rule.role() == chatqa.model.Role.AGENT && rule.kind() instanceof RuleKind.Ordering) {
                    // An ordering holds across agent parts: an apology by the first agent precedes the second's solution.
                    List<EnrichedMessage> all = c.agentMessages();
                    if (!all.isEmpty()) {
                        out.add(new Window(1, all, "the agent messages"));
                    }
                } else if (rule.role() == chatqa.model.Role.AGENT) {
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

    /**
     * One window per trigger episode: the agent messages among the next {@code within_messages} messages, or the
     * next {@code within_agent_messages} agent messages, after a triggering customer message. A trigger inside an
     * open window belongs to the same episode; a window no agent wrote in is not checked.
     */
    private void windowsAfterTriggers(ConversationView c, List<Window> out) {
        List<EnrichedMessage> all = c.messages();
        int i = 0;
        while (i < all.size()) {
            EnrichedMessage m = all.get(i);
            if (!m.message().isCustomer() || !m.matches().contains(rule.trigger())) {
                i++;
                continue;
            }
            List<EnrichedMessage> window = new ArrayList<>();
            int j = i + 1;
            for (; j < all.size(); j++) {
                if (rule.withinMessages() > 0 && j - i > rule.withinMessages()) {
                    break;
                }
                if (all.get(j).message().isAgent()) {
                    window.add(all.get(j));
                    if (rule.withinAgentMessages() > 0 && window.size() == rule.withinAgentMessages()) {
                        j++;
                        break;
                    }
                }
            }
            if (!window.isEmpty()) {
                Span cause = m.matches().find(rule.trigger()).get(0);
                String span = rule.withinMessages() > 0 ? "the agent messages among the " + rule.withinMessages() + " messages"
                        : rule.withinAgentMessages() == 1 ? "the next agent message" : "the next " + rule.withinAgentMessages()
                        + " agent messages";
                out.add(new Window(c.segmentOf(window.get(0).seq()).index(), window, span + " after customer message " + m.seq()
                        + " ('" + cause.text() + "')"));
            }
            i = j;
        }
    }

    private static String withArticle(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private record Window(int segment, List<EnrichedMessage> messages, String description) {
    }
}
