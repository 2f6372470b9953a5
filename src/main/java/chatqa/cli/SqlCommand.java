package chatqa.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import chatqa.job.QueryOutput;
import chatqa.job.Session;
import chatqa.job.SqlPrompt;
import chatqa.warehouse.SqlQuery;

/** {@code chatqa sql}: Spark SQL over every warehouse table (all days) and the trend views. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Query the warehouse with Spark SQL. Views: messages, conversations, agent_segments, rule_hits,",
                "agent_scorecards, agent_scenarios, quarantine, runs (all days, with dt), and rule_daily, agent_trend,",
                "compliance_daily, scenario_daily, group_daily. Without a query: an interactive prompt."})
final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
            description = "A Spark SQL query, e.g. \"SELECT * FROM agent_trend\"; without one, an interactive prompt (one Spark start, many queries).")
    String query;

    @Mixin
    WarehouseOptions target;

    @Option(names = "--output", defaultValue = "table", paramLabel = "table|csv|json", description = "Result format (default: ${DEFAULT-VALUE}). CSV to standard output (a pipe) has no byte-order mark; "
                    + "CSV written with --out has one, so Excel opens it as UTF-8.")
    String output;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    Path out;

    @Option(names = "--limit", defaultValue = "1000", paramLabel = "N", description = "Rows shown in table output (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    TimezoneOption timezone;

    @Override
    public Integer call() throws Exception {
        QueryOutput.Format format;
        try {
            format = QueryOutput.Format.valueOf(output.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ChatQa.BadArgument("--output " + output + ": expected table, csv or json");
        }
        try (Session session = Session.open(target.master, timezone.zone().getId())) {
            if (query == null) {
                SqlPrompt.Lines in = System.console() != null
                        ? SqlPrompt.terminal(Path.of(System.getProperty("user.home"), ".chatqa_sql_history"))
                        : SqlPrompt.plain(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
                session.prompt(target.warehouse, format, limit, in, System.out);
                return ChatQa.OK;
            }
            session.query(target.warehouse, query, format, out, limit, System.out);
            return ChatQa.OK;
        } catch (SqlQuery.BadQuery e) {
            throw new ChatQa.BadArgument(e.getMessage());
        }
    }
}
