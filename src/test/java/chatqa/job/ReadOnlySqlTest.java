package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import chatqa.ingest.ExportMapping;
import chatqa.rules.RuleBookLoader;
import chatqa.warehouse.SqlQuery;

/**
 * `chatqa sql` reads the warehouse and nothing else (issue "Never lose a scored day", finding 4:
 * it printed /etc/passwd, doubled a day with INSERT, wiped a partition with INSERT OVERWRITE
 * DIRECTORY and wrote tables under /tmp, leaving spark-warehouse/ behind).
 */
@Tag("spark")
class ReadOnlySqlTest {
    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static Path warehouse;
    private static SqlQuery sql;
    private static Map<String, String> before;

    @BeforeAll
    static void scoreADay() throws IOException, URISyntaxException {
        spark = TestSpark.get();
        warehouse = tmp.resolve("warehouse");
        String input = Path.of(ReadOnlySqlTest.class.getResource("/fixtures/day1").toURI()).toString();
        new ScoreJob(spark).run(new ScoreOptions(List.of(input), ExportMapping.canonical(), "canonical schema",
                RuleBookLoader.loadDefault(), ZoneId.of("Asia/Shanghai"), LocalDate.of(2026, 11, 20), warehouse.toString(),
                tmp.resolve("reports").toString()).withoutHtmlReport());
        sql = new SqlQuery(spark, warehouse.toString());
        before = FailedRunTest.snapshot(warehouse);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM text.`/etc/passwd`",
            "SELECT * FROM parquet.`/tmp`",
            "SELECT * FROM conversations WHERE conversation_id IN (SELECT value FROM text.`/etc/passwd`)",
            "INSERT INTO conversations SELECT * FROM conversations",
            "INSERT OVERWRITE DIRECTORY '%W/conversations/dt=2026-11-20' USING parquet SELECT 1 AS a",
            "CREATE TABLE t USING parquet LOCATION '%T/t' AS SELECT 1 AS a",
            "CREATE TABLE t2 (a INT) USING parquet LOCATION '%T/t2'",
            "DROP VIEW conversations",
            "ALTER VIEW conversations AS SELECT 1",
            "SET spark.sql.warehouse.dir=/tmp/elsewhere",
            "CACHE TABLE conversations",
            "SELECT reflect('java.lang.System', 'getProperty', 'user.home')",
            "SELECT java_method('java.lang.System', 'getenv', 'HOME')"})
    void writesAndReadsOutsideTheWarehouseAreRefused(String statement) throws IOException {
        String q = statement.replace("%W", warehouse.toString()).replace("%T", tmp.toString());

        SqlQuery.BadQuery e = assertThrows(SqlQuery.BadQuery.class, () -> sql.run(q));

        assertTrue(e.getMessage().startsWith("only queries that read the warehouse are run here: "), e.getMessage());
        assertEquals(before, FailedRunTest.snapshot(warehouse), "the warehouse is as it was");
        assertFalse(Files.exists(tmp.resolve("t")) || Files.exists(tmp.resolve("t2")));
        assertFalse(Files.exists(Path.of(System.getProperty("user.dir"), "spark-warehouse")), "no spark-warehouse/ left behind");
    }

    @Test
    void queriesOverTablesAndViewsRun() {
        assertEquals(sql.run("SELECT count(*) FROM conversations").first().getLong(0),
                sql.run("WITH c AS (SELECT * FROM conversations) SELECT count(*) FROM c").first().getLong(0));
        assertTrue(sql.run("SELECT * FROM compliance_daily").count() > 0);
        assertTrue(sql.run("SELECT rule_id, count(*) FROM rule_hits WHERE NOT passed GROUP BY rule_id").count() > 0);
        assertTrue(sql.run("SELECT a.agent_id FROM agent_scorecards a JOIN agent_segments s ON a.agent_id = s.agent_id").count() > 0);
        assertTrue(sql.run("DESCRIBE conversations").count() > 10);
        assertEquals(3, sql.run("SELECT * FROM range(3)").count());
    }
}
