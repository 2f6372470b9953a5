package chatqa.job;

import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * An analyst's notebook in miniature: connects to {@code chatqa serve} with the JVM Spark Connect
 * client and runs each argument after the first as a SQL query, or, for {@code write:PATH}, tries to
 * write a DataFrame to PATH, and for {@code read:PATH} to read Parquet at PATH. Prints one line per
 * query: {@code OK <TAB> rows} (rows as Row.toString, joined by " | ") or {@code REFUSED <TAB> message}.
 * Run in its own JVM: the client's shaded protobuf classes clash with the server's of the same names.
 */
public final class ConnectProbe {
    private ConnectProbe() {
    }

    public static void main(String[] args) {
        // With classic Spark on the classpath too, the generic builder would start a local one.
        SparkSession spark = org.apache.spark.sql.connect.SparkSession.builder().remote(args[0]).getOrCreate();
        try {
            for (int i = 1; i < args.length; i++) {
                String q = args[i];
                try {
                    List<Row> rows;
                    if (q.startsWith("write:")) {
                        spark.sql("SELECT 1 AS x").write().mode("overwrite").parquet(q.substring(6));
                        rows = List.of();
                    } else if (q.startsWith("read:")) {
                        rows = spark.read().parquet(q.substring(5)).limit(1).collectAsList();
                    } else {
                        rows = spark.sql(q).collectAsList();
                    }
                    System.out.println("OK\t" + String.join(" | ", rows.stream().map(Row::toString).toList()));
                } catch (Exception e) {
                    System.out.println("REFUSED\t" + String.valueOf(e.getMessage()).replace('\n', ' '));
                }
            }
        } finally {
            spark.stop();
        }
    }
}
