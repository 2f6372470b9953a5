package chatqa.score;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import chatqa.enrich.EnrichedMessage;
import chatqa.enrich.MessageEnricher;
import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.rules.Expectation;
import chatqa.rules.RuleBook;

/**
 * Scores conversations against one rule book: response timing, every rule check, the category
 * verdicts and the QA score. The QA score starts at 100, loses the points of every failed check
 * and never goes below 0; one failed fatal rule (a red line) makes it 0.
 */
public final class ConversationScorer {
    /** Categories that have their own columns in the conversations and scorecard tables. */
    public static final String GREETING = "greeting";
    public static final String APOLOGY = "apology";
    public static final String CLOSING = "closing";
    public static final String RED_LINE = "red_line";

    private final RuleBook book;
    private final MessageEnricher enricher;
    private final List<Check> checks;

    public ConversationScorer(RuleBook book) {
        this.book = book;
        this.enricher = new MessageEnricher(book);
        this.checks = book.rules().stream().<Check>map(RuleCheck::new).toList();
    }

    public RuleBook ruleBook() {
        return book;
    }

    public ConversationScore score(Conversation conversation) {
        List<EnrichedMessage> enriched = enricher.enrich(conversation);
        ConversationView view = new ConversationView(conversation, enriched);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            Optional<CheckResult> r = check.apply(view);
            r.ifPresent(results::add);
        }
        Set<String> agents = new LinkedHashSet<>();
        int longMessages = 0;
        for (Message m : conversation.messages()) {
            if (m.isAgent()) {
                agents.add(m.agentId() == null ? "" : m.agentId());
                if (m.text().length() > book.longMessageChars()) {
                    longMessages++;
                }
            }
        }
        boolean fatal = results.stream().anyMatch(CheckResult::fatalHit);
        int deductions = results.stream().mapToInt(CheckResult::pointsDeducted).sum();
        Double qa = agents.isEmpty() ? null : fatal ? 0.0 : Math.max(0.0, 100.0 - deductions);
        int redLines = (int) results.stream()
                .filter(r -> !r.passed() && RED_LINE.equals(r.rule().category()) && r.rule().expect() == Expectation.ABSENT)
                .count();
        List<String> agentIds = agents.stream().map(a -> a.isEmpty() ? null : a).toList();
        return new ConversationScore(conversation, enriched, agentIds.isEmpty() ? null : agentIds.get(0),
                agentIds.stream().filter(a -> a != null).toList(),
                ResponseTiming.measure(conversation.messages()), results,
                verdict(results, GREETING), verdict(results, APOLOGY), verdict(results, CLOSING),
                redLines, fatal, deductions, qa, longMessages);
    }

    private static Boolean verdict(List<CheckResult> results, String category) {
        List<CheckResult> of = results.stream().filter(r -> category.equals(r.rule().category())).toList();
        return of.isEmpty() ? null : of.stream().allMatch(CheckResult::passed);
    }
}
