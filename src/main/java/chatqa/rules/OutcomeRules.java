package chatqa.rules;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rule book's outcome and transfer settings: the precedence that picks one outcome when
 * several apply (the others stay visible as flags), the phrase signals behind the classes, and
 * the phrases by which an agent hands a conversation over when the export has no agent ids.
 *
 * @param transfer null: transfers are detected from agent id changes only
 */
public record OutcomeRules(List<Outcome> precedence, Map<Signal, Condition> signals, Condition transfer)
        implements Serializable {

    /** The order of the classes, most harmful to the shop first. */
    public static final List<Outcome> DEFAULT_PRECEDENCE = List.of(Outcome.values());

    public OutcomeRules {
        precedence = List.copyOf(precedence);
        signals = signals.isEmpty() ? Map.of() : new EnumMap<>(signals);
    }

    public static OutcomeRules none() {
        return new OutcomeRules(DEFAULT_PRECEDENCE, Map.of(), null);
    }

    public Condition signal(Signal s) {
        return signals.get(s);
    }
}
