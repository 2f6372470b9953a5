package chatqa.publish;

import java.util.List;
import java.util.function.BiConsumer;

import chatqa.publish.DayReport.Failure;

/**
 * The failed checks shown on agent pages, handed over one agent at a time, so a day with
 * thousands of agents never holds every agent's evidence at once.
 */
public interface Evidence {
    /**
     * Calls {@code agent} once for every agent with failed checks, with their {@link
     * DayReport.AgentPage#key() page key} and failures (in page order), agents in any order.
     */
    void forEachAgent(BiConsumer<String, List<Failure>> agent);

    /** The failures already on the pages. */
    Evidence ON_PAGES = agent -> { };
}
