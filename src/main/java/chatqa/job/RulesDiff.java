package chatqa.job;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.model.Role;
import chatqa.model.SourceRef;
import chatqa.publish.RulesDiffPage;
import chatqa.publish.RulesDiffReport;
import chatqa.publish.Words;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.score.CheckResult;
import chatqa.score.ConversationScore;
import chatqa.score.ConversationScorer;
import chatqa.score.SegmentScore;
import chatqa.warehouse.Scorecards;
import chatqa.warehouse.WarehouseViews;

/**
 * {@code chatqa rules diff}: the warehouse's stored messages of some days scored again with
 * another rule book, into a scratch folder (never the warehouse), and compared with what the
 * warehouse holds: each rule's pass rate, each agent's QA score and rank, every check whose
 * verdict flips (with the new evidence), and — where reviewers judged a check — which book agrees
 * with them. Messages are regrouped into their conversations on the executors and scored there.
 */
public final class RulesDiff {
    /** What changed, for the command's summary; the details are CSV files in the scratch folder. */
    public record Outcome(long conversations, long checks, long flipped, long reviewedChecks, long oldAgrees, long newAgrees, Path folder,
                          Path page) {
    }

    private static final StructType CHECKS = new StructType().add("dt", DataTypes.DateType).add("conversation_id", DataTypes.StringType)
            .add("shop_id", DataTypes.StringType).add("segment", DataTypes.IntegerType).add("agent_id", DataTypes.StringType)
            .add("rule_id", DataTypes.StringType).add("passed", DataTypes.BooleanType).add("points_deducted", DataTypes.IntegerType)
            .add("evidence", DataTypes.StringType).add("part_qa_score", DataTypes.DoubleType);

    private final SparkSession spark;

    public RulesDiff(SparkSession spark) {
        this.spark = spark;
    }

