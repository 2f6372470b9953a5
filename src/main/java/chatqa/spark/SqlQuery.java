package chatqa.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.opencsv.CSVWriter;

import chatqa.publish.CsvTable;
import chatqa.publish.TextTable;
import chatqa.warehouse.ReadOnlySql;
import chatqa.warehouse.WarehouseViews;

/** Runs one read-only Spark SQL query ({@link ReadOnlySql}) over the warehouse's table and trend views. */
public final class SqlQuery {
    /** How the result is printed. */
    public enum Output { TABLE, CSV, JSON }

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

    private static List<Object[]> rows(Dataset<Row> result) {
        List<Object[]> rows = new ArrayList<>();
        for (Row r : result.collectAsList()) {
            Object[] cells = new Object[r.size()];
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                cells[i] = v instanceof scala.collection.Seq<?> seq ? seq.mkString("[", ", ", "]")
                        // Maps (agent_scenarios.rule_compliance) print sorted by key, the same every time.
                        : v instanceof scala.collection.Map<?, ?> map ? new java.util.TreeMap<>(scala.jdk.javaapi.CollectionConverters.asJava(map)).toString()
                        : v;
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Prints or writes the result. Table output shows at most {@code limit} rows. */
    public void write(Dataset<Row> result, Output output, Path out, int limit, PrintStream stdout) throws IOException {
        switch (output) {
            case TABLE -> {
                List<Object[]> rows = rows(result.limit(limit + 1));
                boolean more = rows.size() > limit;
                String shown = TextTable.render(List.of(result.columns()), more ? rows.subList(0, limit) : rows, more);
                if (out != null) {
                    java.nio.file.Files.writeString(out, shown);
                } else {
                    stdout.print(shown);
                }
            }
            case CSV -> {
                List<Object[]> rows = rows(result);
                if (out != null) {
                    CsvTable.write(out, List.of(result.columns()), rows);
                } else {
                    StringWriter w = new StringWriter();
                    try (CSVWriter csv = new CSVWriter(w)) {
                        csv.writeNext(result.columns(), false);
                        for (Object[] row : rows) {
                            csv.writeNext(CsvTable.cells(row), false);
                        }
                    }
                    stdout.print(w);
                }
            }
            case JSON -> {
                List<String> lines = result.toJSON().collectAsList();
                String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
                if (out != null) {
                    java.nio.file.Files.writeString(out, text);
                } else {
                    stdout.print(text);
                }
            }
        }
    }
}
