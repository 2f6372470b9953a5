package chatqa.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--follow-ups", defaultValue = "0", paramLabel = "MEAN",
            description = "Mean extra question-and-answer exchanges per answered conversation; 0 writes the short sample-day chats "
                    + "(about 8 messages), 7 about 20 messages as in a busy shop (default: ${DEFAULT-VALUE}).")
    double followUps;

    @Mixin
    TimezoneOption timezone;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output folder (required: chatqa never writes into sample-data/ unless it is named here).")
    Path out;

    @Option(names = "--overwrite", description = "Replace files of an earlier generated day in --out (refused otherwise).")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (conversations < 5) {
            throw new ChatQa.BadArgument("--conversations must be at least 5");
        }
        if (followUps < 0 || followUps > 50) {
            throw new ChatQa.BadArgument("--follow-ups must be between 0 and 50");
        }
        if (days < 1) {
            throw new ChatQa.BadArgument("--days must be at least 1");
        }
        if (!overwrite) {
            for (int i = 0; i < days; i++) {
                Path existing = SampleDay.firstExisting(out, date.plusDays(i));
                if (existing != null) {
                    throw new ChatQa.BadArgument(existing + " exists; pass --overwrite to replace it, or another --out");
                }
            }
        }
        for (int i = 0; i < days; i++) {
            // Each day its own seed, so days differ but every run writes the same files.
            SampleDay.Written w = new SampleDay(date.plusDays(i), timezone.zone(), seed + i, followUps).write(out, conversations);
            System.out.printf("%s: wrote %d conversations, %d messages, %d bad rows:%n", date.plusDays(i), w.conversations(),
                    w.messages(), w.badRows());
            w.files().forEach(f -> System.out.println("  " + f));
        }
        return ChatQa.OK;
    }
}
