package chatqa.warehouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The column lists of docs/tables.md, written from the catalogue: each table's section between
 * {@code <!-- columns: <table> -->} and {@code <!-- /columns -->} is the catalogue's, so the docs
 * cannot drift from what a run writes (TablesDocTest compares them and can rewrite the file).
 */
public final class TablesDoc {
    private static final Pattern SECTION = Pattern.compile("(<!-- columns: (\\w+) -->\\n)(.*?)(<!-- /columns -->)", Pattern.DOTALL);

    private TablesDoc() {
    }

    /** Each table's column list as a markdown table, by table name. */
    public static Map<String, String> sections() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Table<?> t : Tables.WRITTEN) {
            List<String[]> rows = new ArrayList<>();
            t.columns().forEach(c -> rows.add(new String[] {c.name(), type(c.type()), c.meaning()}));
            out.put(t.name(), markdown(rows));
        }
        List<String[]> scorecards = new ArrayList<>();
        for (Aggregate a : Scorecards.all(List.of(Scorecards.DOCUMENTED_TIER))) {
            scorecards.add(new String[] {a.name(), type(a.type()), a.meaning()});
        }
        out.put(Tables.AGENT_SCORECARDS, markdown(scorecards));
        List<String[]> scenarios = new ArrayList<>();
        AgentScenarios.COLUMNS.forEach(a -> scenarios.add(new String[] {a.name(), type(a.type()), a.meaning()}));
        out.put(Tables.AGENT_SCENARIOS, markdown(scenarios));
        return out;
    }

    /** {@code doc} with every marked section replaced by the catalogue's. */
    public static String rewrite(String doc) {
        Map<String, String> sections = sections();
        Matcher m = SECTION.matcher(doc);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String table = m.group(2);
            String body = sections.getOrDefault(table, m.group(3));
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The tables that have a marked section in {@code doc}. */
    public static List<String> documented(String doc) {
        List<String> out = new ArrayList<>();
        Matcher m = SECTION.matcher(doc);
        while (m.find()) {
            out.add(m.group(2));
        }
        return out;
    }

    private static String markdown(List<String[]> rows) {
        StringBuilder sb = new StringBuilder("| column | type | meaning |\n|---|---|---|\n");
        for (String[] r : rows) {
            sb.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2].replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    /** A type as the docs write it: Spark's names, structs by their field names. */
    static String type(DataType t) {
        if (t instanceof ArrayType a) {
            return "array<" + type(a.elementType()) + ">";
        }
        if (t instanceof MapType m) {
            return "map<" + type(m.keyType()) + ", " + type(m.valueType()) + ">";
        }
        if (t instanceof StructType s) {
            List<String> names = new ArrayList<>();
            for (StructField f : s.fields()) {
                names.add(f.name());
            }
            return "struct<" + String.join(", ", names) + ">";
        }
        return t.simpleString();
    }
}
