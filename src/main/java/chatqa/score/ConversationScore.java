package chatqa.score;

import java.util.List;

import chatqa.enrich.EnrichedMessage;
import chatqa.model.Conversation;

/**
 * Everything scored about one conversation. Its {@link Verdicts} count each rule that failed
 * anywhere in the conversation once; their QA score is null for a conversation no human agent
 * took part in: there is nobody to score. Each agent's part is scored separately in
 * {@link #segments()}.
 *
 * @param agentId  the agent of the first part: the first human agent to reply
 * @param agentIds every agent that sent a message, in order of first appearance
 * @param checks   every rule result, one per rule and agent part
 * @param scenarios the scenarios the conversation was tagged with, with the message that triggered each
 * @param ruleErrors checks that could not be made (a regular expression over its budget); such rules have no result
 * @param satisfaction the estimate of how satisfied the customer was (−2..2) and its drivers; null when the customer never wrote
 */
public record ConversationScore(
        Conversation conversation,
        List<EnrichedMessage> messages,
        String agentId,
        List<String> agentIds,
        ResponseTiming timing,
        List<CheckResult> checks,
        Verdicts verdicts,
        List<SegmentScore> segments,
        ConversationOutcome outcome,
        SentimentSwing sentiment,
        List<ScenarioTag> scenarios,
        List<RuleError> ruleErrors,
        SatisfactionModel.Estimate satisfaction) {

    public ConversationScore {
        ruleErrors = List.copyOf(ruleErrors);
        messages = List.copyOf(messages);
        agentIds = List.copyOf(agentIds);
        checks = List.copyOf(checks);
        segments = List.copyOf(segments);
        scenarios = List.copyOf(scenarios);
    }

    ConversationScore withSatisfaction(SatisfactionModel.Estimate estimate) {
        return new ConversationScore(conversation, messages, agentId, agentIds, timing, checks, verdicts, segments, outcome, sentiment,
                scenarios, ruleErrors, estimate);
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
