package chatqa.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The warehouse's views as DuckDB SQL: each table a view over its Parquet folders, each trend view
 * the definition {@link WarehouseViews} gives Spark, rewritten into DuckDB's dialect, so analysts
 * on DuckDB, pandas or a BI tool over DuckDB get the same numbers as {@code chatqa sql}. The
 * rewrite covers exactly the Spark functions the definitions use; WarehouseViewsDuckDbTest runs
 * every view in both engines and compares the answers.
 */
public final class DuckDbViews {
    /** Spark SQL → DuckDB, applied in order. */
    private static final List<Map.Entry<Pattern, String>> REWRITES = List.of(
            // Sum of an array: Spark's fold, DuckDB's list_sum (null for an empty list, hence the 0).
            rewrite("aggregate\\((\\w+), 0D, \\((\\w+), (\\w+)\\) -> \\2 \\+ \\3\\)", "coalesce(list_sum($1), 0)"),
            // Spark's datediff(end, start) counts days; DuckDB names the unit first and the start before the end.
            rewrite("datediff\\(([\\w.]+), DATE'([0-9-]+)'\\)", "datediff('day', DATE '$2', $1)"),
            rewrite("DATE'", "DATE '"),
            // Spark's percentile is exact, interpolating between the nearest ranks: DuckDB's quantile_cont.
            rewrite("\\bpercentile\\(", "quantile_cont("),
            rewrite("\\b(\\d+)D\\b", "CAST($1 AS DOUBLE)"),
            rewrite("\\b(\\d+)L\\b", "CAST($1 AS BIGINT)"),
            rewrite("\\bsize\\(", "len("),
            rewrite("\\bexplode\\(", "unnest("),
            rewrite("\\bcollect_list\\(", "list("),
            rewrite("\\barray_sort\\(", "list_sort("),
            rewrite("\\bstruct\\((\\w+), ([^()]+)\\)", "struct_pack(k := $1, v := $2)"));

    private DuckDbViews() {
    }

    private static Map.Entry<Pattern, String> rewrite(String spark, String duckdb) {
        return Map.entry(Pattern.compile(spark), duckdb);
    }

    /** A Spark SQL definition of {@link WarehouseViews} in DuckDB's dialect. */
    public static String translate(String sparkSql) {
        String s = sparkSql;
        for (Map.Entry<Pattern, String> r : REWRITES) {
            s = r.getKey().matcher(s).replaceAll(r.getValue());
        }
        return s;
    }

    /**
     * The script that defines every view in DuckDB: {@code tables} (those the warehouse has) over
     * {@code root}'s folders, then the trend views for the SLA tiers {@code slaSeconds}.
     */
    public static String script(String root, List<String> tables, List<Integer> slaSeconds) {
        StringBuilder sb = new StringBuilder("-- chatqa warehouse views for DuckDB (chatqa views --dialect duckdb); the same definitions as chatqa sql\n");
        String base = root.endsWith("/") ? root : root + "/";
        for (String t : tables) {
            sb.append("CREATE OR REPLACE VIEW ").append(t).append(" AS SELECT * FROM read_parquet('")
                    .append((base + t).replace("'", "''"))
                    .append("/dt=*/*.parquet', hive_partitioning = true, union_by_name = true);\n");
        }
        List<String> missing = new ArrayList<>(Tables.QUERIED);
        missing.removeAll(tables);
        for (Map.Entry<String, String> v : WarehouseViews.trends(slaSeconds).entrySet()) {
            if (reads(v.getValue(), missing)) {
                continue;
            }
            sb.append("CREATE OR REPLACE VIEW ").append(v.getKey()).append(" AS\n").append(translate(v.getValue())).append(";\n");
        }
        return sb.toString();
    }

    /** Whether a view's SQL reads one of {@code tables} (then the view cannot be defined here). */
    private static boolean reads(String sql, List<String> tables) {
        for (String t : tables) {
            if (Pattern.compile("\\b(FROM|JOIN)\\s+" + Pattern.quote(t) + "\\b", Pattern.CASE_INSENSITIVE).matcher(sql).find()) {
                return true;
            }
        }
        return false;
    }
}