    public Outcome run(String warehouse, RuleBook book, String from, String to, Path folder, Words words) throws IOException {
        Path root = Path.of(warehouse).toAbsolutePath().normalize();
        if (folder.toAbsolutePath().normalize().startsWith(root)) {
            throw new IOException("--out " + folder + " is inside the warehouse " + warehouse + ": a diff never writes there");
        }
        WarehouseViews.register(spark, warehouse);
        if (!spark.catalog().tableExists("messages") || !spark.catalog().tableExists("rule_hits")) {
            throw new IOException("the warehouse " + warehouse + " has no scored days to compare with");
        }
        String days = "dt BETWEEN DATE'" + from + "' AND DATE'" + to + "'";
        Dataset<Row> messages = spark.sql("SELECT dt, conversation_id, message_id, seq, sent_at, role, agent_id, customer_id, shop_id, text, "
                + "source_file, source_line FROM messages WHERE " + days);
        String yaml = book.yaml();
        String source = book.source();
        Dataset<Row> fresh = spark.createDataFrame(messages.toJavaRDD()
                .groupBy(r -> r.getAs("dt").toString() + "\u0000" + r.getAs("conversation_id"))
                .flatMap(new Rescore(yaml, source, book.sha256())), CHECKS);
        Path out = Files.createDirectories(folder);
        fresh.write().mode("overwrite").parquet(out.resolve("checks").toString());
        spark.read().parquet(out.resolve("checks").toString()).createOrReplaceTempView("diff_new");

        String unknown = "'" + Scorecards.UNKNOWN_AGENT + "'";
        Dataset<Row> rules = spark.sql("""
                SELECT coalesce(o.rule_id, n.rule_id) AS rule_id, count(o.rule_id) AS checked_before, count(n.rule_id) AS checked_after,
                       avg(CASE WHEN o.passed THEN 1D WHEN NOT o.passed THEN 0D END) AS pass_rate_before,
                       avg(CASE WHEN n.passed THEN 1D WHEN NOT n.passed THEN 0D END) AS pass_rate_after,
                       count_if(o.passed <> n.passed) AS flipped
                FROM (SELECT * FROM rule_hits WHERE %s) o
                FULL OUTER JOIN diff_new n ON o.dt = n.dt AND o.conversation_id = n.conversation_id AND o.segment = n.segment AND o.rule_id = n.rule_id
                GROUP BY coalesce(o.rule_id, n.rule_id) ORDER BY flipped DESC, rule_id""".formatted(days));
        csv(rules, out.resolve("rules.csv"));
        spark.sql("""
                WITH parts AS (SELECT DISTINCT dt, conversation_id, segment, shop_id, coalesce(agent_id, %1$s) AS agent_id, part_qa_score FROM diff_new),
                before AS (SELECT shop_id, coalesce(agent_id, %1$s) AS agent_id, avg(qa_score) AS qa_score FROM agent_segments WHERE %2$s
                           AND qa_score IS NOT NULL GROUP BY shop_id, coalesce(agent_id, %1$s)),
                after AS (SELECT shop_id, agent_id, avg(part_qa_score) AS qa_score FROM parts WHERE part_qa_score IS NOT NULL GROUP BY shop_id, agent_id)
                SELECT coalesce(b.shop_id, a.shop_id) AS shop_id, coalesce(b.agent_id, a.agent_id) AS agent_id, b.qa_score AS qa_score_before,
                       a.qa_score AS qa_score_after, a.qa_score - b.qa_score AS change,
                       rank() OVER (PARTITION BY coalesce(b.shop_id, a.shop_id) ORDER BY b.qa_score DESC) AS rank_before,
                       rank() OVER (PARTITION BY coalesce(b.shop_id, a.shop_id) ORDER BY a.qa_score DESC) AS rank_after
                FROM before b FULL OUTER JOIN after a ON b.shop_id <=> a.shop_id AND b.agent_id = a.agent_id""".formatted(unknown, days))
                .createOrReplaceTempView("diff_agents");
        csv(spark.sql("SELECT * FROM diff_agents ORDER BY shop_id, rank_after, agent_id"), out.resolve("agents.csv"));
        Dataset<Row> flips = spark.sql("""
                SELECT n.dt, n.conversation_id, n.segment, n.agent_id, n.rule_id, o.passed AS passed_before, n.passed AS passed_after,
                       o.evidence AS evidence_before, n.evidence AS evidence_after
                FROM diff_new n JOIN (SELECT * FROM rule_hits WHERE %s) o ON o.dt = n.dt AND o.conversation_id = n.conversation_id
                     AND o.segment = n.segment AND o.rule_id = n.rule_id
                WHERE o.passed <> n.passed ORDER BY n.dt, n.conversation_id, n.segment, n.rule_id""".formatted(days));
        csv(flips, out.resolve("flips.csv"));
        long flipped = flips.count();
        long reviewed = 0;
        long oldAgrees = 0;
        long newAgrees = 0;
        if (spark.catalog().tableExists("reviews")) {
            // A reviewer who agrees says the stored verdict was right; one who disagrees, that its opposite was.
            Row r = spark.sql("""
                    WITH latest AS (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY dt, conversation_id, segment, rule_id
                                    ORDER BY imported_at DESC, source_row DESC) AS k FROM reviews) WHERE k = 1 AND verdict IN ('agree', 'disagree') AND %s)
                    SELECT count(*) AS reviewed, count_if(verdict = 'agree') AS old_agrees,
                           count_if((verdict = 'agree') = (n.passed = l.machine_passed)) AS new_agrees
                    FROM latest l JOIN diff_new n ON n.dt = l.dt AND n.conversation_id = l.conversation_id AND n.segment = l.segment
                         AND n.rule_id = l.rule_id""".formatted(days)).first();
            reviewed = r.getLong(0);
            oldAgrees = r.getLong(1);
            newAgrees = r.getLong(2);
        }
        long conversations = spark.sql("SELECT count(DISTINCT dt, conversation_id) FROM diff_new").first().getLong(0);
        long checks = spark.sql("SELECT count(*) FROM diff_new").first().getLong(0);
        RulesDiffReport report = new RulesDiffReport(from, to, book.source(), conversations, checks, flipped, reviewed, oldAgrees, newAgrees,
                ruleChanges(rules, book), agentChanges(), spark.sql("SELECT count(*) FROM diff_agents WHERE " + AGENT_CHANGED).first().getLong(0),
                flips(flips));
        Path page = new RulesDiffPage(words, chatqa.privacy.PersonalDataMask.standard()).write(report, out);
        return new Outcome(conversations, checks, flipped, reviewed, oldAgrees, newAgrees, out, page);
    }

    /** An agent's standing changed: their score moved, or their rank, or they are scored under one book only. */
    private static final String AGENT_CHANGED = "(qa_score_before IS NULL) <> (qa_score_after IS NULL) OR abs(change) > 1e-9 "
            + "OR rank_before <> rank_after";

