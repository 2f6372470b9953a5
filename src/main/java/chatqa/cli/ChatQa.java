package chatqa.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import chatqa.config.ConfigError;
import chatqa.config.Version;

/**
 * The {@code chatqa} command. Exit codes: 0 the run succeeded, 1 the run failed, 2 bad
 * arguments, rule book or mapping (nothing was read or written).
 */
@Command(name = "chatqa", mixinStandardHelpOptions = true, versionProvider = ChatQa.VersionProvider.class,
        description = "Scores customer-service chats of e-commerce shops for quality.",
        subcommands = {ScoreCommand.class, ReportCommand.class, BackfillCommand.class, SqlCommand.class, ServeCommand.class, ViewsCommand.class, ReviewCommand.class, RulesCommand.class, SentimentCommand.class,
                SatisfactionCommand.class, ValidateCommand.class, GenerateCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class ChatQa implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return BAD_ARGUMENTS;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ChatQa());
        // "--input a --bogus" must be an error, not a second input file.
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
        // Enum options are documented in lower case (--split dev).
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigError ce) {
                cmd.getErr().println("chatqa: configuration error:");
                ce.problems().forEach(p -> cmd.getErr().println("  " + p));
                return BAD_ARGUMENTS;
            }
            if (e instanceof BadArgument) {
                cmd.getErr().println("chatqa: " + e.getMessage());
                return BAD_ARGUMENTS;
            }
            cmd.getErr().println("chatqa: the run failed: " + rootMessage(e));
            if (System.getenv("CHATQA_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("  (set CHATQA_DEBUG=1 for the stack trace)");
            }
            return FAILED;
        });
        return cli.execute(args);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String own = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return t == e ? own : own + " (cause: " + t + ")";
    }

    /** An argument that is well-formed but unusable (a missing file, an unknown zone). */
    static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message);
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"chatqa " + Version.get()};
        }
    }
}
