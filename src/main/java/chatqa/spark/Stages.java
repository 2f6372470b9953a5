package chatqa.spark;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schemas of the job's intermediate datasets (never written to the warehouse). */
final class Stages {
    /**
     * Every input row after parsing: kind "message" (accepted), "quarantine" (rejected with a
     * reason) or "file" (one per input file, carrying the encoding it was read in and, in
     * {@code time_only}, how many of its times of day were put on the run's day), with the key
     * the scoring task groups them by.
     */
    static final StructType PARSED = new StructType(new StructField[] {
            f("kind", StringType), f("file", StringType), f("file_index", IntegerType), f("line", LongType),
            f("conversation_id", StringType), f("message_id", StringType), f("sent_at", TimestampType),
            f("role", StringType), f("agent_id", StringType), f("customer_id", StringType), f("shop_id", StringType),
            f("text", StringType), f("reason", StringType), f("field", StringType), f("detail", StringType),
            f("raw", StringType), f("encoding", StringType), f("time_only", LongType), f("group_key", StringType)});

    private Stages() {
    }

    private static StructField f(String name, DataType type) {
        return new StructField(name, type, true, Metadata.empty());
    }
}
