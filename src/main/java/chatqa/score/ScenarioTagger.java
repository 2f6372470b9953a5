package chatqa.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Evidence;
import chatqa.rules.Scenario;
import chatqa.rules.Span;

/**
 * Tags a conversation with every scenario of the rule book it shows (multi-label): a scenario
 * applies when its phrases occur in one of the first {@code within_first} messages of its role,
 * and none of its {@code unless} scenarios applies. The evidence is the first such message. A
 * conversation without any scenario is tagged {@link Scenario#OTHER}. Tags keep the rule book's
 * order.
 */
public final class ScenarioTagger {
    private final List<Scenario> scenarios;

    public ScenarioTagger(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    public List<ScenarioTag> tag(List<EnrichedMessage> messages) {
        Map<String, ScenarioTag> found = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            Evidence e = firstHit(s, messages);
            if (e != null) {
                found.put(s.name(), new ScenarioTag(s.name(), e));
            }
        }
        List<ScenarioTag> out = new ArrayList<>(found.size());
        for (Scenario s : scenarios) {
            ScenarioTag tag = found.get(s.name());
            if (tag != null && s.unless().stream().noneMatch(found::containsKey)) {
                out.add(tag);
            }
        }
        if (out.isEmpty()) {
            out.add(new ScenarioTag(Scenario.OTHER, Evidence.none("no scenario's phrases occurred")));
        }
        return out;
    }

    private static Evidence firstHit(Scenario s, List<EnrichedMessage> messages) {
        int seen = 0;
        for (EnrichedMessage m : messages) {
            if (!s.condition().appliesTo(m.message().role())) {
                continue;
            }
            if (s.withinFirst() > 0 && ++seen > s.withinFirst()) {
                return null;
            }
            List<Span> hits = m.matches().find(s.condition().phrases());
            if (!hits.isEmpty()) {
                Span h = hits.get(0);
                return new Evidence(m.message().messageId(), m.seq(), h.text(), h.start(), h.end(),
                        m.message().role().code() + " message " + m.seq() + ": '" + h.text() + "'");
            }
        }
        return null;
    }
}
