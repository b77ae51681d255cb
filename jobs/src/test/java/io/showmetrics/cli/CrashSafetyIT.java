package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.db.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code run} during ingest, compute and publish, then {@code run} again: the serving tables
 * (row by row, without the columns that name a run or its clock) and the reconciliation (per entity, per file and
 * across runs) must equal those of one uninterrupted run on the same landing folder.
 *
 * <p>Every run is the real command line in a child JVM (the launcher's classpath and Spark flags), killed with
 * SIGKILL ({@link Process#destroyForcibly()}) at a point read from the lake's {@code _delta_log} or from the
 * serving database's locks. The serving tables live in one PostgreSQL started here, one database per scenario,
 * so the killed JVM leaves no server behind.
 */
class CrashSafetyIT {
    /** A small landing folder: two weeks, six show days, about 9,000 records in 112 files. */
    static final List<String> GENERATE = List.of("generate", "--scale", "0.004", "--days", "14");
    /** Serving tables with results (everything publish rewrites), compared row for row. */
    static final List<String> RESULT_TABLES = List.of("metric_definition", "show", "show_kpi", "show_minute",
            "show_moment", "experiment", "experiment_variant", "experiment_result", "experiment_incremental",
            "store_attribution", "retention_cohort", "channel_month", "omnichannel_period", "influenced_revenue",
            "show_sku", "show_benchmark", "show_audience", "show_month", "quarantine_sample");
    /** Columns that name a run or its wall clock, not a result: they differ between any two runs. */
    static final Set<String> RUN_COLUMNS = Set.of("run_id", "computed_at", "published_at", "loaded_at",
            "started_at", "finished_at", "step_seconds");
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);
    /** One line of the reconciliation a run prints: entity, files, read, accepted, quarantined, duplicates. */
    static final Pattern RECONCILIATION_LINE = Pattern.compile(
            "^(.+?)\\s+(\\d+)?\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");

    @TempDir
    static Path dir;
    static Path landing;
    static EmbeddedPostgresServer pg;
    static Published reference;
    static List<String> referenceReconciliation;

    /** What a user sees after the runs: the results, and the reconciliation on the Runs page. */
    record Published(Map<String, List<String>> results, List<String> filesAcrossRuns,
            List<String> quarantineReasonsAcrossRuns, List<String> runTotals, List<Long> totalsAcrossRuns) {}

    @BeforeAll
    static void generateAndRunOnce() throws IOException {
        landing = dir.resolve("landing");
        List<String> generate = new ArrayList<>(GENERATE);
        generate.addAll(List.of("--out", landing.toString()));
        assertThat(Showmetrics.commandLine().execute(generate.toArray(String[]::new))).isZero();
        pg = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
        long t0 = System.nanoTime();
        Path log = runToCompletion("reference");
        reference = published("reference");
        referenceReconciliation = reconciliation(log);
        System.out.printf("CrashSafetyIT: uninterrupted run %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(reference.results().get("show_kpi")).as("show_kpi of the uninterrupted run").isNotEmpty();
        assertThat(referenceReconciliation).as("reconciliation printed by the uninterrupted run").hasSizeGreaterThan(3);
    }

    @AfterAll
    static void stopDatabase() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void killedDuringIngestAfterAnEntityTableCommitted() throws IOException {
        String name = "ingest_kill";
        Path bronze = data(name).resolve("lake").resolve("bronze");
        long t0 = System.nanoTime();
        killWhen(name, "an entity table committed its append", () -> anEntityAppendCommitted(bronze));
        assertThat(Files.exists(commit(bronze.resolve("_ingest_log"), 1)))
                .as("the kill landed before the ingest log was written").isFalse();

        Path log = runToCompletion(name);
        Published after = published(name);
        System.out.printf("CrashSafetyIT: kill during ingest + run again %.1f s%n", (System.nanoTime() - t0) / 1e9);
        // The dead run left no ingest log, so the rerun loads every file again, and must count each record once.
        assertThat(reconciliation(log)).as("the rerun's reconciliation per entity").isEqualTo(referenceReconciliation);
        assertThat(after.runTotals()).as("pipeline_run: only the rerun, with the uninterrupted run's totals")
                .isEqualTo(reference.runTotals());
        assertSamePublished(after);
    }

    @Test
    void killedDuringCompute() throws IOException {
        String name = "compute_kill";
        Path gold = data(name).resolve("lake").resolve("gold");
        long t0 = System.nanoTime();
        killWhen(name, "compute wrote gold/data_through", () -> Files.exists(commit(gold.resolve("data_through"), 0)));
        assertThat(Files.exists(gold.resolve("_compute_log").resolve("_delta_log")))
                .as("the kill landed before the compute log was written").isFalse();

        runToCompletion(name);
        Published after = published(name);
        System.out.printf("CrashSafetyIT: kill during compute + run again %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertSamePublished(after);
        assertDeadRunRecordedAsStopped(name);
    }

    @Test
    void killedDuringPublish() throws IOException {
        String name = "publish_kill";
        long t0 = System.nanoTime();
        killWhen(name, "publish's transaction wrote show_minute", () -> publishIsWriting(name));
        assertThat(count(name, "SELECT count(*) FROM pipeline_run")).as("the killed transaction left no run row")
                .isZero();
        assertThat(count(name, "SELECT count(*) FROM show")).as("the killed transaction left no show").isZero();

        runToCompletion(name);
        Published after = published(name);
        System.out.printf("CrashSafetyIT: kill during publish + run again %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertSamePublished(after);
        assertDeadRunRecordedAsStopped(name);
    }

    /** The results row by row, and the reconciliation summed over the runs (the dead run's own ingest included). */
    private static void assertSamePublished(Published after) {
        for (String table : RESULT_TABLES) {
            assertThat(after.results().get(table)).as("serving table %s after the crash and a rerun", table)
                    .containsExactlyElementsOf(reference.results().get(table));
        }
        assertThat(after.filesAcrossRuns()).as("ingest_file over every run").isEqualTo(reference.filesAcrossRuns());
        assertThat(after.quarantineReasonsAcrossRuns()).as("quarantine_reason over every run")
                .isEqualTo(reference.quarantineReasonsAcrossRuns());
        assertThat(after.totalsAcrossRuns()).as("pipeline_run read, accepted, quarantined, duplicates, files over "
                + "every run").isEqualTo(reference.totalsAcrossRuns());
    }

    /** The dead run's ingest, published by the rerun, does not claim to be a separate ingest step. */
    private static void assertDeadRunRecordedAsStopped(String name) {
        try (Connection c = DriverManager.getConnection(url(name), pg.user(), pg.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT message FROM pipeline_run WHERE files_loaded > 0")) {
            List<String> messages = new ArrayList<>();
            while (rs.next()) {
                messages.add(rs.getString(1));
            }
            assertThat(messages).as("pipeline_run of the run that loaded the files and died").singleElement()
                    .asString().contains("a run that stopped before publishing").contains("published by run ");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the child JVM ----

    private static Path data(String name) {
        return dir.resolve(name);
    }

    private static Process start(String name, Path log) {
        createDatabase(name);
        Path build = buildDirectory();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-modules")
                        || a.equals("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djdk.reflect.")
                        || a.startsWith("-Dio.netty."))
                .toList());
        try {
            command.addAll(List.of("-cp", build.resolve("classes") + ":"
                            + Files.readString(build.resolve("runtime-classpath.txt")).trim(),
                    "io.showmetrics.cli.Showmetrics", "run", "--input", landing.toString(),
                    "--data", data(name).toString(), "--db", url(name), "--db-user", EmbeddedPostgresServer.USER,
                    "--master", "local[2]"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            pb.environment().put("TZ", "UTC");
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code run} to its end; returns its output (the log of this run alone). */
    private static Path runToCompletion(String name) throws IOException {
        Path log = Files.createTempFile(dir, name + "-run-", ".log");
        Process p = start(name, log);
        try {
            if (!p.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("run did not finish within " + RUN_TIMEOUT + ":\n" + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(p.exitValue()).as("exit code of run (%s); its output:\n%s", name, tail(log)).isZero();
        return log;
    }

    /** Starts {@code run} and kills it with SIGKILL as soon as {@code point} holds. */
    private static void killWhen(String name, String what, BooleanSupplier point) throws IOException {
        Path log = Files.createTempFile(dir, name + "-killed-", ".log");
        Process p = start(name, log);
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        try {
            while (!point.getAsBoolean()) {
                if (!p.isAlive()) {
                    throw new AssertionError("run ended (exit " + p.exitValue() + ") before " + what
                            + ": the kill point was missed; its output:\n" + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError("no " + what + " within " + RUN_TIMEOUT + ":\n" + tail(log));
                }
                Thread.sleep(10);
            }
            p.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        System.out.printf("CrashSafetyIT: killed %s when %s%n", name, what);
    }

    /** The jobs module's build folder (target, or the one named by -Dsm.target). */
    private static Path buildDirectory() {
        try {
            return Path.of(CrashSafetyIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test classes are not in a folder", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - 80), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    // ---- kill points ----

    private static Path commit(Path table, long version) {
        return table.resolve("_delta_log").resolve(String.format("%020d.json", version));
    }

    /** Some entity table (not the quarantine or the ingest log) has a commit after its creation. */
    private static boolean anEntityAppendCommitted(Path bronze) {
        if (!Files.isDirectory(bronze)) {
            return false;
        }
        try (var tables = Files.list(bronze)) {
            return tables.filter(t -> !t.getFileName().toString().equals("_ingest_log")
                            && !t.getFileName().toString().equals("quarantine"))
                    .anyMatch(t -> Files.exists(commit(t, 1)));
        } catch (IOException e) {
            return false; // a table folder appeared or vanished while listing; look again
        }
    }

    /** Publish's transaction holds the row lock of its DELETE on show_minute: it is writing the results. */
    private static boolean publishIsWriting(String name) {
        try (Connection c = DriverManager.getConnection(url(name), EmbeddedPostgresServer.USER, "");
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_locks l "
                        + "JOIN pg_class r ON r.oid = l.relation WHERE r.relname = 'show_minute' "
                        + "AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the serving database ----

    private static String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + name;
    }

    private static void createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String name, String sql) {
        try (Connection c = DriverManager.getConnection(url(name), pg.user(), pg.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Published published(String name) {
        try (Connection c = DriverManager.getConnection(url(name), pg.user(), pg.password());
                Statement s = c.createStatement()) {
            Map<String, List<String>> results = new LinkedHashMap<>();
            for (String table : RESULT_TABLES) {
                results.put(table, rows(s, "SELECT * FROM " + table));
            }
            return new Published(results,
                    rows(s, "SELECT entity, file, records_read, records_accepted, records_quarantined, "
                            + "records_duplicate FROM ingest_file"),
                    rows(s, "SELECT entity, reason, sum(records) FROM quarantine_reason GROUP BY entity, reason"),
                    rows(s, "SELECT records_read, records_accepted, records_quarantined, records_duplicate, "
                            + "files_loaded FROM pipeline_run"),
                    totals(s));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the serving tables of " + name, e);
        }
    }

    private static List<Long> totals(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT sum(records_read), sum(records_accepted), "
                + "sum(records_quarantined), sum(records_duplicate), sum(files_loaded) FROM pipeline_run")) {
            rs.next();
            List<Long> out = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                out.add(rs.getLong(i));
            }
            return out;
        }
    }

    /** Every row as "column=value|...", without the {@link #RUN_COLUMNS}, sorted. */
    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
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
        return rows;
    }

    /** The per-entity reconciliation lines a run printed (entity, files, read, accepted, quarantined, duplicates). */
    private static List<String> reconciliation(Path log) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("entity ") && line.endsWith("duplicates")) {
                inTable = true;
                continue;
            }
            Matcher m = RECONCILIATION_LINE.matcher(line);
            if (inTable && !m.matches()) {
                break;
            }
            if (inTable) {
                lines.add(m.group(1).trim() + " " + m.group(2) + " read=" + m.group(3) + " accepted=" + m.group(4)
                        + " quarantined=" + m.group(5) + " duplicates=" + m.group(6));
            }
        }
        return lines;
    }
}
