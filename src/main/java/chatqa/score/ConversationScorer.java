package chatqa.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import chatqa.enrich.EnrichedMessage;
import chatqa.enrich.MessageEnricher;
import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.rules.Expectation;
import chatqa.rules.BusinessHours;
import chatqa.rules.RuleBook;

/**
 * Scores conversations against one rule book in one walk over their enriched messages: agent
 * parts, scenario tags, response timing, every rule check (scenario rules only where their
 * scenario was tagged), the outcome, and the QA scores. A QA score starts at
 * 100, loses the points of every failed rule and never goes below 0; a failed fatal rule (a red
 * line) makes it 0.
 */
public final class ConversationScorer {
    private final RuleBook book;
    private final MessageEnricher enricher;
    private final List<Check> checks;
    private final OutcomeClassifier outcomes;
    private final ScenarioTagger scenarios;
    private final Map<Integer, List<String>> setOwners;
    private final SatisfactionModel satisfaction;

    public ConversationScorer(RuleBook book) {
        this(book, SatisfactionModel.shared());
    }

    /** A scorer with another satisfaction model ({@link SatisfactionModel#NONE} while training one). */
    public ConversationScorer(RuleBook book, SatisfactionModel satisfaction) {
        this.satisfaction = satisfaction;
        this.book = book;
        this.enricher = new MessageEnricher(book);
        SentenceSimilarity similarity = new SentenceSimilarity(book);
        this.checks = book.rules().stream().<Check>map(r -> new RuleCheck(r, similarity)).toList();
        this.outcomes = new OutcomeClassifier(book.outcomes());
        this.scenarios = new ScenarioTagger(book.scenarios());
        this.setOwners = book.setOwners();
    }

    public RuleBook ruleBook() {
        return book;
    }

    public ConversationScore score(Conversation conversation) {
        return score(conversation, enrich(conversation, MessageEnricher.segment(conversation)));
    }

    /**
     * The messages of {@code conversation} enriched (words, phrase hits, sentiment), from their words
     * segmented beforehand ({@link MessageEnricher#segment}): the scoring task segments, then
     * enriches a batch of conversations in one go before it checks them, which keeps HanLP's
     * dictionaries, the phrase automaton and the sentiment weights in the processor's caches.
     */
    public List<EnrichedMessage> enrich(Conversation conversation, List<chatqa.enrich.SegmentedText> segmented) {
        return enricher.enrich(conversation, segmented);
    }

    /** As {@link #score(Conversation)}, with its messages enriched beforehand ({@link #enrich}). */
    public ConversationScore score(Conversation conversation, List<EnrichedMessage> enriched) {
        List<AgentSegment> parts = AgentSegments.split(enriched, book.outcomes().transfer());
        List<ScenarioTag> tags = scenarios.tag(enriched);
        ConversationView plain = new ConversationView(conversation, enriched, parts, tags);
        BusinessHours hours = book.businessHours().forShop(conversation.shopId());
        ResponseTiming timing = ResponseTiming.measure(conversation.messages(), hours);
        ConversationOutcome outcome = outcomes.classify(plain, timing);
        SentimentSwing swing = SentimentSwing.of(enriched, book.sentiment());
        ConversationView view = plain.withFacts(new ConversationView.Facts(timing, outcome, swing));
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.addAll(check.apply(view));
        }
        // After every check: regular expressions run when a check first asks.
        List<RuleError> errors = ruleErrors(enriched);
        if (!errors.isEmpty()) {
            Set<String> broken = new java.util.HashSet<>();
            errors.forEach(e -> broken.add(e.owner()));
            results.removeIf(r -> broken.contains(r.rule().id()));
        }
        List<SegmentScore> segments = new ArrayList<>(parts.size());
        for (AgentSegment part : parts) {
            segments.add(scorePart(part, view, timing, results, hours));
        }
        Set<String> agents = new LinkedHashSet<>();
        conversation.messages().stream().filter(Message::isAgent).map(Message::agentId).filter(Objects::nonNull)
                .forEach(agents::add);
        int longMessages = segments.stream().mapToInt(p -> p.verdicts().longAgentMessages()).sum();
        ConversationScore unrated = new ConversationScore(conversation, enriched, parts.isEmpty() ? null : parts.get(0).agentId(),
                List.copyOf(agents), timing, results, Verdicts.of(results, longMessages, !parts.isEmpty()), segments,
                outcome, swing, tags, errors, null);
        return unrated.withSatisfaction(satisfaction.estimate(unrated));
    }

    /** The regular expressions that failed on a message of the conversation, by what they were checked for. */
    private List<RuleError> ruleErrors(List<EnrichedMessage> enriched) {
        List<RuleError> errors = List.of();
        for (EnrichedMessage m : enriched) {
            Map<Integer, String> failed = m.matches().regexFailures();
            if (failed.isEmpty()) {
                continue;
            }
            if (errors.isEmpty()) {
                errors = new ArrayList<>();
            }
            for (Map.Entry<Integer, String> f : failed.entrySet()) {
                for (String owner : setOwners.getOrDefault(f.getKey(), List.of("phrase set " + f.getKey()))) {
                    errors.add(new RuleError(owner, m.seq(), m.message().messageId(), f.getValue()));
                }
            }
        }
        return errors;
    }

    private SegmentScore scorePart(AgentSegment part, ConversationView view, ResponseTiming timing, List<CheckResult> all,
                                   BusinessHours hours) {
        List<CheckResult> own = all.stream().filter(r -> r.segment() == part.index()).toList();
        List<ResponseTiming.Turn> turns = timing.turns().stream()
                .filter(t -> t.answered() ? part.contains(t.replySeq()) : part.contains(t.startSeq())).toList();
        ResponseTiming ownTiming = ResponseTiming.of(turns);
        Double response;
        if (part.index() == 1) {
            response = timing.firstResponseSeconds();
        } else {
            // The transfer response: from the previous agent's hand-over message to the new agent's first message.
            Message handover = lastAgentBefore(view, part.firstAgentSeq());
            response = ResponseTiming.seconds(handover, view.messages().get(part.firstAgentSeq() - 1).message(), hours);
        }
        int longMessages = (int) view.agentMessages(part).stream()
                .filter(m -> m.message().text().length() > book.longMessageChars()).count();
        return new SegmentScore(part, response, ownTiming, own, Verdicts.of(own, longMessages, true));
    }

    private static Message lastAgentBefore(ConversationView view, int seq) {
        for (int i = seq - 2; i >= 0; i--) {
            Message m = view.messages().get(i).message();
            if (m.isAgent()) {
                return m;
            }
        }
        return view.messages().get(0).message();
    }
}
