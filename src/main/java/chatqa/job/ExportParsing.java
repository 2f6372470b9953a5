package chatqa.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.ExportReader;
import chatqa.ingest.FileRead;
import chatqa.ingest.InputFile;
import chatqa.ingest.QuarantinedRow;
import chatqa.ingest.RowSink;
import chatqa.model.Message;

/**
 * Spark task that parses one export file into rows of {@link ParsedRows}. Files are read
 * through Hadoop's file system, so paths on a cluster's shared storage work the same as local ones.
 * The readers push rows; a reader thread hands them to the task in small batches through a
 * bounded queue, so a file of any size streams through the task instead of being held in memory.
 */
final class ExportParsing implements FlatMapFunction<InputFile, Row> {
    private static final int BATCH = 1024;
    private static final int BATCHES_IN_FLIGHT = 8;

    private final ExportMapping mapping;
    private final String zone;
    private final Instant runStarted;
    private final LocalDate day;
    private final boolean ratings;

    /**
     * {@code runStarted}: every task judges timestamps "in the future" against the same instant;
     * {@code day}: the --date given (null: none), which times of day without a date are put on.
     */
    ExportParsing(ExportMapping mapping, ZoneId zone, Instant runStarted, LocalDate day) {
        this(mapping, zone, runStarted, day, false);
    }

    /** With {@code ratings}, the files are --ratings files: their accepted rows are ratings to join, not messages. */
    ExportParsing(ExportMapping mapping, ZoneId zone, Instant runStarted, LocalDate day, boolean ratings) {
        this.mapping = mapping;
        this.zone = zone.getId();
        this.runStarted = runStarted;
        this.day = day;
        this.ratings = ratings;
    }

    @Override
    public Iterator<Row> call(InputFile file) {
        StreamedRows rows = new StreamedRows();
        Thread reader = new Thread(() -> rows.produce(() -> parse(file, rows)), "chatqa-parse-" + file.index());
        reader.setDaemon(true);
        TaskContext task = TaskContext.get();
        if (task != null) {
            // A killed or failed task must not leave the reader blocked on a full queue.
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> reader.interrupt());
        }
        reader.start();
        return rows;
    }

    private void parse(InputFile file, StreamedRows rows) throws IOException, InterruptedException {
        Path path = new Path(file.path());
        FileSystem fs = path.getFileSystem(new Configuration());
        try (InputStream in = fs.open(path)) {
            FileRead read = ExportReader.forFile(mapping, ZoneId.of(zone), file, runStarted, day).read(in, file, new RowSink() {
                @Override
                public void accept(Message message) {
                    rows.add(ratings ? ParsedRows.rating(message) : ParsedRows.message(message));
                }

                @Override
                public void quarantine(QuarantinedRow row) {
                    rows.add(ParsedRows.quarantined(row, file.index()));
                }
            });
            rows.add(ParsedRows.file(file.path(), file.index(), read.encoding().label(), read.timeOnlyDated()));
        }
    }

    /** Rows from the reader thread, in order; the reader's failure is rethrown to the task. */
    private static final class StreamedRows implements Iterator<Row> {
        private static final List<Row> END = List.of();

        private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        private volatile Throwable failure;
        private List<Row> filling = new ArrayList<>(BATCH);
        private List<Row> current = List.of();
        private int next;
        private boolean done;

        interface Work {
            void run() throws Exception;
        }

        void produce(Work work) {
            try {
                work.run();
                flush();
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void add(Row row) {
            filling.add(row);
            if (filling.size() == BATCH) {
                try {
                    flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("parsing interrupted: the task ended", e);
                }
            }
        }

        private void flush() throws InterruptedException {
            if (!filling.isEmpty()) {
                queue.put(filling);
                filling = new ArrayList<>(BATCH);
            }
        }

        @Override
        public boolean hasNext() {
            while (!done && next == current.size()) {
                try {
                    current = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for parsed rows", e);
                }
                next = 0;
                if (current == END) {
                    done = true;
                    if (failure != null) {
                        throw failure instanceof IOException io ? new UncheckedIOException(io)
                                : failure instanceof RuntimeException re ? re : new IllegalStateException(failure);
                    }
                }
            }
            return !done;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.get(next++);
        }
    }
}
