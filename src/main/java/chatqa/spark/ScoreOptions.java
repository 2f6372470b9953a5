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
 */
public record ScoreOptions(
        List<String> inputs,
        ExportMapping mapping,
        String mappingSource,
        RuleBook ruleBook,
        ZoneId timezone,
        LocalDate day,
        String warehouse,
        String reports) {

    public ScoreOptions {
        inputs = List.copyOf(inputs);
    }
}
