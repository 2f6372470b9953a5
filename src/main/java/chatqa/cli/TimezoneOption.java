package chatqa.cli;

import java.time.DateTimeException;
import java.time.ZoneId;

import picocli.CommandLine.Option;

import chatqa.config.Defaults;

/** {@code --timezone}, the same for every command. */
final class TimezoneOption {
    @Option(names = "--timezone", defaultValue = Defaults.TIMEZONE, paramLabel = "ZONE",
            description = "Zone of timestamps without one, of the day, and of the times shown (default: ${DEFAULT-VALUE}).")
    String timezone;

    /** The zone, or a clear error for an unknown one. */
    ZoneId zone() {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new ChatQa.BadArgument("--timezone " + timezone + ": unknown time zone (e.g. Asia/Shanghai, UTC, +08:00)");
        }
    }
}
