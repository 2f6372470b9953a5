package chatqa.warehouse;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder$;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.types.StructType;

/**
 * One warehouse table that tasks write straight into the run's staging folder, so the scoring
 * task writes every table from its partition in the same pass that scores it, instead of caching
 * the scored conversations and re-reading them once per table. The Parquet writer is the one
 * {@code DataFrameWriter} uses ({@link ParquetFileFormat}, prepared on the driver with the
 * session's settings), so the files are the same as a {@code df.write().parquet(..)} would make.
 * That writer and {@link ExpressionEncoder} are Spark internals, not a stable API: a Spark upgrade
 * may change them, and StagedTableTest is there to say so.
 */
public final class StagedTable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String directory;
    private final StructType schema;
    private final OutputWriterFactory factory;
    private final Map<String, String> hadoopConf;

    private StagedTable(String directory, StructType schema, OutputWriterFactory factory, Map<String, String> hadoopConf) {
        this.directory = directory;
        this.schema = schema;
        this.factory = factory;
        this.hadoopConf = hadoopConf;
    }

    /**
     * Prepares a table of {@code schema} for writing from tasks into {@code directory} (on the driver).
     *
     * @param freeText top-level string columns written without dictionary and statistics
     */
    public static StagedTable prepare(SparkSession spark, String directory, StructType schema, Set<String> freeText)
            throws IOException {
        // Spark writes every column as nullable; so do we, so the files read back the same either way.
        StructType nullable = schema.asNullable();
        Job job = Job.getInstance(new Configuration(spark.sparkContext().hadoopConfiguration()));
        FileOutputFormat.setOutputPath(job, new Path(directory));
        for (String column : freeText) {
            schema.apply(column); // fails on a name that is not a column
            job.getConfiguration().setBoolean(ParquetOutputFormat.ENABLE_DICTIONARY + "#" + column, false);
            job.getConfiguration().setBoolean(ParquetOutputFormat.STATISTICS_ENABLED + "#" + column, false);
        }
        OutputWriterFactory factory = new ParquetFileFormat().prepareWrite(spark, job,
                scala.collection.immutable.Map$.MODULE$.<String, String>empty(), nullable);
        Map<String, String> conf = new HashMap<>();
        job.getConfiguration().forEach(e -> conf.put(e.getKey(), e.getValue()));
        return new StagedTable(directory, nullable, factory, conf);
    }

    public String directory() {
        return directory;
    }

    public StructType schema() {
        return schema;
    }

    /** A writer of this table's part for one task; nothing is created until the first row. */
    public Writer open(int partition, int attempt, String runId) {
        return new Writer(partition, attempt, runId);
    }

    /**
     * The part file of one task. Rows go to a hidden in-progress file (readers skip names starting
     * with a dot) that {@link #commit} renames to the partition's final name, so a failed attempt
     * never leaves half a file among the table's parts, and of two attempts that both finish the
     * first one's part is kept.
     */
    public final class Writer {
        private final int partition;
        private final int attempt;
        private final String runId;
        private ExpressionEncoder.Serializer<Row> encoder;
        private Configuration conf;
        private OutputWriter out;
        private Path inProgress;
        private Path finished;
        private long rows;

        private Writer(int partition, int attempt, String runId) {
            this.partition = partition;
            this.attempt = attempt;
            this.runId = runId;
        }

        public void write(Row row) {
            if (out == null) {
                start();
            }
            out.write(encoder.apply(row));
            rows++;
        }

        long rows() {
            return rows;
        }

        private void start() {
            conf = new Configuration(false);
            hadoopConf.forEach(conf::set);
            TaskAttemptContext context = new TaskAttemptContextImpl(conf,
                    new TaskAttemptID("chatqa", 0, TaskType.REDUCE, partition, attempt));
            String part = String.format("part-%05d-%s", partition, runId);
            finished = new Path(directory, part + factory.getFileExtension(context));
            inProgress = new Path(directory, "." + part + ".attempt-" + attempt + ".inprogress");
            // Lenient: timestamps may be Instants or java.sql.Timestamps, as in createDataFrame.
            encoder = ExpressionEncoder$.MODULE$.apply(schema, true).createSerializer();
            out = factory.newInstance(inProgress.toString(), schema, context);
        }

        /** Closes the part and moves it into the table; a task with no rows for this table writes nothing. */
        public void commit() throws IOException {
            if (out == null) {
                return;
            }
            out.close();
            out = null;
            FileSystem fs = finished.getFileSystem(conf);
            // A partition's rows are the same in every attempt (the scorer sorts each conversation
            // by time and source), so a part another attempt already moved into place stays: the
            // first rename wins, and a speculative or retried attempt never removes a finished part.
            if (!fs.exists(finished) && fs.rename(inProgress, finished)) {
                return;
            }
            if (!fs.exists(finished)) {
                throw new IOException("could not move " + inProgress + " to " + finished);
            }
            fs.delete(inProgress, false);
        }

        public void abort() {
            if (out == null) {
                return;
            }
            try {
                out.close();
            } catch (RuntimeException ignored) {
                // The attempt failed already; its reason is the one to report.
            }
            out = null;
            try {
                inProgress.getFileSystem(conf).delete(inProgress, false);
            } catch (IOException ignored) {
                // A leftover hidden file is ignored by readers and removed with the staging folder.
            }
        }
    }
}
