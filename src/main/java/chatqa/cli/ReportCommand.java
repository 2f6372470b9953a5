package chatqa.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import chatqa.publish.HtmlReport;
import chatqa.spark.SparkSessions;
import chatqa.spark.SupervisorReport;

/** {@code chatqa report}: rebuilds a day's HTML report from the warehouse, without scoring again. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Rebuild reports/<date>/ (team overview, agent pages, charts) from the warehouse.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The scored day.")
    LocalDate date;

    @Mixin
    WarehouseOptions target;

    @Option(names = "--reports", defaultValue = "reports", paramLabel = "DIR", description = "Reports root (default: ${DEFAULT-VALUE}).")
    String reports;

    @Option(names = "--timezone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
            description = "Zone for the times shown (default: ${DEFAULT-VALUE}).")
    String timezone;

    @Override
    public Integer call() throws Exception {
        SparkSession spark = SparkSessions.create(target.master, timezone);
        try {
            HtmlReport.Written w = SupervisorReport.publish(spark, target.warehouse, reports, date.toString());
            System.out.printf("chatqa report: day %s%n  overview      %s%n  agent pages   %d%n  charts        %d (PNG and SVG)%n",
                    date, w.index(), w.agentPages(), w.charts());
            return ChatQa.OK;
        } finally {
            spark.stop();
        }
    }
}
