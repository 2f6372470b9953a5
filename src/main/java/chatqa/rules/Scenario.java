package chatqa.rules;

import java.io.Serializable;
import java.util.List;

/**
 * A kind of conversation the handbooks treat differently (a bargaining customer, a stalled payment,
 * a quality complaint…), defined in the rule book's {@code scenarios:} section. A conversation is
 * tagged with every scenario whose phrases occur in a message of the scenario's role, among the
 * first {@code withinFirst} such messages if set, unless it is also tagged with one of the
 * scenarios in {@code unless}; a conversation no scenario matched is tagged {@link #OTHER}.
 *
 * @param title       what people read (讲价, 物流) in reports; the name when the book gives none
 * @param withinFirst only the first N messages of the role count (0: all of them)
 * @param unless      names of scenarios that rule this one out (e.g. a product question asked inside a return)
 * @param line        line of the scenario in its YAML file
 */
public record Scenario(String name, String title, String description, Condition condition, int withinFirst, List<String> unless, int line)
        implements Serializable {

    /** The tag of a conversation no scenario matched. */
    public static final String OTHER = "other";

    public Scenario {
        unless = List.copyOf(unless);
    }
}
