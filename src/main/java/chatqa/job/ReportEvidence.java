package chatqa.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import chatqa.publish.DayReport.AgentPage;
import chatqa.publish.DayReport.Failure;
import chatqa.publish.Evidence;
import chatqa.warehouse.Scorecards;

/**
 * The evidence of one day's report: the failed checks shown on the agents' pages, each with its
 * message and the customer message before it, read from rule_hits and messages with Spark SQL and
 * bounded per agent and rule, never by the number of messages.
 */
final class ReportEvidence {
    /** Failed checks shown per agent and rule; the page says when there are more. */
    static final int EVIDENCE_PER_RULE = 20;

    private final SparkSession spark;
    private final String day;

    ReportEvidence(SparkSession spark, String day) {
        this.spark = spark;
        this.day = day;
    }

    /**
     * The first {@link #EVIDENCE_PER_RULE} failed checks of every agent and rule, each with its message and the customer
     * message before it, streamed to the driver one partition at a time in (shop, agent) order and
     * handed over one agent at a time: the driver never holds more than a partition of them.
     * Messages are read once, only for conversations with evidence, and the customer message
     * before each comes from a window over its conversation instead of a second join.
     */
    Evidence read() {
        String q = """
                WITH f AS (
                  SELECT * FROM (
                    SELECT shop_id, coalesce(agent_id, '%2$s') AS agent, rule_id, conversation_id, message_seq, span_start,
                           span_end, evidence, points_deducted, fatal,
                           row_number() OVER (PARTITION BY shop_id, coalesce(agent_id, '%2$s'), rule_id
                                              ORDER BY conversation_id, message_seq) AS n
                    FROM rule_hits WHERE dt = DATE'%1$s' AND NOT passed) WHERE n <= %3$d),
                m AS (
                  SELECT conversation_id, seq, role, text, sent_at,
                         last(CASE WHEN role = 'customer' THEN text END, true) OVER (PARTITION BY conversation_id ORDER BY seq
                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
                  FROM messages WHERE dt = DATE'%1$s' AND conversation_id IN (SELECT conversation_id FROM f))
                SELECT f.shop_id, f.agent, f.rule_id, f.conversation_id, f.message_seq, date_format(m.sent_at, 'yyyy-MM-dd HH:mm:ss') AS sent_at,
                       m.role, m.text, f.span_start, f.span_end, f.evidence, f.points_deducted, f.fatal, m.before
                FROM f LEFT JOIN m ON m.conversation_id = f.conversation_id AND m.seq = f.message_seq
                ORDER BY f.shop_id, f.agent, f.rule_id, f.conversation_id, f.message_seq""".formatted(day, Scorecards.UNKNOWN_AGENT,
                EVIDENCE_PER_RULE);
        return agent -> {
            Iterator<Row> rows = spark.sql(q).toLocalIterator();
            String key = null;
            List<Failure> failures = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                String k = AgentPage.key(r.getAs("shop_id"), r.getAs("agent"));
                if (!k.equals(key)) {
                    if (key != null) {
                        agent.accept(key, failures);
                    }
                    key = k;
                    failures = new ArrayList<>();
                }
                Integer seq = r.getAs("message_seq");
                Integer points = r.getAs("points_deducted");
                Boolean fatal = r.getAs("fatal");
                failures.add(new Failure(r.getAs("rule_id"), r.getAs("conversation_id"), seq == null ? 0 : seq, r.getAs("sent_at"),
                        r.getAs("role"), r.getAs("text"), r.getAs("span_start"), r.getAs("span_end"), r.getAs("evidence"),
                        points == null ? 0 : points, fatal != null && fatal, r.getAs("before")));
            }
            if (key != null) {
                agent.accept(key, failures);
            }
        };
    }

}
