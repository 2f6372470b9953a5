package chatqa.job;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.SparkSession;

import chatqa.warehouse.ReadOnlyGuard;
import chatqa.warehouse.WarehouseCatalog;

/**
 * {@code chatqa serve}: a Spark Connect server over the warehouse, so notebooks and BI tools query
 * it without paying a Spark start per query ({@code SparkSession.builder.remote("sc://host:port")}).
 * Every table and trend view is a catalog object all client sessions see; {@link ReadOnlyGuard}
 * refuses anything but reads of the warehouse, whatever a client sends; newly scored days are
 * taken in every {@code refreshSeconds}.
 */
public final class ConnectServer implements AutoCloseable {
    private final SparkSession spark;
    private final List<String> names;
    private final ScheduledExecutorService refresher;

    private ConnectServer(SparkSession spark, List<String> names, ScheduledExecutorService refresher) {
        this.spark = spark;
        this.names = names;
        this.refresher = refresher;
    }

    /** Starts the server on {@code host:port} (loopback unless asked otherwise) and registers the warehouse. */
    public static ConnectServer start(String master, String timezone, String warehouse, String host, int port, long refreshSeconds)
            throws IOException {
        SparkSession spark = SparkSessions.builder(master, timezone)
                .config("spark.plugins", "org.apache.spark.sql.connect.SparkConnectPlugin")
                .config("spark.connect.grpc.binding.address", host)
                .config("spark.connect.grpc.binding.port", String.valueOf(port))
                .config("spark.connect.grpc.port.maxRetries", "0")
                .config("spark.sql.extensions", ReadOnlyGuard.class.getName())
                .getOrCreate();
        WarehouseCatalog catalog = new WarehouseCatalog(spark, warehouse);
        List<String> names;
        try {
            names = ReadOnlyGuard.unguarded(catalog::register);
        } catch (IOException | RuntimeException e) {
            spark.stop();
            throw e;
        }
        if (names.isEmpty()) {
            spark.stop();
            throw new IOException("no tables under " + warehouse + " (run chatqa score first, or pass --warehouse)");
        }
        ReadOnlyGuard.arm(catalog.qualifiedRoot());
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chatqa-warehouse-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                ReadOnlyGuard.unguarded(() -> {
                    catalog.refresh();
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                // A failed refresh keeps the days already registered; the next one tries again.
                Progress.say("warning: could not take in new days of %s: %s", warehouse, e.getMessage());
            }
        }, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
        return new ConnectServer(spark, names, refresher);
    }

    /** The tables and views clients can query. */
    public List<String> names() {
        return names;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        spark.stop();
    }
}
