package chatqa.warehouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;

/**
 * The warehouse as catalog objects that every session of one Spark application sees — what a
 * server needs, since each Spark Connect client gets its own session and would not see another
 * session's temporary views: each table as an external Parquet table over its folder (partitions
 * by {@code dt}, nothing copied), and the trend views of {@link WarehouseViews} as views over them,
 * with the same definitions as {@code chatqa sql}.
 */
public final class WarehouseCatalog {
    private final SparkSession spark;
    private final String warehouse;
    private final List<String> tables = new ArrayList<>();
    private final List<String> views = new ArrayList<>();

    public WarehouseCatalog(SparkSession spark, String warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    /** Registers every table found and the trend views over them; returns all their names. */
    public List<String> register() throws IOException {
        DayPartitions.recover(warehouse, spark.sparkContext().hadoopConfiguration());
        Path root = new Path(warehouse);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        for (String table : Tables.QUERIED) {
            Path dir = new Path(root, table);
            spark.sql("DROP TABLE IF EXISTS " + table);
            if (fs.exists(dir) && fs.listStatus(dir, p -> p.getName().startsWith("dt=")).length > 0) {
                String location = fs.makeQualified(dir).toString().replace("'", "\\'");
                spark.sql("CREATE TABLE " + table + " USING parquet OPTIONS (mergeSchema 'true') LOCATION '" + location + "'");
                spark.sql("ALTER TABLE " + table + " RECOVER PARTITIONS");
                tables.add(table);
            }
        }
        WarehouseViews.trends(WarehouseViews.slaSeconds(spark, tables)).forEach((name, sql) -> {
            try {
                spark.sql("CREATE OR REPLACE VIEW " + name + " AS " + sql);
                views.add(name);
            } catch (Exception e) {
                // The view reads a table this warehouse does not have (yet): it is not offered.
                if (!(e instanceof AnalysisException)) {
                    throw e;
                }
                spark.sql("DROP VIEW IF EXISTS " + name);
            }
        });
        List<String> all = new ArrayList<>(tables);
        all.addAll(views);
        return all;
    }

    /** Takes in the days scored since registering (new dt= folders) and forgets cached file listings. */
    public void refresh() throws IOException {
        DayPartitions.recover(warehouse, spark.sparkContext().hadoopConfiguration());
        for (String table : tables) {
            spark.sql("ALTER TABLE " + table + " RECOVER PARTITIONS");
            spark.sql("REFRESH TABLE " + table);
        }
    }

    /** The warehouse folder as the read-only rule compares paths. */
    public String qualifiedRoot() {
        return ReadOnlySql.qualified(spark, warehouse);
    }
}
