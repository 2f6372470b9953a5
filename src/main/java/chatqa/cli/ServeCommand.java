package chatqa.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.job.ConnectServer;

/** {@code chatqa serve}: the warehouse over Spark Connect for notebooks and BI tools, read-only, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the warehouse over Spark Connect (read-only): a notebook connects with",
                "SparkSession.builder.remote(\"sc://localhost:15002\") and queries every table and trend view. Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions target;

    @Option(names = "--port", defaultValue = "15002", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}, Spark Connect's).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; Spark Connect has no authentication of its own).")
    String host;

    @Option(names = "--refresh-seconds", defaultValue = "300", paramLabel = "SECONDS",
            description = "How often newly scored days are taken in (default: ${DEFAULT-VALUE}).")
    long refreshSeconds;

    @Mixin
    TimezoneOption timezone;

    @Override
    public Integer call() throws Exception {
        if (port <= 0 || port > 65_535) {
            throw new ChatQa.BadArgument("--port " + port + ": expected 1-65535");
        }
        if (refreshSeconds <= 0) {
            throw new ChatQa.BadArgument("--refresh-seconds must be positive");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (ConnectServer server = ConnectServer.start(target.master, timezone.zone().getId(), target.warehouse, host, port, refreshSeconds)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "chatqa-serve-stop"));
            System.out.printf("chatqa serve: sc://%s:%d (read-only)%n  warehouse     %s%n  tables, views %s%n  new days      taken in every %d s%n"
                    + "  stop          Ctrl-C%n", host, port, target.warehouse, String.join(", ", server.names()), refreshSeconds);
            System.out.flush();
            stopped.await();
        }
        return ChatQa.OK;
    }
}
