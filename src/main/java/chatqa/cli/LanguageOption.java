package chatqa.cli;

import picocli.CommandLine.Option;

import chatqa.publish.ReportLanguage;
import chatqa.rules.RuleBook;

/** {@code --lang}: the language of the reports and the scorecard CSV, for every command that writes them. */
final class LanguageOption {
    @Option(names = "--lang", paramLabel = "zh|en",
            description = "Language of the HTML report and the CSV headers: zh (中文) or en; default: the rule book's report.language (zh).")
    String lang;

    /** --lang when given, else the rule book's language. */
    ReportLanguage resolve(RuleBook book) {
        try {
            return ReportLanguage.of(lang != null ? lang : book.reportLanguage());
        } catch (IllegalArgumentException e) {
            throw new ChatQa.BadArgument("--lang " + lang + ": expected zh or en");
        }
    }
}
