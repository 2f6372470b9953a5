package chatqa.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import chatqa.publish.CsvTable;
import chatqa.publish.Words;

/**
 * Publishes the day's committed agent scorecards as {@code reports/<day>/agent_scorecards.csv}, its
 * headers in the report's language (Excel users read 质检分, analysts' SQL keeps qa_score).
 */
final class ScorecardReport {
    private ScorecardReport() {
    }

    static Path write(Dataset<Row> committed, Path dayFolder, String day, Words words) throws IOException {
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
        CsvTable.write(csv, header.stream().map(words::csvHeader).toList(), rows);
        return csv;
    }
}
