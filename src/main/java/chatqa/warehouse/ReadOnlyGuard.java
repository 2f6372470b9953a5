package chatqa.warehouse;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.analysis.LocalTempView$;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.CreateViewCommand;

import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * The read-only rule of {@link ReadOnlySql} for a server whose clients send plans, not just SQL
 * text (Spark Connect: DataFrames, writers, catalog calls): a Spark session extension whose check
 * rule refuses, at analysis and so before anything runs, every plan that would write, create or
 * drop, or read outside the warehouse. Describing and listing tables, and a client's own temporary
 * views (whose queries are checked when they run), are allowed. Until the server has armed it
 * with the warehouse root it refuses everything (a client may connect while the server starts);
 * the server's own registration and refreshes run {@link #unguarded}.
 */
public final class ReadOnlyGuard implements Function1<SparkSessionExtensions, BoxedUnit> {
    /** Analyzed forms of the statements that only describe what is registered. */
    private static final Set<String> DESCRIBING = Set.of("DescribeTableCommand", "DescribeColumnCommand", "ShowTablesCommand",
            "ShowViewsCommand", "ShowColumnsCommand", "ShowFunctionsCommand", "DescribeFunctionCommand", "ShowTables", "ShowViews",
            "ShowColumns", "ShowFunctions", "DescribeRelation", "DescribeColumn", "DescribeFunction", "ShowNamespaces",
            "ShowNamespacesCommand", "ShowCurrentNamespaceCommand", "ShowCatalogsCommand");
    /** The qualified warehouse root once armed; null while the server sets itself up. */
    private static final AtomicReference<String> ARMED = new AtomicReference<>();
    private static final ThreadLocal<Boolean> UNGUARDED = ThreadLocal.withInitial(() -> false);

    /** Spark builds the extension by its class name ({@code spark.sql.extensions}). */
    public ReadOnlyGuard() {
    }

    /** Every plan of every session (but the server's own, {@link #unguarded}) must only read {@code qualifiedRoot}. */
    public static void arm(String qualifiedRoot) {
        ARMED.set(qualifiedRoot);
    }

    /** Work of the server itself on its catalog. */
    public interface Upkeep<T> {
        T run() throws java.io.IOException;
    }

    /** The server's own catalog upkeep (registering the warehouse, recovering partitions of a newly scored day). */
    public static <T> T unguarded(Upkeep<T> work) throws java.io.IOException {
        UNGUARDED.set(true);
        try {
            return work.run();
        } finally {
            UNGUARDED.set(false);
        }
    }

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectCheckRule(session -> (Function1<LogicalPlan, BoxedUnit>) ReadOnlyGuard::check);
        return BoxedUnit.UNIT;
    }

    private static BoxedUnit check(LogicalPlan plan) {
        if (UNGUARDED.get()) {
            return BoxedUnit.UNIT;
        }
        String root = ARMED.get();
        List<String> problems;
        if (root == null) {
            problems = List.of("the server is still starting");
        } else if (plan instanceof CreateViewCommand v && v.viewType() == LocalTempView$.MODULE$) {
            problems = List.of();
        } else if (plan instanceof Command) {
            problems = DESCRIBING.contains(plan.getClass().getSimpleName()) ? List.of()
                    : List.of(plan.getClass().getSimpleName() + " is not a read of the warehouse");
        } else {
            problems = ReadOnlySql.problemsOfAnalyzed(plan, root);
        }
        if (!problems.isEmpty()) {
            throw ReadOnlySql.refusal(problems);
        }
        return BoxedUnit.UNIT;
    }
}
