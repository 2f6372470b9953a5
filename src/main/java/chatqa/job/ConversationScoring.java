package chatqa.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

import chatqa.ingest.QuarantinedRow;
import chatqa.ingest.RatingJoin;
import chatqa.ingest.Sessionizer;
import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.privacy.PersonalDataMask;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.score.ConversationScore;
import chatqa.score.ConversationScorer;
import chatqa.score.RuleError;
import chatqa.warehouse.ConversationRows;
import chatqa.warehouse.StagedTable;
import chatqa.warehouse.Tables;
import chatqa.warehouse.WarehouseMask;

/**
 * The scoring task: takes one partition of parsed rows sorted by group key, sessionizes and
 * scores each conversation key's messages, and writes the messages, conversations, agent parts,
 * rule checks and quarantined rows straight into the run's staged tables, returning only a
 * {@link RunTally}. One pass over the data, holding one conversation key at a time. The scorer
 * (phrase automaton, segmenter) is built once per executor JVM and rule book, from the rule
 * book's YAML shipped with the task.
 */
final class ConversationScoring implements FlatMapFunction<Iterator<Row>, RunTally> {
    private static final ConcurrentHashMap<String, ConversationScorer> SCORERS = new ConcurrentHashMap<>();
    private static final WarehouseMask MASK = new WarehouseMask(PersonalDataMask.standard());
    /** Conversations segmented together before they are scored (a few thousand messages). */
    private static final int BATCH = 128;

    private final String ruleBookYaml;
    private final String ruleBookSource;
    private final String ruleBookSha;
    private final boolean maskWarehouse;
    private final boolean storeWords;
    private final String zone;
    private final String runId;
    private final Map<String, StagedTable> tables;

    /** {@code tables}: the staged messages, conversations, agent_segments, rule_hits and quarantine tables. */
    ConversationScoring(RuleBook book, boolean maskWarehouse, boolean storeWords, ZoneId zone, String runId, Map<String, StagedTable> tables) {
        this.ruleBookYaml = book.yaml();
        this.ruleBookSource = book.source();
        this.ruleBookSha = book.sha256();
        this.maskWarehouse = maskWarehouse;
        this.storeWords = storeWords;
        this.zone = zone.getId();
        this.runId = runId;
        this.tables = Map.copyOf(tables);
    }

    @Override
    public Iterator<RunTally> call(Iterator<Row> rows) {
        ConversationScorer scorer = SCORERS.computeIfAbsent(ruleBookSha,
                sha -> new ConversationScorer(RuleBookLoader.parse(ruleBookYaml, ruleBookSource)));
        TaskContext task = TaskContext.get();
        Partition out = new Partition(scorer, task == null ? 0 : task.partitionId(), task == null ? 0 : task.attemptNumber());
        try {
            out.consume(rows);
            out.commit();
        } catch (IOException e) {
            out.abort();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            out.abort();
            throw e;
        }
        return List.of(out.tally).iterator();
    }

    /** The writers and tally of one task. */
    private final class Partition {
        private final ConversationScorer scorer;
        private final Sessionizer sessionizer;
        private final WarehouseMask mask = maskWarehouse ? MASK : null;
        private final ZoneId zoneId = ZoneId.of(zone);
        private final RunTally tally = new RunTally();
        private final StagedTable.Writer messages;
        private final StagedTable.Writer conversations;
        private final StagedTable.Writer segments;
        private final StagedTable.Writer hits;
        private final StagedTable.Writer quarantine;
        private final List<StagedTable.Writer> all;
        /** Conversations sessionized but not yet scored: at most {@link #BATCH}. */
        private final List<Conversation> pending = new ArrayList<>();

        Partition(ConversationScorer scorer, int partition, int attempt) {
            this.scorer = scorer;
            this.sessionizer = new Sessionizer(scorer.ruleBook().inactivityGap());
            messages = tables.get(Tables.MESSAGES).open(partition, attempt, runId);
            conversations = tables.get(Tables.CONVERSATIONS).open(partition, attempt, runId);
            segments = tables.get(Tables.AGENT_SEGMENTS).open(partition, attempt, runId);
            hits = tables.get(Tables.RULE_HITS).open(partition, attempt, runId);
            quarantine = tables.get(Tables.QUARANTINE).open(partition, attempt, runId);
            all = List.of(messages, conversations, segments, hits, quarantine);
        }

