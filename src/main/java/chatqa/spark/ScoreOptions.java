package chatqa.spark;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import chatqa.ingest.ExportMapping;
import chatqa.rules.RuleBook;

/**
 * Everything one scoring run needs, validated before Spark starts.
 *
 * @param day null: the day most conversations of the input start on
 * @param maskWarehouse store message texts, words, evidence and quarantined rows with personal data masked
 */
public record ScoreOptions(
        List<String> inputs,
        ExportMapping mapping,
        String mappingSource,
        RuleBook ruleBook,
        ZoneId timezone,
        LocalDate day,
        String warehouse,
        String reports,
        boolean maskWarehouse) {

    public ScoreOptions {
        inputs = List.copyOf(inputs);
    }

    /** Options that keep the raw text in {@code messages} (the default). */
    public ScoreOptions(List<String> inputs, ExportMapping mapping, String mappingSource, RuleBook ruleBook, ZoneId timezone,
                        LocalDate day, String warehouse, String reports) {
        this(inputs, mapping, mappingSource, ruleBook, timezone, day, warehouse, reports, false);
    }
}
