package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.ingest.ExportMapping;
import chatqa.rules.RuleBookLoader;
import chatqa.warehouse.SqlQuery;

/**
 * {@code chatqa serve} as an analyst meets it: the server started on a free loopback port in its
 * own JVM (as jobs/serve.sh runs it), a notebook-like JVM client connecting over Spark Connect
 * ({@link ConnectProbe}, in its own JVM too: the client's shaded classes clash with the server's),
 * the README's example queries answered as {@code chatqa sql} answers them, and every write or
 * read outside the warehouse refused through the server, with nothing written.
 */
@Tag("spark")
class ConnectServerTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    static Path tmp;

    private static Process server;
    private static int port;

    @BeforeAll
    static void scoreADayAndServeIt() throws IOException, URISyntaxException, InterruptedException {
        SparkSession spark = TestSpark.get();
        String input = Path.of(ConnectServerTest.class.getResource("/fixtures/day1").toURI()).toString();
        RunSummary s = new ScoreJob(spark).run(new ScoreOptions(List.of(input), ExportMapping.canonical(), "canonical schema",
                RuleBookLoader.loadDefault(), ZoneId.of("Asia/Shanghai"), DAY, warehouse(), tmp.resolve("reports").toString())
                .withoutHtmlReport());
        assertTrue(s.committed(), s.render());
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        server = java(false, "chatqa.cli.ChatQa", "serve", "--warehouse", warehouse(), "--port", String.valueOf(port), "--master", "local[1]")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("serve.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!Files.readString(tmp.resolve("serve.log")).contains("chatqa serve: sc://")) {
            assertTrue(server.isAlive(), "serve exited: " + Files.readString(tmp.resolve("serve.log")));
            assertTrue(System.nanoTime() < deadline, "serve did not start: " + Files.readString(tmp.resolve("serve.log")));
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String warehouse() {
        return tmp.resolve("warehouse").toString();
    }

    /**
     * A JVM on the test classpath with Spark's JDK openings: the server's without the Connect
     * client, the client's with it first and without the server.
     */
    private static ProcessBuilder java(boolean client, String... args) {
        List<String> cp = new ArrayList<>(Arrays.asList(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator)));
        List<String> kept = cp.stream().filter(e -> !e.contains("spark-connect-client-jvm") && !(client && e.contains("spark-connect_2.13")))
                .collect(Collectors.toCollection(ArrayList::new));
        if (client) {
            cp.stream().filter(e -> e.contains("spark-connect-client-jvm")).findFirst().ifPresent(e -> kept.add(0, e));
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        cmd.addAll(SparkSessions.jvmOpens());
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, kept)));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    /** Each query's answer line from a client session: OK or REFUSED, then the rows or the message. */
    private static List<String> ask(String... queries) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("chatqa.job.ConnectProbe", "sc://127.0.0.1:" + port));
        args.addAll(List.of(queries));
        Process p = java(true, args.toArray(String[]::new)).redirectError(tmp.resolve("client.err").toFile()).start();
        List<String> answers = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("OK\t") || line.startsWith("REFUSED\t")) {
                    answers.add(line);
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(queries.length, answers.size(), "answers: " + answers + "\n" + Files.readString(tmp.resolve("client.err")));
        return answers;
    }

    private static String local(String sql) throws IOException {
        List<Row> rows = new SqlQuery(TestSpark.get(), warehouse()).run(sql).collectAsList();
        return "OK\t" + rows.stream().map(Row::toString).collect(Collectors.joining(" | "));
    }

    @Test
    void theReadmesQueriesAnswerAsChatqaSqlDoes() throws IOException, InterruptedException {
        String[] queries = {
                "SELECT dt, shop_id, agent_id, conversations, qa_score, rank FROM agent_trend ORDER BY dt, shop_id, rank, agent_id",
                "SELECT dt, shop_id, greeting_rate, apology_rate, closing_rate, sla_10s_rate FROM compliance_daily ORDER BY dt, shop_id",
                "SELECT rule_id, sum(hits) AS hits FROM rule_daily GROUP BY rule_id ORDER BY hits DESC, rule_id LIMIT 5",
                "SELECT dt, shop_id, scenario, conversations, share, compliance FROM scenario_daily ORDER BY dt, shop_id, conversations DESC, scenario",
                "SELECT count(*) FROM messages"};
        List<String> remote = ask(queries);
        for (int i = 0; i < queries.length; i++) {
            assertTrue(remote.get(i).startsWith("OK\t") && remote.get(i).length() > 4, queries[i] + " → " + remote.get(i));
            assertEquals(local(queries[i]), remote.get(i), queries[i]);
        }
    }

    @Test
    void writesAndReadsOutsideTheWarehouseAreRefusedThroughTheServer() throws IOException, InterruptedException {
        Path outside = tmp.resolve("outside");
        List<String> answers = ask(
                "DROP TABLE messages",
                "INSERT INTO runs SELECT * FROM runs",
                "CREATE TABLE copy USING parquet LOCATION '" + outside + "' AS SELECT * FROM messages",
                "write:" + outside.resolve("written"),
                "read:" + tmp.resolve("serve.log"),
                "SELECT reflect('java.lang.System', 'exit', 0)",
                "CREATE OR REPLACE TEMP VIEW mine AS SELECT * FROM conversations WHERE qa_score < 80",
                "SELECT count(*) > 0 FROM messages");
        for (int i = 0; i < 6; i++) {
            assertTrue(answers.get(i).startsWith("REFUSED\t"), answers.get(i));
        }
        assertTrue(answers.get(0).contains("only queries that read the warehouse are run here: DropTable is not a read of the warehouse"),
                answers.get(0));
        assertTrue(answers.get(1).contains("InsertIntoHadoopFsRelationCommand is not a read"), answers.get(1));
        assertTrue(answers.get(3).contains("only queries that read the warehouse"), answers.get(3));
        assertTrue(answers.get(5).contains("calling Java methods (reflect, java_method) is not allowed"), answers.get(5));
        assertEquals("OK\t", answers.get(6), "a client's own temporary view is allowed");
        assertEquals("OK\t[true]", answers.get(7), "the server still serves, its tables intact");
        assertFalse(Files.exists(outside), "nothing written outside the warehouse");
        assertTrue(server.isAlive());
    }
}
