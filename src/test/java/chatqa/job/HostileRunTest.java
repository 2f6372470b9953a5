package chatqa.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.ingest.ExportMapping;
import chatqa.ingest.HostileExports;
import chatqa.ingest.LocalExports;
import chatqa.ingest.QuarantinedRow;
import chatqa.rules.RuleBookLoader;

/**
 * The whole job over every hostile export at once (docs/hostile-input.md): the committed small
 * fixtures plus the generated 1 MB messages and the GBK file that turns Chinese after the sniffed
 * part. The run must finish, its counts must reconcile, match the quarantine table row for row,
 * and match what the same readers give without Spark; the scorecards must be written. The
 * 50,000-message conversation and the 10,000 agents are left to HostileInputTest: scoring them
 * here took minutes on a shared two-core machine, far over this test's budget.
 */
@Tag("spark")
class HostileRunTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DAY = "2026-11-20";

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static RunSummary run;
    private static LocalExports.Read local;

    @BeforeAll
    static void scoreEveryHostileExport() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("input"));
        try (Stream<Path> fixtures = Files.list(HostileExports.fixtures())) {
            for (Path f : fixtures.toList()) {
                Files.copy(f, input.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        HostileExports.longMessageCsv(input);
        HostileExports.longMessageJsonl(input);
        HostileExports.gbkBeyondTheSniff(input);
        local = LocalExports.read(List.of(input), ExportMapping.canonical(), SHANGHAI, Duration.ofMinutes(30));

        spark = TestSpark.get();
        ScoreOptions o = new ScoreOptions(List.of(input.toString()), ExportMapping.canonical(), "canonical schema",
                RuleBookLoader.loadDefault(), SHANGHAI, LocalDate.parse(DAY), tmp.resolve("warehouse").toString(),
                tmp.resolve("reports").toString());
        run = new ScoreJob(spark).run(o);
    }

    private static Dataset<Row> table(String name) {
        return spark.read().parquet(tmp.resolve("warehouse").resolve(name).resolve("dt=" + DAY).toString());
    }

    private static String name(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    private static long localAccepted() {
        return local.conversations().stream().mapToLong(c -> c.messages().size()).sum();
    }

    @Test
    void countsReconcileAndAgreeWithTheReadersWithoutSpark() throws IOException {
        assertEquals(run.rowsRead(), run.accepted() + run.quarantined());
        assertEquals(localAccepted(), run.accepted());
        assertEquals(local.quarantined().size(), run.quarantined());
        Map<String, Long> reasons = local.quarantined().stream()
                .collect(Collectors.groupingBy(q -> q.reason().code(), TreeMap::new, Collectors.counting()));
        assertEquals(reasons, new TreeMap<>(run.quarantineReasons()));
        assertEquals(6L, run.quarantineReasons().get("implausible_timestamp"), "4 in timestamps.csv, 2 in timestamps.jsonl");
        try (Stream<Path> inputs = Files.list(tmp.resolve("input"))) {
            assertEquals(inputs.count(), run.files(), "every committed and generated file, the empty ones included");
        }
    }

    @Test
    void quarantineTableHoldsExactlyTheRowsTheCountsSay() {
        List<Row> rows = table("quarantine").collectAsList();
        assertEquals(run.quarantined(), rows.size());
        Set<String> stored = rows.stream().map(r -> name(r.getAs("source_file")) + ":" + r.getAs("source_line") + ":"
                + r.getAs("reason") + ":" + r.getAs("field")).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>();
        for (QuarantinedRow q : local.quarantined()) {
            expected.add(name(q.file()) + ":" + q.line() + ":" + q.reason().code() + ":" + q.field());
        }
        assertEquals(expected, stored);
        assertTrue(stored.contains("nul-bytes.csv:6:bad_encoding:null"), "the zero-filled tail");
        assertTrue(stored.contains("duplicate-export.csv:2:duplicate_message:null"));
        assertTrue(stored.contains("timestamps.csv:4:implausible_timestamp:sent_at"));
    }

    @Test
    void everyAcceptedMessageIsInTheWarehouseWhole() {
        Dataset<Row> messages = table("messages");
        assertEquals(run.accepted(), messages.count());
        Row longMessage = messages.where(col("conversation_id").equalTo("lm1").and(col("source_line").equalTo(3L))).first();
        assertEquals(HostileExports.longText(), longMessage.getAs("text"));
        List<String> outOfOrder = messages.where(col("conversation_id").equalTo("oo1")).orderBy("seq").collectAsList().stream()
                .map(r -> r.getAs("source_line").toString()).toList();
        assertEquals(List.of("5", "4", "3", "2"), outOfOrder, "sorted by time, not file order");
        assertEquals(local.conversations().size(), table("conversations").count());
    }

    @Test
    void scorecardsCoverEveryAgentAndTheCsvIsWritten() throws IOException {
        Set<String> agents = table("agent_scorecards").collectAsList().stream().map(r -> (String) r.getAs("agent_id"))
                .collect(Collectors.toSet());
        Set<String> agentsWhoWrote = local.conversations().stream().flatMap(c -> c.messages().stream())
                .filter(m -> m.isAgent()).map(m -> m.agentId()).collect(Collectors.toSet());
        assertEquals(Set.of("a1", "a-gl"), agentsWhoWrote);
        assertEquals(agentsWhoWrote, agents);
        assertEquals(run.agents(), agents.size());
        assertTrue(Files.exists(run.report()), "the supervisor report, although no export named a shop");
        List<String> csv = new String(Files.readAllBytes(run.scorecardCsv()), StandardCharsets.UTF_8).lines().toList();
        assertEquals(agents.size() + 1, csv.size(), "a header and a line per agent");
    }
}
