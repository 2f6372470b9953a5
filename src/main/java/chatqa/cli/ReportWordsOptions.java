package chatqa.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.publish.Words;
import chatqa.rules.RuleBook;

/**
 * Where a command that writes for people puts its files, and in which words: {@code --reports},
 * {@code --rules} (scenario names, the default language) and {@code --lang}; for report and review.
 */
final class ReportWordsOptions {
    @Option(names = "--reports", defaultValue = "reports", paramLabel = "DIR", description = "Reports root (default: ${DEFAULT-VALUE}).")
    String reports;

    @Mixin
    RulesOption rules;

    @Mixin
    LanguageOption language;

    /** The words of the files: the rule book names the scenarios (rules' names come from the warehouse). */
    Words words() {
        RuleBook book = rules.loadForNames();
        return Words.of(language.resolve(book), book);
    }
}
