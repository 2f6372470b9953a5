package chatqa.score;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Evidence;
import chatqa.model.Role;
import chatqa.rules.BoolExpr;
import chatqa.rules.ConditionMatcher;
import chatqa.rules.Rule;
import chatqa.rules.RuleCondition;
import chatqa.rules.RuleKind;
import chatqa.rules.Span;

/**
 * A composed rule ({@link RuleKind.Composition}) on one conversation: each named condition's hits
 * in the messages its role, range and anchor select, the expression over whether each holds, and
 * evidence that says which conditions held and where ({@code given ✓ customer message 3 '[订单x]';
 * asked ✓ agent message 5 '提供订单号'}). Per conversation, the result is credited to the part of the
 * message that decided it; per message, each part fails at its first failing message.
 */
final class CompositionCheck {
    private final Rule rule;
    private final RuleKind.Composition kind;
    private final ConversationView c;
    private final SentenceSimilarity similarity;
    /** Per message: its number among the messages of its role (1-based). */
    private final int[] indexInRole;
    private final Map<Role, Integer> countInRole = new EnumMap<>(Role.class);
    private final Map<String, List<Hit>> hits = new HashMap<>();
    private final Map<Integer, SentenceSimilarity.MessageClauses> clauses = new HashMap<>();
    /** The conditions whose holding makes a failure, and those whose holding keeps it away: where evidence is looked for first. */
    private final Set<String> failingRefs;
    private final Set<String> passingRefs;

    /** The spans a condition found in one message, and for a similar sentence the closest example. */
    private record Hit(int seq, List<Span> spans, String note) {
    }

    private CompositionCheck(Rule rule, RuleKind.Composition kind, ConversationView c, SentenceSimilarity similarity) {
        this.rule = rule;
        this.kind = kind;
        this.c = c;
        this.similarity = similarity;
        this.failingRefs = kind.fails().positiveRefs();
        this.passingRefs = new BoolExpr.Not(kind.fails()).positiveRefs();
        this.indexInRole = new int[c.messages().size() + 1];
        for (EnrichedMessage m : c.messages()) {
            indexInRole[m.seq()] = countInRole.merge(m.message().role(), 1, Integer::sum);
        }
    }

    static List<CheckResult> apply(Rule rule, RuleKind.Composition kind, ConversationView c, SentenceSimilarity similarity) {
        if (c.segments().isEmpty()) {
            return List.of();
        }
        CompositionCheck check = new CompositionCheck(rule, kind, c, similarity);
        return kind.perMessage() ? check.perMessage() : check.perConversation();
    }

    private List<CheckResult> perConversation() {
        Map<String, Boolean> holds = new HashMap<>();
        for (RuleCondition cond : kind.conditions()) {
            holds.put(cond.name(), holds(cond));
        }
        if (kind.applies() != null && !kind.applies().eval(holds::get)) {
            return List.of();
        }
        boolean failed = kind.fails().eval(holds::get);
        // The message that decided it: where the last of the conditions that made the expression what it is first held.
        Hit decisive = null;
        for (String name : decidingRefs(failed)) {
            if (holds.get(name)) {
                Hit enough = enoughAt(kind.condition(name));
                if (enough != null && (decisive == null || enough.seq() > decisive.seq())) {
                    decisive = enough;
                }
            }
        }
        String why = describe(holds, null);
        EnrichedMessage at = decisive != null ? c.messages().get(decisive.seq() - 1) : lastOfRole();
        int part = c.segmentOf(at.seq()).index();
        Evidence evidence = decisive != null && !decisive.spans().isEmpty() ? spanEvidence(at, decisive.spans().get(0), why)
                : failed ? Evidence.missing(at.message().messageId(), at.seq(), why) : Evidence.none(why);
        return List.of(failed ? CheckResult.fail(rule, part, evidence) : CheckResult.pass(rule, part, evidence));
    }

    private List<CheckResult> perMessage() {
        Map<Integer, CheckResult> byPart = new TreeMap<>();
        for (EnrichedMessage m : c.messages()) {
            if (m.message().role() != rule.role()) {
                continue;
            }
            int part = c.segmentOf(m.seq()).index();
            CheckResult sofar = byPart.get(part);
            if (sofar != null && !sofar.passed()) {
                continue;
            }
            Map<String, Boolean> holds = new HashMap<>();
            for (RuleCondition cond : kind.conditions()) {
                holds.put(cond.name(), holdsAt(cond, m.seq()));
            }
            if (kind.applies() != null && !kind.applies().eval(holds::get)) {
                continue;
            }
            boolean failed = kind.fails().eval(holds::get);
            if (!failed && sofar != null) {
                continue;
            }
            Hit decisive = null;
            for (String name : decidingRefs(failed)) {
                if (holds.get(name)) {
                    decisive = hitAt(kind.condition(name), m.seq());
                    if (decisive != null) {
                        break;
                    }
                }
            }
            String why = describe(holds, m.seq());
            Evidence evidence = decisive != null ? spanEvidence(m, decisive.spans().get(0), why)
                    : Evidence.missing(m.message().messageId(), m.seq(), why);
            byPart.put(part, failed ? CheckResult.fail(rule, part, evidence) : CheckResult.pass(rule, part, evidence));
        }
        return List.copyOf(byPart.values());
    }

    private Set<String> decidingRefs(boolean failed) {
        return failed ? failingRefs : passingRefs;
    }

