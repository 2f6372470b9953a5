package chatqa.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import chatqa.ingest.ExportMapping;
import chatqa.rules.RuleBookLoader;

/**
 * Runs the scoring job on a real Spark standalone cluster — a master and one worker started on
 * 127.0.0.1 from the project's own Maven dependencies, no Spark download — and checks that it
 * writes exactly the tables a local[*] run writes. Both processes are stopped by PID. The sample
 * day it scores has an example of every outcome class.
 */
@Tag("spark")
class StandaloneClusterTest {
    private static final String SAMPLE_DAY = "sample-data/2026-11-20";

    @TempDir
    Path tmp;

    @Test
    void clusterRunWritesTheSameTablesAsALocalRun() throws Exception {
        Path sparkHome = sparkHomeOfTestClasspath();
        Path appJar = appJar();
        int masterPort = freePort();
        int masterUi = freePort();
        Process master = null;
        Process worker = null;
        try {
            master = start(sparkHome, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(masterUi));
            worker = start(sparkHome, "worker", "org.apache.spark.deploy.worker.Worker", "spark://127.0.0.1:" + masterPort,
                    "--host", "127.0.0.1", "--cores", "2", "--memory", "2g", "--webui-port", String.valueOf(freePort()));
            awaitAliveWorker(masterUi, master, worker);

            long t0 = System.nanoTime();
            // One SparkContext per JVM: the shared local session makes way for the cluster's.
            TestSpark.stop();
            SparkSession cluster = SparkSessions.builder("spark://127.0.0.1:" + masterPort, "Asia/Shanghai")
                    .config("spark.jars", appJar.toString())
                    .config("spark.executor.memory", "1g")
                    .getOrCreate();
            try {
                assertFalse(cluster.sparkContext().isLocal());
                score(cluster, "cluster");
            } finally {
                cluster.stop();
            }
            Progress.say("cluster run took %.1f s", (System.nanoTime() - t0) / 1e9);
        } finally {
            stop(worker);
            stop(master);
        }
        assertFalse(master.isAlive());
        assertFalse(worker.isAlive());

        SparkSession local = TestSpark.get();
        try {
            score(local, "local");
            List<String> outcomes = local.read().parquet(tmp.resolve("local-warehouse/conversations").toString())
                    .select("outcome").distinct().orderBy("outcome").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            assertEquals(List.of("compensated", "customer_silent_unhappy", "external_complaint_threat", "platform_intervention",
                    "resolved_in_chat", "return_refund_exchange", "transferred", "unresolved"), outcomes,
                    "the sample day has every outcome class");
            for (String table : List.of("conversations", "agent_segments", "rule_hits", "agent_scorecards", "messages", "quarantine",
                    "agent_scenarios")) {
                List<String> a = rows(local, "cluster", table);
                List<String> b = rows(local, "local", table);
                assertTrue(a.size() > 0, table);
                assertEquals(b, a, table + " differs between cluster and local runs");
            }
        } finally {
            TestSpark.stop();
        }
    }

    private void score(SparkSession spark, String name) throws IOException {
        ScoreOptions o = new ScoreOptions(List.of(SAMPLE_DAY), ExportMapping.canonical(), "canonical schema",
                RuleBookLoader.loadDefault(), ZoneId.of("Asia/Shanghai"), null,
                tmp.resolve(name + "-warehouse").toString(), tmp.resolve(name + "-reports").toString()).withoutHtmlReport();
        RunSummary s = new ScoreJob(spark).run(o);
        assertEquals(s.rowsRead(), s.accepted() + s.quarantined());
    }

    private List<String> rows(SparkSession spark, String name, String table) {
        List<String> out = new ArrayList<>();
        for (Row r : spark.read().parquet(tmp.resolve(name + "-warehouse").resolve(table).toString()).collectAsList()) {
            out.add(r.toString());
        }
        out.sort(null);
        return out;
    }

    /** A SPARK_HOME whose jars/ links every jar of this test's class path, as the worker needs. */
    private Path sparkHomeOfTestClasspath() throws IOException {
        Path jars = Files.createDirectories(tmp.resolve("spark-home/jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.exists(p) && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        return jars.getParent();
    }

    /** chatqa's compiled classes and resources as a jar, shipped to the executors. */
    private Path appJar() throws IOException {
        Path classes = Path.of("target/classes");
        Path jar = tmp.resolve("chatqa-app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private Process start(Path sparkHome, String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SparkSessions.jvmOpens());
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    /** Polls the master's JSON status page until the worker is registered and alive. */
    private void awaitAliveWorker(int masterUi, Process master, Process worker) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).build();
        for (int i = 0; i < 600 && master.isAlive() && worker.isAlive(); i++) {
            try {
                String body = http.send(status, HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("\"aliveworkers\" : 1") || body.contains("\"aliveworkers\":1")) {
                    return;
                }
            } catch (java.net.ConnectException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the worker did not register with the master; logs:\n"
                + Files.readString(tmp.resolve("master.log")) + "\n" + Files.readString(tmp.resolve("worker.log")));
    }

    private static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        ProcessHandle.of(p.pid()).ifPresent(h -> h.descendants().forEach(ProcessHandle::destroy));
        p.destroy();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
