package chatqa.cli;

import picocli.CommandLine.Option;

/** Where the warehouse is and which Spark runs over it: the same two options for score, backfill, report and sql. */
final class WarehouseOptions {
    @Option(names = "--warehouse", defaultValue = "warehouse", paramLabel = "DIR", description = "Warehouse root (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*], or spark.master when set by spark-submit).")
    String master;
}
