package chatqa.warehouse;

import java.util.List;

/**
 * The warehouse's tables by name (documented in docs/tables.md, whose column lists are generated
 * from the catalogue: {@link #WRITTEN}, {@link Scorecards}, {@link AgentScenarios}). Each table lives in
 * {@code <warehouse>/<name>/dt=YYYY-MM-DD/}; the {@code dt} column comes from the folder name.
 */
public final class Tables {
    public static final String MESSAGES = "messages";
    public static final String CONVERSATIONS = "conversations";
    public static final String RULE_HITS = "rule_hits";
    public static final String AGENT_SEGMENTS = "agent_segments";
    public static final String AGENT_SCORECARDS = "agent_scorecards";
    public static final String AGENT_SCENARIOS = "agent_scenarios";
    public static final String QUARANTINE = "quarantine";
    public static final String RUNS = "runs";
    /** Reviewers' verdicts, appended by {@code chatqa review import}, never by a scoring run. */
    public static final String REVIEWS = "reviews";
    /** The conversations each {@code chatqa review sample} drew, never written by a scoring run. */
    public static final String REVIEW_QUEUE = "review_queue";

    /** Every table a run writes, in commit order. */
    public static final List<String> ALL = List.of(MESSAGES, CONVERSATIONS, AGENT_SEGMENTS, RULE_HITS, AGENT_SCORECARDS,
            AGENT_SCENARIOS, QUARANTINE, RUNS);

    /** Every table SQL can read: a run's, the reviews and the review queue. */
    public static final List<String> QUERIED = List.of(MESSAGES, CONVERSATIONS, AGENT_SEGMENTS, RULE_HITS, AGENT_SCORECARDS,
            AGENT_SCENARIOS, QUARANTINE, RUNS, REVIEWS, REVIEW_QUEUE);

    /** The tables whose rows are written one by one from records (the rest are aggregated). */
    public static final List<Table<?>> WRITTEN = List.of(MessagesTable.TABLE, ConversationsTable.TABLE, AgentSegmentsTable.TABLE,
            RuleHitsTable.TABLE, QuarantineTable.TABLE, RunsTable.TABLE, ReviewsTable.TABLE, ReviewQueueTable.TABLE);

    private Tables() {
    }
}