    private static List<RulesDiffReport.RuleChange> ruleChanges(Dataset<Row> rules, RuleBook book) {
        Map<String, String> names = new HashMap<>();
        book.rules().forEach(r -> names.put(r.id(), r.name()));
        List<RulesDiffReport.RuleChange> out = new ArrayList<>();
        for (Row r : rules.collectAsList()) { // one row per rule
            String id = r.getAs("rule_id");
            out.add(new RulesDiffReport.RuleChange(id, names.get(id), r.<Long>getAs("checked_before"), r.<Long>getAs("checked_after"),
                    r.getAs("pass_rate_before"), r.getAs("pass_rate_after"), r.<Long>getAs("flipped")));
        }
        return out;
    }

    private List<RulesDiffReport.AgentChange> agentChanges() {
        List<RulesDiffReport.AgentChange> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT * FROM diff_agents WHERE " + AGENT_CHANGED + " ORDER BY abs(coalesce(change, 100)) DESC, "
                + "abs(rank_before - rank_after) DESC, shop_id, agent_id LIMIT " + RulesDiffReport.SHOWN).collectAsList()) {
            out.add(new RulesDiffReport.AgentChange(r.getAs("shop_id"), r.getAs("agent_id"), r.getAs("qa_score_before"), r.getAs("qa_score_after"),
                    r.getAs("rank_before"), r.getAs("rank_after")));
        }
        return out;
    }

    private static List<RulesDiffReport.Flip> flips(Dataset<Row> flips) {
        List<RulesDiffReport.Flip> out = new ArrayList<>();
        for (Row r : flips.limit(RulesDiffReport.SHOWN).collectAsList()) {
            out.add(new RulesDiffReport.Flip(r.getAs("dt").toString(), r.getAs("conversation_id"), r.<Integer>getAs("segment"), r.getAs("agent_id"),
                    r.getAs("rule_id"), r.<Boolean>getAs("passed_before"), r.getAs("evidence_before"), r.getAs("evidence_after")));
        }
        return out;
    }

    private static void csv(Dataset<Row> result, Path file) throws IOException {
        QueryOutput.write(result, QueryOutput.Format.CSV, file, Integer.MAX_VALUE, System.out);
    }

    /** Scores each regrouped conversation with the new book; one scorer per book per executor JVM. */
    private static final class Rescore implements FlatMapFunction<scala.Tuple2<String, Iterable<Row>>, Row>, Serializable {
        private static final ConcurrentHashMap<String, ConversationScorer> SCORERS = new ConcurrentHashMap<>();
        private final String yaml;
        private final String source;
        private final String sha;

        Rescore(String yaml, String source, String sha) {
            this.yaml = yaml;
            this.source = source;
            this.sha = sha;
        }

        @Override
        public Iterator<Row> call(scala.Tuple2<String, Iterable<Row>> group) {
            ConversationScorer scorer = SCORERS.computeIfAbsent(sha, k -> new ConversationScorer(RuleBookLoader.parse(yaml, source)));
            List<Row> rows = new ArrayList<>();
            group._2().forEach(rows::add);
            rows.sort(Comparator.comparingInt(r -> r.<Integer>getAs("seq")));
            List<Message> messages = new ArrayList<>();
            for (Row r : rows) {
                Object at = r.getAs("sent_at");
                Instant sent = at == null ? null : at instanceof Instant i ? i : ((java.sql.Timestamp) at).toInstant();
                Long line = r.getAs("source_line");
                messages.add(new Message(r.getAs("conversation_id"), r.getAs("message_id"), sent, Role.fromCode(r.getAs("role")),
                        r.getAs("agent_id"), r.getAs("customer_id"), r.getAs("shop_id"), r.getAs("text"),
                        new SourceRef(r.getAs("source_file"), 0, line == null ? 0 : line)));
            }
            Row first = rows.get(0);
            ConversationScore s = scorer.score(new Conversation(first.getAs("conversation_id"), first.getAs("shop_id"), first.getAs("customer_id"),
                    messages));
            Object dt = first.getAs("dt");
            Date day = dt instanceof Date d ? d : Date.valueOf((java.time.LocalDate) dt);
            List<Row> out = new ArrayList<>();
            for (SegmentScore part : s.segments()) {
                for (CheckResult c : part.checks()) {
                    out.add(RowFactory.create(day, s.conversation().id(), s.conversation().shopId(), part.segment().index(),
                            part.segment().agentId(), c.rule().id(), c.passed(), c.pointsDeducted(), c.evidence().why(), part.verdicts().qaScore()));
                }
            }
            return out.iterator();
        }
    }
}
