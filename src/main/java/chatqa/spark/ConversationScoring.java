package chatqa.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;

import chatqa.ingest.QuarantinedRow;
import chatqa.ingest.Sessionizer;
import chatqa.model.Conversation;
import chatqa.model.Message;
import chatqa.publish.PersonalDataMask;
import chatqa.publish.WarehouseMask;
import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;
import chatqa.score.ConversationScorer;

/**
 * Spark task that sessionizes and scores the messages of one conversation key, emitting one
 * {@link Stages#BUNDLE} row per conversation. The scorer (phrase automaton, segmenter) is built
 * once per executor JVM and rule book, from the rule book's YAML shipped with the task.
 */
final class ConversationScoring implements FlatMapGroupsFunction<String, Row, Row> {
    private static final ConcurrentHashMap<String, ConversationScorer> SCORERS = new ConcurrentHashMap<>();
    private static final WarehouseMask MASK = new WarehouseMask(PersonalDataMask.standard());

    private final String ruleBookYaml;
    private final String ruleBookSource;
    private final String ruleBookSha;
    private final boolean maskWarehouse;

    ConversationScoring(RuleBook book, boolean maskWarehouse) {
        this.ruleBookYaml = book.yaml();
        this.ruleBookSource = book.source();
        this.ruleBookSha = book.sha256();
        this.maskWarehouse = maskWarehouse;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> rows) {
        ConversationScorer scorer = SCORERS.computeIfAbsent(ruleBookSha,
                sha -> new ConversationScorer(RuleBookLoader.parse(ruleBookYaml, ruleBookSource)));
        List<Message> messages = new ArrayList<>();
        rows.forEachRemaining(r -> messages.add(RowCodec.message(r)));
        Sessionizer.Result split = new Sessionizer(scorer.ruleBook().inactivityGap()).split(messages);
        List<Row> out = new ArrayList<>(split.conversations().size());
        WarehouseMask mask = maskWarehouse ? MASK : null;
        List<QuarantinedRow> duplicates = split.duplicates();
        for (Conversation c : split.conversations()) {
            out.add(RowCodec.bundle(scorer.score(c), duplicates, mask));
            duplicates = List.of();
        }
        return out.iterator();
    }
}
