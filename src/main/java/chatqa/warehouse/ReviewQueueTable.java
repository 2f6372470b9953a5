package chatqa.warehouse;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.time.Instant;
import java.util.List;

/**
 * The {@code review_queue} table: one row per conversation a {@code chatqa review sample} drew,
 * {@code dt} the scored day. Every draw is kept; a day's queue is its latest draw (view
 * {@code review_backlog}). The sampling reads it to spread the queue over the week's agents,
 * the digest to show what is still waiting for a reviewer.
 */
public final class ReviewQueueTable {
    /** One drawn conversation. */
    public record Queued(String conversationId, String shopId, String agentId, String reason, Double qaScore, long seed, String drawId,
                         Instant drawnAt) {
    }

    public static final Table<Queued> TABLE = new Table<>(Tables.REVIEW_QUEUE, List.of(
            new Column<>("conversation_id", StringType, "the drawn conversation", Queued::conversationId),
            new Column<>("shop_id", StringType, "", Queued::shopId),
            new Column<>("agent_id", StringType, "its first part's agent, `(unknown)` without an id", Queued::agentId),
            new Column<>("reason", StringType, "why it was drawn: `control`, `red_line`, `platform_intervention`, `complaint_threat`, "
                    + "`low_satisfaction`, `agent_coverage` (the reviews' `sample_reason`)", Queued::reason),
            new Column<>("qa_score", DoubleType, "its machine QA score when drawn", Queued::qaScore),
            new Column<>("seed", LongType, "the draw's seed (the same seed on the same day draws the same queue)", Queued::seed),
            new Column<>("draw_id", StringType, "the draw that chose it", Queued::drawId),
            new Column<>("drawn_at", TimestampType, "", Queued::drawnAt)));

    private ReviewQueueTable() {
    }
}
