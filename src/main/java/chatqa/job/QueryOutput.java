package chatqa.job;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import com.opencsv.CSVWriter;

import chatqa.publish.CsvTable;
import chatqa.publish.TextTable;

/** Prints or writes a query's result: a text table on the console, CSV (for Excel, or a pipe) or JSON Lines. */
public final class QueryOutput {
    /** How the result is printed. */
    public enum Format { TABLE, CSV, JSON }

    private QueryOutput() {
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
    public static void write(Dataset<Row> result, Format output, Path out, int limit, PrintStream stdout) throws IOException {
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
