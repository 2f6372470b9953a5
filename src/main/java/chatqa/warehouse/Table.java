package chatqa.warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A warehouse table (or a struct nested in one) as its columns: its schema, the rows written
 * from scoring records, and its docs come from the same list, so a column is added in one place.
 *
 * @param freeText columns whose values nearly all differ (texts, ids): written without Parquet
 *                 dictionaries and min/max statistics, which would cost time on every row and buy nothing
 */
public record Table<S>(String name, List<Column<S>> columns, Set<String> freeText) {

    public Table {
        columns = List.copyOf(columns);
        freeText = Set.copyOf(freeText);
        Map<String, Column<S>> seen = new LinkedHashMap<>();
        for (Column<S> c : columns) {
            if (seen.put(c.name(), c) != null) {
                throw new IllegalArgumentException(name + " declares column " + c.name() + " twice");
            }
        }
        for (String f : freeText) {
            if (!seen.containsKey(f)) {
                throw new IllegalArgumentException(name + ": free-text column " + f + " is not a column");
            }
        }
    }

    public Table(String name, List<Column<S>> columns) {
        this(name, columns, Set.of());
    }

    public StructType schema() {
        return new StructType(columns.stream().map(Column::field).toArray(StructField[]::new));
    }

    /** The row of {@code source}, its values in the declared order. */
    public Row row(S source) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = columns.get(i).value().apply(source);
        }
        return RowFactory.create(values);
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }
}