        void consume(Iterator<Row> rows) {
            String key = null;
            List<Message> group = new ArrayList<>();
            List<Message> ratings = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                String kind = r.getAs("kind");
                switch (kind) {
                    case ParsedRows.KIND_MESSAGE, ParsedRows.KIND_RATING -> {
                        String k = r.getAs("group_key");
                        if (!k.equals(key)) {
                            score(group, ratings);
                            group.clear();
                            ratings.clear();
                            key = k;
                        }
                        // A key's ratings and messages arrive in any order: ratings are joined once all are in.
                        (kind.equals(ParsedRows.KIND_RATING) ? ratings : group).add(ParsedRows.toMessage(r));
                    }
                    case ParsedRows.KIND_QUARANTINE -> {
                        quarantine.write(ConversationRows.quarantined(r.getAs("file"), r.getAs("line"), r.getAs("reason"),
                                r.getAs("field"), r.getAs("detail"), r.getAs("raw"), mask));
                        tally.quarantined(new RunTally.Example(r.getAs("file"), r.getAs("line"), r.getAs("reason"),
                                r.getAs("field"), r.getAs("detail")));
                    }
                    default -> tally.fileRead(r.getAs("file"), r.getAs("encoding"), r.getAs("time_only"));
                }
            }
            score(group, ratings);
            scorePending();
        }

        /** Sessionizes one key's messages, with the ratings of a --ratings file joined onto its conversations, and queues them for scoring. */
        private void score(List<Message> group, List<Message> ratings) {
            if (group.isEmpty() && ratings.isEmpty()) {
                return;
            }
            group.forEach(m -> tally.accepted(m.source().file()));
            Sessionizer.Result split = group.isEmpty() ? new Sessionizer.Result(List.of(), List.of()) : sessionizer.split(group);
            for (QuarantinedRow d : split.duplicates()) {
                quarantine.write(ConversationRows.quarantined(d, mask));
                tally.duplicate(new RunTally.Example(d.file(), d.line(), d.reason().code(), d.field(), d.detail()));
            }
            List<Conversation> rated = split.conversations();
            if (!ratings.isEmpty()) {
                RatingJoin.Result joined = RatingJoin.join(rated, ratings);
                rated = joined.conversations();
                joined.joined().forEach(r -> tally.ratingJoined(r.source().file()));
                for (QuarantinedRow u : joined.unmatched()) {
                    quarantine.write(ConversationRows.quarantined(u, mask));
                    tally.quarantined(new RunTally.Example(u.file(), u.line(), u.reason().code(), u.field(), u.detail()));
                }
            }
            pending.addAll(rated);
            if (pending.size() >= BATCH) {
                scorePending();
            }
        }

        /**
         * Scores the conversations waiting in three sweeps — segment all their messages, enrich
         * them all (phrase automaton, sentiment), then check and write each — so HanLP's
         * dictionaries (tens of MB), the automaton and the sentiment weights stay in the processor's
         * caches through a sweep instead of being pushed out by the checks and Parquet writes
         * between two conversations.
         */
        private void scorePending() {
            List<List<chatqa.enrich.SegmentedText>> words = new ArrayList<>(pending.size());
            for (Conversation c : pending) {
                words.add(chatqa.enrich.MessageEnricher.segment(c));
            }
            List<List<chatqa.enrich.EnrichedMessage>> enriched = new ArrayList<>(pending.size());
            for (int i = 0; i < pending.size(); i++) {
                enriched.add(scorer.enrich(pending.get(i), words.get(i)));
            }
            for (int i = 0; i < pending.size(); i++) {
                Conversation c = pending.get(i);
                ConversationScore s = scorer.score(c, enriched.get(i));
                ConversationRows rows = ConversationRows.of(s, mask, storeWords);
                conversations.write(rows.conversation());
                for (Row m : rows.messages()) {
                    messages.write(m);
                }
                for (Row p : rows.segments()) {
                    segments.write(p);
                }
                for (Row h : rows.hits()) {
                    hits.write(h);
                }
                for (RuleError e : s.ruleErrors()) {
                    quarantine.write(ConversationRows.ruleError(e, s.messages().get(e.messageSeq() - 1).message().source()));
                    tally.ruleError(e.owner());
                }
                tally.conversation(s.outcome().outcome().code(), s.verdicts().qaScore() != null, s.scenarioNames(),
                        c.startedAt() == null ? null : c.startedAt().atZone(zoneId).toLocalDate());
            }
            pending.clear();
        }

        void commit() throws IOException {
            for (StagedTable.Writer w : all) {
                w.commit();
            }
        }

        void abort() {
            all.forEach(StagedTable.Writer::abort);
        }
    }
}
