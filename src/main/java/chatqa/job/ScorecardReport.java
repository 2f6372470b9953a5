package chatqa.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import chatqa.publish.CsvTable;

/** Publishes the day's committed agent scorecards as {@code reports/<day>/agent_scorecards.csv}. */
final class ScorecardReport {
    private ScorecardReport() {
    }

    static Path write(Dataset<Row> committed, Path dayFolder, String day) throws IOException {
        String[] columns = committed.columns();
        List<String> header = new ArrayList<>();
        header.add("dt");
        for (String c : columns) {
            if (!"dt".equals(c)) {
                header.add(c);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (Row r : committed.orderBy("shop_id", "rank", "agent_id").collectAsList()) {
            Object[] cells = new Object[header.size()];
            cells[0] = day;
            for (int i = 1; i < header.size(); i++) {
                cells[i] = r.getAs(header.get(i));
            }
            rows.add(cells);
        }
        Path csv = dayFolder.resolve("agent_scorecards.csv");
        CsvTable.write(csv, header, rows);
        return csv;
    }
}
