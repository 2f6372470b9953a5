package chatqa.config;

import java.util.List;

/**
 * A rule book or export mapping that cannot be used. Each problem names the file, the line and
 * the field, so a QA manager can fix the YAML without reading code. Thrown before any data is read.
 */
public class ConfigError extends RuntimeException {
    private final List<String> problems;

    public ConfigError(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigError(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
