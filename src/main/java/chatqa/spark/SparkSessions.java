package chatqa.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is built. Local runs bind to loopback only and keep the UI off;
 * timestamps reach user code as {@link java.time.Instant} and are shown in the run's time zone.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession create(String master, String timezone) {
        SparkSession.Builder b = SparkSession.builder()
                .appName("chatqa")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", timezone)
                .config("spark.sql.shuffle.partitions", "16")
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[*]");
        }
        String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
        if (effective.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b.getOrCreate();
    }
}
