package chatqa.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.QueryPlanningTracker;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationRef;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;

import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * SQL that can only read the warehouse: what {@code chatqa sql} (and any server over the
 * warehouse) runs. A statement is checked on Spark's plans, not its text: the parsed plan must be
 * a query (no INSERT, CREATE, DROP, ALTER, SET, CACHE, ADD JAR — Spark runs commands as soon as
 * they are parsed, so this check comes first) that names only registered tables and views (no
 * {@code format.`path`}); the analyzed plan may read only Parquet files under the warehouse and
 * may not call Java methods by reflection ({@code reflect}, {@code java_method}). Anything else is
 * {@link Refused} with what was found.
 */
public final class ReadOnlySql {
    /** Statements that only describe the registered tables and views; Spark runs them as they are. */
    private static final Set<String> READ_ONLY_COMMANDS = Set.of("DescribeRelation", "DescribeColumn", "ShowTables", "ShowViews",
            "ShowColumns", "ShowFunctions", "DescribeFunction");
    /** The operators an analyzed query may consist of: reading, never writing or running anything. */
    private static final Set<String> READ_OPERATORS = Set.of("Project", "Filter", "Aggregate", "Join", "Sort", "GlobalLimit",
            "LocalLimit", "Offset", "Tail", "SubqueryAlias", "View", "Union", "Intersect", "Except", "Distinct", "Deduplicate",
            "WithCTE", "CTERelationDef", "CTERelationRef", "Window", "Generate", "Expand", "LateralJoin", "Sample",
            "Repartition", "RepartitionByExpression", "RebalancePartitions", "ResolvedHint", "LocalRelation", "OneRowRelation",
            "Range", "LogicalRelation");

    private final SparkSession spark;
    private final String root;

    /** A statement that would write, or read outside the warehouse. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** A checker of analyzed plans only, for a server's check rule ({@link ReadOnlyGuard}); {@code root} is qualified. */
    private ReadOnlySql(String qualifiedRoot) {
        this.spark = null;
        this.root = qualifiedRoot;
    }

    /** What makes an analyzed query more than a read of the warehouse at {@code qualifiedRoot}; empty when it only reads. */
    static List<String> problemsOfAnalyzed(LogicalPlan analyzed, String qualifiedRoot) {
        List<String> problems = new ArrayList<>();
        new ReadOnlySql(qualifiedRoot).checkAnalyzed(analyzed, problems);
        return problems.stream().distinct().toList();
    }

    /** The refusal of a statement, naming what was found. */
    static Refused refusal(List<String> problems) {
        return new Refused("only queries that read the warehouse are run here: " + String.join("; ", problems));
    }

    public ReadOnlySql(SparkSession spark, String warehouse) {
        this.spark = spark;
        this.root = qualified(spark, warehouse);
    }

    /** The warehouse folder as Spark's file relations name their paths (file:/…, hdfs://…). */
    static String qualified(SparkSession spark, String warehouse) {
        Path p = new Path(warehouse);
        try {
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The query's result, not yet computed; {@link Refused} for anything but a read of the
     * warehouse. The statement is parsed and analyzed — which runs nothing — and checked before
     * Spark is given it, because Spark runs a command the moment it is handed one.
     */
    public Dataset<Row> query(String sql) throws ParseException {
        LogicalPlan parsed = classic().sessionState().sqlParser().parsePlan(sql);
        if (READ_ONLY_COMMANDS.contains(parsed.getClass().getSimpleName())) {
            return spark.sql(sql);
        }
        List<String> problems = new ArrayList<>();
        checkParsed(parsed, problems);
        refuseIfAny(problems);
        LogicalPlan analyzed = classic().sessionState().analyzer().executeAndCheck(parsed, new QueryPlanningTracker(Option.empty()));
        checkAnalyzed(analyzed, problems);
        refuseIfAny(problems);
        return spark.sql(sql);
    }

    private org.apache.spark.sql.classic.SparkSession classic() {
        return (org.apache.spark.sql.classic.SparkSession) spark;
    }

    private static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw refusal(problems.stream().distinct().toList());
        }
    }

    private void checkParsed(LogicalPlan p, List<String> problems) {
        String kind = p.getClass().getSimpleName();
        if (p instanceof org.apache.spark.sql.catalyst.plans.logical.Command
                || p instanceof org.apache.spark.sql.catalyst.plans.logical.ParsedStatement
                || p instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement
                || p instanceof org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir) {
            problems.add(kind + " is not a query");
            return;
        }
        if (p instanceof UnresolvedRelation r) {
            List<String> parts = CollectionConverters.asJava(r.multipartIdentifier());
            String name = String.join(".", parts);
            if (parts.size() != 1 || name.contains("/")) {
                problems.add("'" + name + "' is not a table or view of the warehouse (reading files by path is not allowed)");
            }
        }
        for (LogicalPlan child : CollectionConverters.asJava(p.children())) {
            checkParsed(child, problems);
        }
        for (Expression e : CollectionConverters.asJava(p.expressions())) {
            checkExpression(e, problems, true);
        }
    }

    private void checkAnalyzed(LogicalPlan p, List<String> problems) {
        String kind = p.getClass().getSimpleName();
        if (!READ_OPERATORS.contains(kind)) {
            problems.add(kind + " is not a read of the warehouse");
            return;
        }
        if (p.children().isEmpty()) {
            checkLeaf(p, problems);
        }
        for (LogicalPlan child : CollectionConverters.asJava(p.children())) {
            checkAnalyzed(child, problems);
        }
        for (Expression e : CollectionConverters.asJava(p.expressions())) {
            checkExpression(e, problems, false);
        }
    }

    private void checkLeaf(LogicalPlan leaf, List<String> problems) {
        if (leaf instanceof LocalRelation || leaf instanceof OneRowRelation || leaf instanceof Range || leaf instanceof CTERelationRef) {
            return;
        }
        if (leaf instanceof LogicalRelation lr && lr.relation() instanceof HadoopFsRelation fs) {
            for (Path path : CollectionConverters.asJava(fs.location().rootPaths())) {
                String p = path.toString();
                if (!(p.equals(root) || p.startsWith(root.endsWith("/") ? root : root + "/"))) {
                    problems.add("reads " + p + ", outside the warehouse " + root);
                }
            }
            return;
        }
        problems.add("reads from a " + leaf.getClass().getSimpleName() + ", which is not a table of the warehouse");
    }

    private void checkExpression(Expression e, List<String> problems, boolean parsed) {
        if (e instanceof CallMethodViaReflection || e.prettyName().toLowerCase(Locale.ROOT).matches("(try_)?reflect|java_method")) {
            problems.add("calling Java methods (reflect, java_method) is not allowed");
        }
        if (e instanceof SubqueryExpression s) {
            if (parsed) {
                checkParsed(s.plan(), problems);
            } else {
                checkAnalyzed(s.plan(), problems);
            }
        }
        for (Expression child : CollectionConverters.asJava(e.children())) {
            checkExpression(child, problems, parsed);
        }
    }
}
