package chatqa.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is built. Local runs bind to loopback only and keep the UI off;
 * timestamps reach user code as {@link java.time.Instant} and are shown in the run's time zone.
 * On a cluster master, the jar chatqa runs from is shipped to the executors (spark.jars) unless
 * spark-submit already did, so the rule book, HanLP dictionaries and chatqa's classes load there
 * from the jar, never from local paths.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession create(String master, String timezone) {
        return builder(master, timezone).getOrCreate();
    }

    /** The configured builder, for callers that add settings (tests of a real cluster). */
    public static SparkSession.Builder builder(String master, String timezone) {
        SparkSession.Builder b = SparkSession.builder()
                .appName("chatqa")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", timezone)
                .config("spark.sql.shuffle.partitions", "16")
                .config("spark.sql.parquet.compression.codec", "zstd")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                // Catalog tables are external when there are any (chatqa serve: over the warehouse folders), so nothing may appear as spark-warehouse/ in the user's folder.
                .config("spark.sql.warehouse.dir", Path.of(System.getProperty("java.io.tmpdir"), "chatqa-spark-catalog").toUri().toString());
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[*]");
        }
        String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
        if (effective.startsWith("local") || effective.contains("://127.0.0.1") || effective.contains("://localhost")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!effective.startsWith("local") && System.getProperty("spark.executor.extraJavaOptions") == null) {
            // Executors run Spark on Java 17 too: they need the packages the jar's manifest opens for the driver.
            b.config("spark.executor.extraJavaOptions", String.join(" ", jvmOpens()));
        }
        if (!effective.startsWith("local") && System.getProperty("spark.jars") == null) {
            String jar = ownJar();
            if (jar != null) {
                b.config("spark.jars", jar);
            }
        }
        return b;
    }

    /**
     * The JVM options that open the JDK packages Spark needs, from {@code chatqa/jvm/add-opens.txt}
     * (written by the build from the pom's one list).
     */
    public static List<String> jvmOpens() {
        try (InputStream in = SparkSessions.class.getResourceAsStream("/chatqa/jvm/add-opens.txt")) {
            if (in == null) {
                throw new IllegalStateException("chatqa/jvm/add-opens.txt is missing from the classpath");
            }
            return java.util.Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\s+"))
                    .map(p -> "--add-opens=" + p + "=ALL-UNNAMED").toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar chatqa's classes were loaded from, or null when they come from a folder. */
    private static String ownJar() {
        try {
            Path p = Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toString() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
