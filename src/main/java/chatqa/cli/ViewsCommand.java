package chatqa.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.rules.RuleBook;
import chatqa.warehouse.DuckDbViews;
import chatqa.warehouse.Tables;
import chatqa.warehouse.WarehouseViews;

/**
 * {@code chatqa views}: the warehouse's views as SQL for another engine (DuckDB, and Spark SQL
 * to read), so analysts there get chatqa's definitions. Needs no Spark: it reads the warehouse's
 * folders to see which tables exist, and the rule book's SLA tiers.
 */
@Command(name = "views", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the warehouse's table and trend views as SQL: --dialect duckdb for DuckDB (and pandas or BI",
                "tools on DuckDB), spark for the definitions chatqa sql uses."})
final class ViewsCommand implements Callable<Integer> {
    @Option(names = "--dialect", defaultValue = "duckdb", paramLabel = "duckdb|spark", description = "SQL dialect (default: ${DEFAULT-VALUE}).")
    String dialect;

    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "DIR", description = "Warehouse root, a local folder (default: ${DEFAULT-VALUE}).")
    Path warehouse;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws Exception {
        RuleBook book = rules.loadForNames();
        Path root = warehouse.toAbsolutePath().normalize();
        List<String> tables = new ArrayList<>();
        for (String t : Tables.QUERIED) {
            Path dir = root.resolve(t);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> days = Files.list(dir)) {
                    if (days.anyMatch(d -> d.getFileName().toString().startsWith("dt="))) {
                        tables.add(t);
                    }
                }
            }
        }
        if (tables.isEmpty()) {
            throw new ChatQa.BadArgument("no tables under " + root + " (run chatqa score first, or pass --warehouse)");
        }
        switch (dialect) {
            case "duckdb" -> System.out.print(DuckDbViews.script(root.toString().replace(File.separatorChar, '/'), tables, book.slaSeconds()));
            case "spark" -> WarehouseViews.trends(book.slaSeconds()).forEach((name, sql) ->
                    System.out.printf("CREATE OR REPLACE TEMP VIEW %s AS%n%s;%n", name, sql));
            default -> throw new ChatQa.BadArgument("--dialect " + dialect + ": expected duckdb or spark");
        }
        return ChatQa.OK;
    }
}
