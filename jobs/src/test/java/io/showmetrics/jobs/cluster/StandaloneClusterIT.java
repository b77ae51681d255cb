package io.showmetrics.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.cli.Showmetrics;
import io.showmetrics.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same jobs on a real Spark cluster: a standalone Master and two Workers (1 core, 1g each) started
 * by {@code cluster/start-standalone.sh} from a SPARK_HOME made of the Maven build's Spark jars, the
 * application jar ({@code -spark.jar}) and Delta handed over by {@code cluster/submit.sh} exactly as
 * docs/cluster.md shows, against a local-mode run of the launcher's classpath on the same input. Every
 * published KPI must be identical; only {@code run_id} and {@code computed_at} (which run, and when) differ,
 * and a full-precision double may differ in its last digits ({@link #sameUpToLastDigits}): the cluster
 * partitions the data differently, so a sum of doubles is added in another order.
 */
class StandaloneClusterIT {
    /** Serving tables compared row for row, with every column but the {@link #RUN_COLUMNS}. */
    static final List<String> KPI_TABLES = List.of("show_kpi", "show_minute", "experiment_result",
            "retention_cohort", "store_attribution", "channel_month");
    /** Columns that name the run itself (its id and wall clock), not a KPI: they differ between any two runs. */
    static final java.util.Set<String> RUN_COLUMNS = java.util.Set.of("computed_at", "run_id");
    static final String SCALE = "0.01";

    @TempDir
    Path dir;

    @Test
    void clusterAndLocalModePublishIdenticalKpis() throws IOException {
        Path build = Processes.buildDirectory();
        Path appJar = applicationJar(build);
        Path landing = dir.resolve("landing");
        assertThat(Showmetrics.commandLine().execute("generate", "--out", landing.toString(), "--scale", SCALE))
                .isZero();

        Path sparkHome = dir.resolve("spark-home");
        Path state = dir.resolve("standalone");
        Path scripts = Processes.repositoryRoot().resolve("cluster");
        Processes.runOk(List.of(scripts.resolve("spark-home.sh").toString(), sparkHome.toString(), build.toString()),
                Map.of(), dir.resolve("spark-home.log"), Duration.ofMinutes(1));
        Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_LOCAL_IP", "127.0.0.1",
                "TZ", "UTC", "JAVA_HOME", System.getProperty("java.home"));

        List<String> stop = List.of(scripts.resolve("stop-standalone.sh").toString(), state.toString());
        Thread stopOnExit = new Thread(() -> Processes.run(stop, env, dir.resolve("stop-on-exit.log"),
                Duration.ofMinutes(1)));
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        long clusterMillis;
        try {
            long t0 = System.nanoTime();
            Processes.runOk(List.of(scripts.resolve("start-standalone.sh").toString(), state.toString(), "2", "1", "1g"),
                    env, dir.resolve("start-standalone.log"), Duration.ofMinutes(3));
            String master = Files.readString(state.resolve("master-url")).trim();
            assertThat(master).startsWith("spark://127.0.0.1:");

            List<String> submit = new ArrayList<>(List.of(scripts.resolve("submit.sh").toString(),
                    "--master", master, "--deploy-mode", "client", "--name", "showmetrics-cluster-it",
                    "--class", "io.showmetrics.cli.Showmetrics", "--jars", deltaJars(build),
                    "--total-executor-cores", "2", "--executor-cores", "1", "--executor-memory", "1g",
                    "--conf", "spark.databricks.delta.snapshotPartitions=2",
                    appJar.toString(), "run", "--input", landing.toString(), "--data", dir.resolve("cluster").toString()));
            Processes.runOk(submit, env, dir.resolve("submit.log"), Duration.ofMinutes(20));
            clusterMillis = (System.nanoTime() - t0) / 1_000_000;

            // Both workers ran executors of the application: the work really was distributed.
            for (String worker : List.of("worker-1", "worker-2")) {
                try (Stream<Path> apps = Files.list(state.resolve(worker))) {
                    assertThat(apps.filter(p -> p.getFileName().toString().startsWith("app-")).toList())
                            .as("executor folders of %s", worker).isNotEmpty();
                }
            }
        } finally {
            Processes.runOk(stop, env, dir.resolve("stop-standalone.log"), Duration.ofMinutes(1));
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }

        long t1 = System.nanoTime();
        List<String> local = new ArrayList<>(List.of(Processes.java(), "-Xmx2g"));
        local.addAll(Processes.sparkJvmFlags());
        local.addAll(List.of("-cp", build.resolve("classes") + ":" + Files.readString(build.resolve("runtime-classpath.txt")).trim(),
                "io.showmetrics.cli.Showmetrics", "run", "--input", landing.toString(),
                "--data", dir.resolve("local").toString(), "--master", "local[2]"));
        Processes.runOk(local, env, dir.resolve("local.log"), Duration.ofMinutes(15));
        long localMillis = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("StandaloneClusterIT: cluster start + run %.1f s, local run %.1f s%n",
                clusterMillis / 1000.0, localMillis / 1000.0);

        Map<String, List<String>> onCluster = publishedKpis(dir.resolve("cluster"));
        Map<String, List<String>> inLocalMode = publishedKpis(dir.resolve("local"));
        for (String table : KPI_TABLES) {
            assertThat(inLocalMode.get(table)).as("%s published by the local run", table).isNotEmpty();
            assertThat(onCluster.get(table)).as("%s on the cluster vs in local mode", table)
                    .usingElementComparator(StandaloneClusterIT::compareUpToLastDigits)
                    .containsExactlyElementsOf(inLocalMode.get(table));
        }
    }

    /**
     * Whether two published values are the same number: equal text, or two doubles printed to 15 or more
     * significant digits whose relative difference is at most 1e-12 (the same sum of doubles added in
     * another order). A value rounded for display (a numeric column, fewer digits) must match exactly.
     */
    static boolean sameUpToLastDigits(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (significantDigits(a) < 15 || significantDigits(b) < 15) {
            return false;
        }
        double x = Double.parseDouble(a);
        double y = Double.parseDouble(b);
        return Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
    }

    /** Rows ("column=value|...") compared cell by cell with {@link #sameUpToLastDigits}; 0 when the same. */
    static int compareUpToLastDigits(String a, String b) {
        String[] x = a.split("\\|", -1);
        String[] y = b.split("\\|", -1);
        if (x.length == y.length) {
            boolean same = true;
            for (int i = 0; i < x.length && same; i++) {
                int ex = x[i].indexOf('=');
                int ey = y[i].indexOf('=');
                same = ex == ey && ex >= 0 ? x[i].substring(0, ex).equals(y[i].substring(0, ey))
                        && sameUpToLastDigits(x[i].substring(ex + 1), y[i].substring(ey + 1)) : x[i].equals(y[i]);
            }
            if (same) {
                return 0;
            }
        }
        return a.compareTo(b);
    }

    /** Significant digits of a number's text (0 when it is not a plain decimal number). */
    static int significantDigits(String text) {
        if (!text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return 0;
        }
        String mantissa = text.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").length();
    }

    /** Delta for spark-submit, as --packages io.delta:delta-spark_2.13:4.0.1 would fetch it: from the build's classpath. */
    static String deltaJars(Path build) throws IOException {
        String jars = Arrays.stream(Files.readString(build.resolve("runtime-classpath.txt")).trim().split(":"))
                .filter(j -> j.contains("/io/delta/delta-spark_2.13/") || j.contains("/io/delta/delta-storage/"))
                .collect(Collectors.joining(","));
        assertThat(jars.split(",")).as("delta-spark and delta-storage on the runtime classpath").hasSize(2);
        return jars;
    }

    /** The jar maven-shade-plugin made at package: showmetrics-jobs-VERSION-spark.jar. */
    static Path applicationJar(Path build) throws IOException {
        try (Stream<Path> files = Files.list(build)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("showmetrics-jobs-.+-spark\\.jar"))
                    .toList();
            assertThat(jars).as("the application jar in %s (made by mvn package)", build).hasSize(1);
            return jars.get(0);
        }
    }

    /** Every row of every KPI table, each as "column=value|..." without the run columns, sorted. */
    static Map<String, List<String>> publishedKpis(Path data) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data.resolve("postgres"), 0);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                Statement s = c.createStatement()) {
            for (String table : KPI_TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (!RUN_COLUMNS.contains(md.getColumnName(i))) {
                                row.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the serving tables in " + data, e);
        }
        return tables;
    }
}
