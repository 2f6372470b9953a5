package chatqa.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import picocli.CommandLine.Option;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.LayoutDetection;
import chatqa.ingest.MappingLoader;

/** {@code --mapping}, the same for every command that reads exports. */
final class MappingOption {
    @Option(names = "--mapping", paramLabel = "FILE|NAME", defaultValue = "auto",
            description = "Export mapping (YAML), a built-in one by name (jddc, jd-chatlog, taobao-chatlog, "
                    + "taobao-chat-copy, pdd-chat, pdd-xlsx, qiyu-export, udesk-im, meiqia, aliyun-sca), "
                    + "or auto (default): the layout recognised from the files' header or JSON keys, else the canonical schema.")
    String mapping;

    /** The mapping for {@code inputs}: the one named, or the one their first records show (said on stderr). */
    ExportMapping load(List<?> inputs) {
        if (mapping != null && !"auto".equals(mapping)) {
            return MappingLoader.load(mapping);
        }
        try {
            LayoutDetection.Chosen chosen = LayoutDetection.choose(inputs.stream().map(Object::toString).toList());
            chatqa.job.Progress.say("%s", chosen.said());
            return chosen.mapping();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
