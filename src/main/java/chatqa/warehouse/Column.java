package chatqa.warehouse;

import java.util.List;
import java.util.function.Function;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;

/**
 * One column of a warehouse table, declared once: its name, Spark type, meaning (the text of
 * docs/tables.md) and how its value is taken from the scoring record a row is written from.
 *
 * @param <S> the record a row of the table is written from
 */
public record Column<S>(String name, DataType type, String meaning, Function<S, Object> value) {

    public StructField field() {
        return new StructField(name, type, true, Metadata.empty());
    }

    /** The same column written from another record that holds this one's (agent parts copy conversation columns). */
    public <T> Column<T> from(Function<T, S> part) {
        return new Column<>(name, type, meaning, t -> value.apply(part.apply(t)));
    }

    /** The same columns, each written from another record. */
    public static <S, T> List<Column<T>> from(List<Column<S>> columns, Function<T, S> part) {
        return columns.stream().map(c -> c.<T>from(part)).toList();
    }

    /** A column of structs, each written from an element of {@code items} by {@code of}. */
    public static <S, E> Column<S> structs(String name, Table<E> of, String meaning, Function<S, List<E>> items) {
        return new Column<>(name, org.apache.spark.sql.types.DataTypes.createArrayType(of.schema(), false), meaning,
                s -> items.apply(s).stream().map(of::row).toArray(Row[]::new));
    }
}
