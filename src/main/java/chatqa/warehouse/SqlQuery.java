package chatqa.warehouse;

import java.io.IOException;
import java.util.List;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;


/** Runs one read-only Spark SQL query ({@link ReadOnlySql}) over the warehouse's table and trend views. */
public final class SqlQuery {
    /** A query the warehouse cannot answer: an unknown table or column, or bad SQL. */
    public static final class BadQuery extends RuntimeException {
        BadQuery(String message) {
            super(message);
        }
    }

    private final List<String> views;
    private final ReadOnlySql readOnly;

    public SqlQuery(SparkSession spark, String warehouse) throws IOException {
        this.views = WarehouseViews.register(spark, warehouse);
        this.readOnly = new ReadOnlySql(spark, warehouse);
        if (views.isEmpty()) {
            throw new BadQuery("no tables under " + warehouse + " (run chatqa score first, or pass --warehouse)");
        }
    }

    public List<String> views() {
        return views;
    }

    /** The result of a query that reads the warehouse; {@link BadQuery} for bad SQL and for anything that would write or read elsewhere. */
    public Dataset<Row> run(String sql) {
        try {
            return readOnly.query(sql);
        } catch (ReadOnlySql.Refused e) {
            throw new BadQuery(e.getMessage());
        } catch (Exception e) {
            // Scala does not declare AnalysisException (syntax errors are one too), so javac cannot see it thrown.
            if (e instanceof AnalysisException ae) {
                throw new BadQuery(explain(ae));
            }
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    private String explain(AnalysisException e) {
        StringBuilder sb = new StringBuilder(e.getSimpleMessage());
        sb.append("\n  tables and views: ").append(String.join(", ", views));
        String condition = e.getCondition();
        if (condition != null && condition.startsWith("UNRESOLVED_COLUMN")) {
            sb.append("\n  columns: see docs/tables.md, or DESCRIBE <table>");
        }
        return sb.toString();
    }
}
