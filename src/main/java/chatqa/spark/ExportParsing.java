package chatqa.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.ExportReader;
import chatqa.ingest.InputFile;
import chatqa.ingest.QuarantinedRow;
import chatqa.ingest.RowSink;
import chatqa.model.Message;

/**
 * Spark task that parses one export file into rows of {@link Stages#PARSED}. Files are read
 * through Hadoop's file system, so paths on a cluster's shared storage work the same as local ones.
 */
final class ExportParsing implements FlatMapFunction<InputFile, Row> {
    private final ExportMapping mapping;
    private final String zone;
    private final Instant runStarted;

    /** {@code runStarted}: every task judges timestamps "in the future" against the same instant. */
    ExportParsing(ExportMapping mapping, ZoneId zone, Instant runStarted) {
        this.mapping = mapping;
        this.zone = zone.getId();
        this.runStarted = runStarted;
    }

    @Override
    public Iterator<Row> call(InputFile file) throws IOException {
        List<Row> rows = new ArrayList<>();
        Path path = new Path(file.path());
        FileSystem fs = path.getFileSystem(new Configuration());
        try (InputStream in = fs.open(path)) {
            Charset cs = ExportReader.forFile(mapping, ZoneId.of(zone), file, runStarted).read(in, file, new RowSink() {
                @Override
                public void accept(Message message) {
                    rows.add(RowCodec.parsedMessage(message));
                }

                @Override
                public void quarantine(QuarantinedRow row) {
                    rows.add(RowCodec.parsedQuarantine(row, file.index()));
                }
            });
            rows.add(RowCodec.parsedFile(file.path(), file.index(), cs.name()));
        }
        return rows.iterator();
    }
}
