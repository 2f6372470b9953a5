package chatqa.cli;

import picocli.CommandLine.Option;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.MappingLoader;

/** {@code --mapping}, the same for every command that reads exports. */
final class MappingOption {
    @Option(names = "--mapping", paramLabel = "FILE|NAME",
            description = "Export mapping (YAML) for exports not in the canonical schema, or a built-in one by name (jddc).")
    String mapping;

    ExportMapping load() {
        return MappingLoader.loadOrCanonical(mapping);
    }
}
