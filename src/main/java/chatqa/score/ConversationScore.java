package chatqa.score;

import java.util.List;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Conversation;

/**
 * Everything scored about one conversation. The category verdicts are null when no rule of the
 * category applied (no agent message to greet with, no complaint to apologise for), so rates
 * are computed only over conversations where the standard was due. {@code qaScore} is null for a
 * conversation no human agent took part in: there is nobody to score. Each rule that failed
 * anywhere in the conversation deducts its points once; each agent's part is scored separately
 * in {@link #segments()}.
 *
 * @param agentId  the agent of the first part: the first human agent to reply
 * @param agentIds every agent that sent a message, in order of first appearance
 * @param checks   every rule result, one per rule and agent part
 * @param scenarios the scenarios the conversation was tagged with, with the message that triggered each
 * @param ruleErrors checks that could not be made (a regular expression over its budget); such rules have no result
 */
public record ConversationScore(
        Conversation conversation,
        List<EnrichedMessage> messages,
        String agentId,
        List<String> agentIds,
        ResponseTiming timing,
        List<CheckResult> checks,
        Boolean greetingPassed,
        Boolean apologyPassed,
        Boolean closingPassed,
        int redLineHits,
        boolean fatal,
        int deductions,
        Double qaScore,
        int longAgentMessages,
        List<SegmentScore> segments,
        ConversationOutcome outcome,
        SentimentSwing sentiment,
        List<ScenarioTag> scenarios,
        List<RuleError> ruleErrors) {

    public ConversationScore {
        ruleErrors = List.copyOf(ruleErrors);
        messages = List.copyOf(messages);
        agentIds = List.copyOf(agentIds);
        checks = List.copyOf(checks);
        segments = List.copyOf(segments);
        scenarios = List.copyOf(scenarios);
    }

    public List<String> scenarioNames() {
        return scenarios.stream().map(ScenarioTag::scenario).toList();
    }

    /** The scenario a rule's result belongs to: the first of the rule's scenarios this conversation has; null for a rule of every conversation. */
    public String scenarioOf(chatqa.rules.Rule rule) {
        List<String> names = scenarioNames();
        return rule.scenarios().stream().filter(names::contains).findFirst().orElse(null);
    }

    public List<String> failedRuleIds() {
        return checks.stream().filter(c -> !c.passed()).map(c -> c.rule().id()).distinct().toList();
    }
}
