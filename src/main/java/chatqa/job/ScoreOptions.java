package chatqa.job;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import chatqa.ingest.ExportMapping;
import chatqa.publish.ReportLanguage;
import chatqa.publish.Words;
import chatqa.rules.RuleBook;
import chatqa.warehouse.CommitGate;

/**
 * Everything one scoring run needs, validated before Spark starts.
 *
 * @param day null: the day most conversations of the input start on
 * @param maskWarehouse store message texts, words, evidence and quarantined rows with personal data masked
 * @param storeWords    keep each message's words in {@code messages.words} (--store-words)
 * @param gate     when the run may replace its day (minimum acceptance, --force, --date-from-data)
 * @param lockWait how long to wait for another run that holds the warehouse
 * @param htmlReport build the day's HTML report after committing (a backfill of many days may skip it)
 * @param language the reports' language (--lang, else the rule book's report.language)
 * @param ratings  separate ratings files to join onto the conversations (--ratings), or {@link RatingsInput#NONE}
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
        boolean maskWarehouse,
        boolean storeWords,
        CommitGate gate,
        Duration lockWait,
        boolean htmlReport,
        ReportLanguage language,
        RatingsInput ratings) {

    public ScoreOptions {
        inputs = List.copyOf(inputs);
        ratings = ratings == null ? RatingsInput.NONE : ratings;
    }

    /** Options that keep the raw text in {@code messages} (the default), with the default safeguards. */
    public ScoreOptions(List<String> inputs, ExportMapping mapping, String mappingSource, RuleBook ruleBook, ZoneId timezone,
                        LocalDate day, String warehouse, String reports) {
        this(inputs, mapping, mappingSource, ruleBook, timezone, day, warehouse, reports, false, false, CommitGate.DEFAULT, Duration.ZERO, true,
                ReportLanguage.of(ruleBook.reportLanguage()), RatingsInput.NONE);
    }

    /** The same options with another commit gate. */
    public ScoreOptions withGate(CommitGate other) {
        return new ScoreOptions(inputs, mapping, mappingSource, ruleBook, timezone, day, warehouse, reports, maskWarehouse, storeWords, other,
                lockWait, htmlReport, language, ratings);
    }

    /** The same options, with the reports in another language. */
    public ScoreOptions withLanguage(ReportLanguage other) {
        return new ScoreOptions(inputs, mapping, mappingSource, ruleBook, timezone, day, warehouse, reports, maskWarehouse, storeWords, gate,
                lockWait, htmlReport, other, ratings);
    }

    /** The same options, joining the ratings of {@code other} onto the conversations. */
    public ScoreOptions withRatings(RatingsInput other) {
        return new ScoreOptions(inputs, mapping, mappingSource, ruleBook, timezone, day, warehouse, reports, maskWarehouse, storeWords, gate,
                lockWait, htmlReport, language, other);
    }

    /** The words of this run's reports (its language, its rule book's scenario names). */
    public Words words() {
        return Words.of(language, ruleBook);
    }

    /** The same options, building no HTML report (the scorecard CSV is still written). */
    public ScoreOptions withoutHtmlReport() {
        return new ScoreOptions(inputs, mapping, mappingSource, ruleBook, timezone, day, warehouse, reports, maskWarehouse, storeWords, gate,
                lockWait, false, language, ratings);
    }
}
