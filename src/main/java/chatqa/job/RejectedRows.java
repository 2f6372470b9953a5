package chatqa.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import chatqa.privacy.PersonalDataMask;
import chatqa.publish.CsvTable;

/**
 * The quarantine of a run that was not committed, as {@code reports/<day>/rejected-run-<id>.csv}:
 * the warehouse keeps the day it had, and the user still gets every rejected row with its file,
 * line, field and reason to fix the export. Streamed partition by partition (a whole failed day
 * can be large); raw rows are masked like every report.
 */
final class RejectedRows {
    private static final List<String> HEADER = List.of("source_file", "source_line", "reason", "field", "detail", "raw");

    private RejectedRows() {
    }

    static Path write(Dataset<Row> staged, Path folder, String runId) throws IOException {
        Path csv = folder.resolve("rejected-run-" + runId + ".csv");
        PersonalDataMask mask = PersonalDataMask.standard();
        Iterator<Row> rows = staged.orderBy("source_file", "source_line").toLocalIterator();
        CsvTable.write(csv, HEADER, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                Row r = rows.next();
                String raw = r.getAs("raw");
                return new Object[] {ExportFindings.name(r.getAs("source_file")), r.getAs("source_line"), r.getAs("reason"),
                        r.getAs("field"), r.getAs("detail"), raw == null ? null : mask.mask(raw).text()};
            }
        });
        return csv;
    }
}
