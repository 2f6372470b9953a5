package chatqa.warehouse;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * A column of an aggregated table (the scorecards), declared once with the Spark SQL that
 * computes it over the rows it aggregates. The report and the views use the same SQL, so a rate
 * means the same wherever it is shown.
 */
public record Aggregate(String name, DataType type, String meaning, String sql) {

    /** {@code sql AS name}, for a SELECT list. */
    public String select() {
        return sql + " AS " + name;
    }

    public StructField field() {
        return new StructField(name, type, true, Metadata.empty());
    }

    /** SQL for the share of rows where {@code condition} holds, over the rows where it is known (not null). */
    public static String share(String condition) {
        return "avg(CASE WHEN " + condition + " THEN 1D WHEN NOT (" + condition + ") THEN 0D END)";
    }

    /** SQL for the share of known {@code seconds} values at or under {@code tier} seconds. */
    public static String within(String seconds, int tier) {
        return "avg(CASE WHEN (" + seconds + ") IS NULL THEN NULL WHEN (" + seconds + ") <= " + tier + " THEN 1D ELSE 0D END)";
    }

    /** The name of the rate of first responses within {@code tier} seconds. */
    public static String slaColumn(int tier) {
        return "sla_" + tier + "s_rate";
    }
}
