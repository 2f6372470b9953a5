package chatqa.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import chatqa.sample.SampleDay;

/** {@code chatqa generate}: writes a synthetic, deterministic day of exports (the sample data). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic synthetic day of chat exports (two shops, bots, transfers, complaints, bad rows).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--date", defaultValue = "2026-11-20", paramLabel = "YYYY-MM-DD", description = "The day (default: ${DEFAULT-VALUE}).")
    LocalDate date;

    @Option(names = "--conversations", defaultValue = "300", paramLabel = "N", description = "Conversations (default: ${DEFAULT-VALUE}).")
    int conversations;

    @Option(names = "--days", defaultValue = "1", paramLabel = "N", description = "Consecutive days from --date, one folder each (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "20261120", description = "Random seed; the same seed writes the same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timezone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE", description = "Zone of the local timestamps (default: ${DEFAULT-VALUE}).")
    String timezone;

    @Option(names = "--out", defaultValue = "sample-data", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (conversations < 5) {
            throw new ChatQa.BadArgument("--conversations must be at least 5");
        }
        if (days < 1) {
            throw new ChatQa.BadArgument("--days must be at least 1");
        }
        for (int i = 0; i < days; i++) {
            // Each day its own seed, so days differ but every run writes the same files.
            SampleDay.Written w = new SampleDay(date.plusDays(i), ZoneId.of(timezone), seed + i).write(out, conversations);
            System.out.printf("%s: wrote %d conversations, %d messages, %d bad rows:%n", date.plusDays(i), w.conversations(),
                    w.messages(), w.badRows());
            w.files().forEach(f -> System.out.println("  " + f));
        }
        return ChatQa.OK;
    }
}