    /** Whether a condition holds over the whole conversation: enough hits where its scope and anchor allow. */
    private boolean holds(RuleCondition cond) {
        List<Hit> own = hits(cond);
        int n = 0;
        for (Hit h : own) {
            n += h.spans().size();
        }
        if (!cond.enough(n)) {
            return false;
        }
        RuleCondition.Anchor a = cond.anchor();
        if (a != null && a.hit() == RuleCondition.Anchor.EVERY) {
            for (int anchorSeq : anchorSeqs(a)) {
                boolean near = false;
                for (Hit h : own) {
                    near |= a.relates(h.seq(), anchorSeq);
                }
                if (!near) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The hit that brought a condition to its {@code at_least} (the second chase of "chased twice"), or its first. */
    private Hit enoughAt(RuleCondition cond) {
        int n = 0;
        for (Hit h : hits(cond)) {
            n += h.spans().size();
            if (n >= cond.atLeast()) {
                return h;
            }
        }
        return null;
    }

    /** Whether a condition holds on message {@code seq}: its hits there, where the anchor allows, are enough. */
    private boolean holdsAt(RuleCondition cond, int seq) {
        Hit h = hitAt(cond, seq);
        return cond.enough(h == null ? 0 : h.spans().size());
    }

    private Hit hitAt(RuleCondition cond, int seq) {
        for (Hit h : hits(cond)) {
            if (h.seq() == seq) {
                return h;
            }
        }
        return null;
    }

    /** A condition's hits in the conversation, first first: messages in scope that match, near the anchor's selected hits. */
    private List<Hit> hits(RuleCondition cond) {
        List<Hit> known = hits.get(cond.name());
        if (known != null) {
            return known;
        }
        List<Integer> anchors = cond.anchor() == null ? null : anchorSeqs(cond.anchor());
        List<Hit> out = new ArrayList<>();
        for (EnrichedMessage m : c.messages()) {
            Role role = m.message().role();
            if (!cond.inScope(role, indexInRole[m.seq()], countInRole.getOrDefault(role, 0))) {
                continue;
            }
            if (anchors != null && !relatesToAny(cond.anchor(), m.seq(), anchors)) {
                continue;
            }
            Hit h = match(cond.matcher(), m);
            if (h != null) {
                out.add(h);
            }
        }
        hits.put(cond.name(), out);
        return out;
    }

    private static boolean relatesToAny(RuleCondition.Anchor a, int seq, List<Integer> anchors) {
        for (int anchor : anchors) {
            if (a.relates(seq, anchor)) {
                return true;
            }
        }
        return false;
    }

    /** The messages of the anchor condition's hits that the anchor selects (any / every: all of them). */
    private List<Integer> anchorSeqs(RuleCondition.Anchor a) {
        List<Integer> seqs = hits(kind.condition(a.condition())).stream().map(Hit::seq).toList();
        if (a.hit() == RuleCondition.Anchor.ANY || a.hit() == RuleCondition.Anchor.EVERY) {
            return seqs;
        }
        if (a.hit() == RuleCondition.Anchor.LAST) {
            return seqs.isEmpty() ? List.of() : List.of(seqs.get(seqs.size() - 1));
        }
        return seqs.size() < a.hit() ? List.of() : List.of(seqs.get(a.hit() - 1));
    }

    private Hit match(ConditionMatcher matcher, EnrichedMessage m) {
        String text = m.message().text();
        ConditionMatching.Found f = ConditionMatching.find(matcher, text, m.matches(), similarity,
                () -> clauses.computeIfAbsent(m.seq(), k -> new SentenceSimilarity.MessageClauses(text, m.words())));
        return f == null ? null : new Hit(m.seq(), f.spans(), f.note());
    }

    /** Each condition, whether it held and where: what {@code rules test} and the report show under the rule. */
    private String describe(Map<String, Boolean> holds, Integer seq) {
        StringBuilder sb = new StringBuilder();
        for (RuleCondition cond : kind.conditions()) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            boolean held = holds.get(cond.name());
            sb.append(cond.name()).append(held ? " ✓" : " ✗");
            Hit h = seq == null ? (hits(cond).isEmpty() ? null : hits(cond).get(0)) : hitAt(cond, seq);
            if (h != null) {
                EnrichedMessage m = c.messages().get(h.seq() - 1);
                int count = seq == null ? hits(cond).stream().mapToInt(x -> x.spans().size()).sum() : h.spans().size();
                sb.append(" (").append(m.message().role().code()).append(" message ").append(h.seq()).append(": ")
                        .append(h.note() != null ? h.note() : "'" + ConditionMatching.excerpt(h.spans().get(0).text()) + "'");
                if (count > 1 || cond.atMost() != Integer.MAX_VALUE || cond.atLeast() > 1) {
                    sb.append(", ").append(count).append(count == 1 ? " hit" : " hits");
                }
                sb.append(')');
            }
        }
        return sb.append(" → ").append(kind.expression()).toString();
    }

    private EnrichedMessage lastOfRole() {
        List<EnrichedMessage> ms = c.messages();
        for (int i = ms.size() - 1; i >= 0; i--) {
            if (ms.get(i).message().role() == rule.role()) {
                return ms.get(i);
            }
        }
        return ms.get(ms.size() - 1);
    }

    private static Evidence spanEvidence(EnrichedMessage m, Span s, String why) {
        return new Evidence(m.message().messageId(), m.seq(), s.text(), s.start(), s.end(), why);
    }
}
