package chatqa.ingest;

import java.io.Serializable;

/** Where a canonical field is in an export: a header name, or a 0-based index for files without header. */
public record Column(String name, int index) implements Serializable {
    public static Column named(String name) {
        return new Column(name, -1);
    }

    public static Column at(int index) {
        return new Column(null, index);
    }

    public boolean byIndex() {
        return name == null;
    }

    @Override
    public String toString() {
        return byIndex() ? "column " + index : "column '" + name + "'";
    }
}
