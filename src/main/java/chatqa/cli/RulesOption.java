package chatqa.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import chatqa.rules.RuleBook;
import chatqa.rules.RuleBookLoader;

/** {@code --rules}, the same for every command that scores: loaded and probed before any data is read. */
final class RulesOption {
    @Option(names = "--rules", paramLabel = "FILE", description = "Rule book (YAML); default: the built-in rule book.")
    Path rules;

    RuleBook load() {
        return RuleBookLoader.loadSafe(rules);
    }

    /**
     * The rule book for commands that only read its names, tiers and language (report, review,
     * views): its regular expressions never run on data there, so they are not probed (the probe
     * has a time budget a loaded machine can miss).
     */
    RuleBook loadForNames() {
        return RuleBookLoader.loadOrDefault(rules);
    }
}
