package chatqa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import chatqa.enrich.Segmenter;
import chatqa.ingest.ExportMapping;
import chatqa.ingest.ExportReader;
import chatqa.ingest.InputFile;
import chatqa.ingest.MappingLoader;
import chatqa.ingest.QuarantinedRow;
import chatqa.ingest.RowSink;
import chatqa.model.Message;

/**
 * {@code chatqa bench segment}: the floor of the job's NLP step for jobs/bench.sh. Reads the
 * export files with the job's readers and segments every accepted message's text with the job's
 * {@link Segmenter}, on one thread, timing only the segmentation calls. The dictionaries are
 * loaded before the clock starts; JIT warm-up is part of the measurement, as it is in the job.
 */
@Command(name = "bench", hidden = true, description = "Measurements for jobs/bench.sh.",
        subcommands = BenchCommand.Segment.class)
final class BenchCommand {

    @Command(name = "segment", mixinStandardHelpOptions = true,
            description = "Segment every message text under --input on one thread; print messages, characters and seconds.")
    static final class Segment implements Callable<Integer> {
        @Option(names = "--input", required = true, paramLabel = "DIR", description = "Export files or folders.")
        List<Path> inputs;

        @Option(names = "--mapping", paramLabel = "FILE|NAME", description = "Export mapping, as for score.")
        String mapping;

        @Option(names = "--timezone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE")
        String timezone;

        private long messages;
        private long chars;
        private long words;
        private long segmentNanos;

        @Override
        public Integer call() throws IOException {
            ExportMapping m = mapping == null ? ExportMapping.canonical() : MappingLoader.load(mapping);
            ZoneId zone = ZoneId.of(timezone);
            long loadStart = System.nanoTime();
            Segmenter.segment("您好，请问有什么可以帮您");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long wallStart = System.nanoTime();
            List<Path> files = files();
            for (int i = 0; i < files.size(); i++) {
                Path p = files.get(i);
                InputFile file = new InputFile(p.toString(), i, Files.size(p), "");
                try (InputStream in = Files.newInputStream(p)) {
                    ExportReader.forFile(m, zone, file).read(in, file, new RowSink() {
                        @Override
                        public void accept(Message message) {
                            segment(message.text());
                        }

                        @Override
                        public void quarantine(QuarantinedRow row) {
                        }
                    });
                }
            }
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double seconds = segmentNanos / 1e9;
            System.out.printf("files=%d%nmessages=%d%nchars=%d%nwords=%d%ndictionary_load_seconds=%.3f%n"
                            + "read_and_segment_seconds=%.3f%nsegment_seconds=%.3f%nmessages_per_second=%.0f%nchars_per_second=%.0f%n",
                    files.size(), messages, chars, words, loadSeconds, wall, seconds, messages / seconds, chars / seconds);
            return ChatQa.OK;
        }

        private void segment(String text) {
            long t = System.nanoTime();
            int n = Segmenter.segment(text).words().size();
            segmentNanos += System.nanoTime() - t;
            messages++;
            chars += text.length();
            words += n;
        }

        private List<Path> files() throws IOException {
            List<Path> out = new ArrayList<>();
            for (Path p : inputs) {
                if (!Files.exists(p)) {
                    throw new ChatQa.BadArgument("--input " + p + ": no such file or folder");
                }
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
                }
            }
            return out;
        }
    }
}
