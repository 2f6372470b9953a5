package chatqa.job;

import org.apache.spark.sql.SparkSession;

import chatqa.config.Defaults;

/**
 * The one small local Spark session the Spark tests share (two cores, two shuffle partitions):
 * starting a session costs seconds, and surefire runs every test class in one JVM. A command run
 * in-process (ChatQa.run) stops the session it used; the next {@link #get} starts a new one.
 */
public final class TestSpark {
    private static SparkSession spark;

    private TestSpark() {
    }

    public static synchronized SparkSession get() {
        if (spark == null || spark.sparkContext().isStopped()) {
            spark = SparkSessions.builder("local[2]", Defaults.TIMEZONE).config("spark.sql.shuffle.partitions", "2").getOrCreate();
        }
        return spark;
    }

    /** Stops the shared session, for a test that needs a session of its own (a cluster). */
    public static synchronized void stop() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }
}
