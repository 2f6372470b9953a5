package chatqa.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.enrich.Segmenter;
import chatqa.ingest.ExportMapping;
import chatqa.ingest.ExportReader;
import chatqa.ingest.InputFile;
import chatqa.ingest.QuarantinedRow;
import chatqa.ingest.RowSink;
import chatqa.model.Message;

/**
 * {@code chatqa bench segment}: the floor of the job's NLP step for jobs/bench.sh. Reads the
 * export files with the job's readers and segments every accepted message's text with the job's
 * {@link Segmenter}, on one thread. The texts are read into memory first, so the clock covers
 * segmentation alone; the dictionaries are loaded before it starts, JIT warm-up is part of the
 * measurement, as it is in the job.
 */
@Command(name = "bench", hidden = true, description = "Measurements for jobs/bench.sh.",
        subcommands = BenchCommand.Segment.class)
final class BenchCommand {

    @Command(name = "segment", mixinStandardHelpOptions = true,
            description = "Segment every message text under --input on one thread; print messages, characters and seconds.")
    static final class Segment implements Callable<Integer> {
        @Option(names = "--input", required = true, paramLabel = "DIR", description = "Export files or folders.")
        List<Path> inputs;

        @Mixin
        MappingOption mapping;

        @Mixin
        TimezoneOption timezone;

        @Override
        public Integer call() throws IOException {
            ExportMapping m = mapping.load();
            ZoneId zone = timezone.zone();
            long loadStart = System.nanoTime();
            Segmenter.segment("您好，请问有什么可以帮您");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long readStart = System.nanoTime();
            List<Path> files = files();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path p = files.get(i);
                InputFile file = new InputFile(p.toString(), i, Files.size(p), "");
                try (InputStream in = Files.newInputStream(p)) {
                    ExportReader.forFile(m, zone, file).read(in, file, new RowSink() {
                        @Override
                        public void accept(Message message) {
                            texts.add(message.text());
                        }

                        @Override
                        public void quarantine(QuarantinedRow row) {
                        }
                    });
                }
            }
            double readSeconds = (System.nanoTime() - readStart) / 1e9;
            // Wall and CPU time of the segmentation loop alone: on a shared machine the CPU time is
            // the steadier figure, as other load stretches wall time.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long chars = 0;
            long words = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (String text : texts) {
                words += Segmenter.segment(text).words().size();
                chars += text.length();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "files=%d%nmessages=%d%nchars=%d%nwords=%d%ndictionary_load_seconds=%.3f%n"
                            + "read_seconds=%.3f%nsegment_seconds=%.3f%nsegment_cpu_seconds=%.3f%nmessages_per_second=%.0f%n"
                            + "chars_per_second=%.0f%n",
                    files.size(), texts.size(), chars, words, loadSeconds, readSeconds, seconds, cpuSeconds,
                    texts.size() / seconds, chars / seconds);
            return ChatQa.OK;
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
