package chatqa.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import chatqa.config.YamlTree;

/**
 * Reads the {@code outcomes:} section (the precedence of the outcome classes and the phrase signals
 * they are judged from) and the {@code transfers:} condition of a rule book.
 */
final class OutcomeLoader {
    private static final Set<String> OUTCOME_KEYS = Set.of("precedence", "signals");

    private OutcomeLoader() {
    }

    static OutcomeRules read(YamlTree node, YamlTree transfers, int[] nextSetId) {
        Condition transfer = transfers == null ? null : RuleBookLoader.condition(transfers, nextSetId);
        if (node == null) {
            return new OutcomeRules(OutcomeRules.DEFAULT_PRECEDENCE, java.util.Map.of(), transfer);
        }
        node.rejectUnknownKeys(OUTCOME_KEYS);
        List<Outcome> precedence = new ArrayList<>();
        YamlTree order = node.get("precedence");
        if (order == null) {
            precedence.addAll(OutcomeRules.DEFAULT_PRECEDENCE);
        } else {
            for (YamlTree item : order.items()) {
                Outcome o = Outcome.fromCode(item.text().trim());
                if (o == null || precedence.contains(o)) {
                    throw item.error(o == null ? "unknown outcome '" + item.text() + "' (expected one of: "
                            + String.join(", ", java.util.Arrays.stream(Outcome.values()).map(Outcome::code).toList()) + ")"
                            : "outcome '" + item.text() + "' is listed twice");
                }
                precedence.add(o);
            }
            if (precedence.size() != Outcome.values().length) {
                throw order.error("must list every outcome once; missing: " + String.join(", ", java.util.Arrays.stream(Outcome.values())
                        .filter(o -> !precedence.contains(o)).map(Outcome::code).toList()));
            }
        }
        java.util.Map<Signal, Condition> signals = new java.util.EnumMap<>(Signal.class);
        YamlTree signalNode = node.get("signals");
        if (signalNode != null) {
            for (var e : signalNode.entries().entrySet()) {
                Signal signal = Signal.fromCode(e.getKey());
                if (signal == null) {
                    throw e.getValue().error("unknown signal '" + e.getKey() + "' (expected one of: "
                            + String.join(", ", java.util.Arrays.stream(Signal.values()).map(Signal::code).toList()) + ")");
                }
                signals.put(signal, RuleBookLoader.condition(e.getValue(), nextSetId));
            }
        }
        return new OutcomeRules(precedence, signals, transfer);
    }
}
