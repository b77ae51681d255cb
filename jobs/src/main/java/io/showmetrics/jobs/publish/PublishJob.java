package io.showmetrics.jobs.publish;

import static org.apache.spark.sql.functions.col;

import io.showmetrics.core.catalog.MetricCatalog;
import io.showmetrics.core.catalog.MetricDefinition;
import io.showmetrics.jobs.compute.ServingTables;
import io.showmetrics.jobs.lake.Lake;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Publishes gold to the PostgreSQL serving tables: a plain copier of the gold → serving table list
 * ({@link ServingTables#TABLES}; gold holds everything the dashboard reads, status included), plus the run log.
 *
 * <p>The copied columns are the serving table's own, read from PostgreSQL's catalog; each must exist in the gold
 * table with a compatible type, or publish stops before changing anything and names the table and column. Rows go
 * in with {@code COPY} (CSV). Atomic: everything goes in one transaction, so the dashboard sees either the
 * previous run's results or this run's, never half of each. Results are replaced only when a gold table's Delta
 * version differs from the one last published ({@code publish_state}), and each table is read at the version
 * recorded; the run log is always written, including rows for ingest runs that were never published (steps
 * run one by one).
 */
public final class PublishJob {
    /** Quarantined records copied per run to the serving tables for the Runs page; all stay in the lake. */
    static final int QUARANTINE_SAMPLE_PER_RUN = 500;
    /** Gold tables read at once (each read is mostly Delta log work on the driver). */
    private static final int PARALLEL_READS = 4;

    private PublishJob() {}

    /**
     * @param resultsReplaced whether the results tables were rewritten (false when gold was unchanged)
     * @param copyMillis per serving table, the time its COPY took (empty when nothing was replaced)
     */
    public record Result(boolean resultsReplaced, int shows, int minutes, List<String> runsRecorded,
            Map<String, Long> copyMillis) {}

    public static Result publish(SparkSession spark, Lake lake, ServingDatabase db, RunRecord run, Instant now) {
        db.migrate();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_READS, r -> {
            Thread t = new Thread(r, "publish-read");
            t.setDaemon(true);
            return t;
        });
        try (Connection c = db.connect()) {
            Map<String, Long> goldVersions = goldVersions(spark, lake, pool);
            Map<String, Long> published = publishedVersions(c);
            boolean replace = goldVersions.values().stream().allMatch(v -> v >= 0) && !goldVersions.equals(published);
            Map<String, Integer> rows = new LinkedHashMap<>();
            Map<String, Long> copyMillis = new LinkedHashMap<>();
            Instant dataThrough = dataThrough(spark, lake);
            if (replace) {
                Map<String, List<ServingColumn>> columns = servingColumns(c);
                Map<String, Future<CsvCopy.Rendered>> rendered = new LinkedHashMap<>();
                for (ServingTables.Copy t : ServingTables.TABLES) {
                    List<ServingColumn> cols = columns.get(t.serving());
                    if (cols == null) {
                        throw new IllegalStateException("Serving table " + t.serving() + " (copied from gold "
                                + t.gold() + ") does not exist in " + db + "; the migrations and the jobs disagree.");
                    }
                    long version = goldVersions.get(t.gold());
                    rendered.put(t.serving(), pool.submit(() -> render(spark, lake, t, version, cols)));
                }
                writeDefinitions(c);
                List<ServingTables.Copy> reversed = new ArrayList<>(ServingTables.TABLES);
                Collections.reverse(reversed);
                try (Statement s = c.createStatement()) {
                    for (ServingTables.Copy t : reversed) { // tables that reference another one first
                        s.execute("DELETE FROM " + t.serving());
                    }
                }
                for (ServingTables.Copy t : ServingTables.TABLES) {
                    CsvCopy.Rendered r = await(rendered.get(t.serving()));
                    long t0 = System.nanoTime();
                    CsvCopy.copyIn(c, t.serving(), columns.get(t.serving()).stream().map(ServingColumn::name).toList(), r);
                    copyMillis.put(t.serving(), (System.nanoTime() - t0) / 1_000_000);
                    rows.put(t.serving(), r.rows());
                }
                writePublishState(c, goldVersions, run.runId(), now);
            }
            List<String> runs = writeRuns(c, spark, lake, run);
            recordDataThrough(c, run.runId(), dataThrough);
            c.commit();
            return new Result(replace, rows.getOrDefault("show", 0), rows.getOrDefault("show_minute", 0), runs,
                    copyMillis);
        } catch (SQLException e) {
            throw new IllegalStateException("Publishing to " + db + " failed: " + e.getMessage()
                    + ". Nothing was changed (the transaction was rolled back).", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The Delta version of every gold table copied (-1 for one that does not exist yet), in list order. */
    private static Map<String, Long> goldVersions(SparkSession spark, Lake lake, ExecutorService pool) {
        Map<String, Future<Long>> futures = new LinkedHashMap<>();
        for (ServingTables.Copy t : ServingTables.TABLES) {
            futures.put(t.gold(), pool.submit(() -> Lake.version(spark, lake.gold(t.gold()))));
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Future<Long>> e : futures.entrySet()) {
            out.put(e.getKey(), await(e.getValue()));
        }
        return out;
    }

    /** A serving table's column as PostgreSQL's catalog describes it. */
    record ServingColumn(String name, String type) {}

    /** The columns of every table of the current schema, in their order. */
    static Map<String, List<ServingColumn>> servingColumns(Connection c) throws SQLException {
        Map<String, List<ServingColumn>> out = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ServingColumn(rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** Reads a gold table at the given version and renders the serving table's columns of it as CSV. */
    private static CsvCopy.Rendered render(SparkSession spark, Lake lake, ServingTables.Copy t, long version,
            List<ServingColumn> columns) {
        Dataset<Row> gold = spark.read().format("delta").option("versionAsOf", version).load(lake.gold(t.gold()));
        checkColumns(t, gold.schema(), columns);
        Dataset<Row> selected = gold.select(columns.stream().map(c -> col(c.name())).toArray(Column[]::new));
        return CsvCopy.render(selected.schema(), selected.collectAsList().iterator());
    }

    /**
     * Every column of the serving table must be in the gold table with a type PostgreSQL can take it as; gold may
     * hold more (what notebooks and later steps read).
     *
     * @throws IllegalStateException naming the gold table, the serving table and the column
     */
    static void checkColumns(ServingTables.Copy t, StructType gold, List<ServingColumn> serving) {
        Map<String, DataType> goldTypes = new HashMap<>();
        for (StructField f : gold.fields()) {
            goldTypes.put(f.name().toLowerCase(Locale.ROOT), f.dataType());
        }
        for (ServingColumn c : serving) {
            DataType type = goldTypes.get(c.name());
            if (type == null) {
                throw new IllegalStateException("Gold table " + t.gold() + " has no column " + c.name()
                        + ", which serving table " + t.serving() + " needs (" + c.type() + "); gold has "
                        + String.join(", ", gold.fieldNames()) + ".");
            }
            if (!compatible(type, c.type())) {
                throw new IllegalStateException("Column " + c.name() + " of gold table " + t.gold() + " is "
                        + type.simpleString() + ", but serving table " + t.serving() + " declares it " + c.type()
                        + ".");
            }
        }
    }

    /** Whether a value of the Spark type goes into a PostgreSQL column of {@code pgType} without loss. */
    static boolean compatible(DataType spark, String pgType) {
        boolean integral = spark instanceof ByteType || spark instanceof ShortType || spark instanceof IntegerType
                || spark instanceof LongType;
        return switch (pgType) {
            case "text", "character varying" -> spark instanceof StringType;
            case "smallint", "integer", "bigint" -> integral;
            case "numeric" -> integral || spark instanceof DecimalType;
            case "double precision", "real" -> integral || spark instanceof DoubleType || spark instanceof FloatType
                    || spark instanceof DecimalType;
            case "boolean" -> spark instanceof BooleanType;
            case "timestamp with time zone", "timestamp without time zone" -> spark instanceof TimestampType;
            case "date" -> spark instanceof DateType;
            case "ARRAY" -> spark instanceof ArrayType a && a.elementType() instanceof StringType;
            default -> false;
        };
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Publishing was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * The data through of the gold tables ({@code gold/data_through}, written by compute); {@code null} when
     * the lake has no data (or was computed before data through existed, until its next compute).
     */
    static Instant dataThrough(SparkSession spark, Lake lake) {
        if (!Lake.exists(spark, lake.gold("data_through"))) {
            return null;
        }
        List<Row> rows = Lake.read(spark, lake.gold("data_through")).select("data_through").collectAsList();
        return rows.isEmpty() || rows.get(0).isNullAt(0) ? null : rows.get(0).getTimestamp(0).toInstant();
    }

    /** The data through of the results in the serving tables after this run, on its {@code pipeline_run} row. */
    private static void recordDataThrough(Connection c, String runId, Instant dataThrough) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE pipeline_run SET data_through = ? WHERE run_id = ?")) {
            ps.setTimestamp(1, dataThrough == null ? null : Timestamp.from(dataThrough));
            ps.setString(2, runId);
            ps.executeUpdate();
        }
    }

    /** Records a run that failed before publishing; best effort, in its own transaction. */
    public static void recordFailure(ServingDatabase db, RunRecord run) throws SQLException {
        db.migrate();
        try (Connection c = db.connect()) {
            upsertRun(c, run, new long[4], 0);
            c.commit();
        }
    }

    /** A {@code pipeline_run} row's id and status. */
    public record RunStatus(String runId, String status) {}

    /** The run on record that started last; null when there is none (or no serving schema yet). */
    public static RunStatus latestRun(ServingDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT run_id, status FROM pipeline_run ORDER BY started_at DESC, "
                        + "run_id DESC LIMIT 1")) {
            return rs.next() ? new RunStatus(rs.getString(1), rs.getString(2)) : null;
        } catch (SQLException noSchemaYet) {
            return null;
        }
    }

    /**
     * Records a run that found nothing new without reading the lake: no records, no shows, and the data through
     * of {@code previousRunId}, whose results the serving tables still hold.
     */
    public static void recordNothingNew(ServingDatabase db, RunRecord run, String previousRunId) throws SQLException {
        try (Connection c = db.connect()) {
            upsertRun(c, run, new long[4], 0);
            try (PreparedStatement ps = c.prepareStatement("UPDATE pipeline_run SET data_through = "
                    + "(SELECT data_through FROM pipeline_run WHERE run_id = ?) WHERE run_id = ?")) {
                ps.setString(1, previousRunId);
                ps.setString(2, run.runId());
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    private static Map<String, Long> publishedVersions(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, delta_version FROM publish_state")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (ServingTables.Copy copy : ServingTables.TABLES) {
            String t = copy.gold();
            if (out.containsKey(t)) {
                ordered.put(t, out.get(t));
            }
        }
        return ordered;
    }

    private static void writePublishState(Connection c, Map<String, Long> versions, String runId, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO publish_state VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (table_name) DO UPDATE SET delta_version = EXCLUDED.delta_version, "
                + "published_at = EXCLUDED.published_at, run_id = EXCLUDED.run_id")) {
            for (Map.Entry<String, Long> e : versions.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue());
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, runId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeDefinitions(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM metric_definition");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO metric_definition (name, label, level, "
                + "definition, window_text, unit, additive, goal_allowed, final_after_seconds, sort_order) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            int order = 0;
            for (MetricDefinition m : MetricCatalog.all()) {
                ps.setString(1, m.name());
                ps.setString(2, m.label());
                ps.setString(3, m.level());
                ps.setString(4, m.definition());
                ps.setString(5, m.window());
                ps.setString(6, m.unit());
                ps.setBoolean(7, m.additive());
                ps.setBoolean(8, m.goalAllowed());
                ps.setObject(9, m.finalAfter() == null ? null : m.finalAfter().toSeconds());
                ps.setInt(10, order++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Writes {@code pipeline_run} rows: the current run, plus any ingest run in the lake that has no row
     * yet, each with its per-file reconciliation and quarantine summary.
     */
    private static List<String> writeRuns(Connection c, SparkSession spark, Lake lake, RunRecord current)
            throws SQLException {
        Set<String> known = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT run_id FROM pipeline_run WHERE status <> 'running'")) {
            while (rs.next()) {
                known.add(rs.getString(1));
            }
        }
        List<String> recorded = new ArrayList<>();
        Map<String, List<Row>> filesByRun = new LinkedHashMap<>();
        if (Lake.exists(spark, lake.ingestLog())) {
            for (Row r : Lake.read(spark, lake.ingestLog()).orderBy("run_id", "entity", "file").collectAsList()) {
                String runId = r.getAs("run_id");
                if (!known.contains(runId) || runId.equals(current.runId())) {
                    filesByRun.computeIfAbsent(runId, k -> new ArrayList<>()).add(r);
                }
            }
        }
        filesByRun.putIfAbsent(current.runId(), List.of());
        for (Map.Entry<String, List<Row>> e : filesByRun.entrySet()) {
            String runId = e.getKey();
            long[] totals = new long[4];
            for (Row f : e.getValue()) {
                totals[0] += f.<Long>getAs("records_read");
                totals[1] += f.<Long>getAs("records_accepted");
                totals[2] += f.<Long>getAs("records_quarantined");
                totals[3] += f.<Long>getAs("records_duplicate");
            }
            RunRecord run = runId.equals(current.runId()) ? current : earlierRun(runId, e.getValue(), current.runId());
            upsertRun(c, run, totals, e.getValue().size());
            writeFiles(c, runId, e.getValue());
            writeQuarantine(c, spark, lake, runId);
            recorded.add(runId);
        }
        return recorded;
    }

    /**
     * An ingest run published now by a later run: a separate {@code ./showmetrics ingest}, or a {@code run} that
     * stopped (killed, crashed) after its ingest and before its publish. The lake cannot tell the two apart.
     */
    private static RunRecord earlierRun(String runId, List<Row> files, String publishedBy) {
        Instant started = files.stream().map(f -> f.<Timestamp>getAs("loaded_at").toInstant()).min(Instant::compareTo)
                .orElseThrow();
        Instant finished = files.stream().map(f -> f.<Timestamp>getAs("loaded_at").toInstant())
                .max(Instant::compareTo).orElseThrow();
        return new RunRecord(runId, started, finished, "succeeded", "ingested by a step that did not publish it (a "
                + "separate ingest, or a run that stopped before publishing); published by run " + publishedBy, 0,
                Map.of());
    }

    private static void upsertRun(Connection c, RunRecord run, long[] totals, int files) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pipeline_run (run_id, started_at, finished_at, "
                + "status, records_read, records_accepted, records_quarantined, records_duplicate, files_loaded, "
                + "shows_computed, message, step_seconds) VALUES (?,?,?,?,?,?,?,?,?,?,?,?::jsonb) "
                + "ON CONFLICT (run_id) DO UPDATE SET finished_at = EXCLUDED.finished_at, status = EXCLUDED.status, "
                + "records_read = EXCLUDED.records_read, records_accepted = EXCLUDED.records_accepted, "
                + "records_quarantined = EXCLUDED.records_quarantined, records_duplicate = EXCLUDED.records_duplicate, "
                + "files_loaded = EXCLUDED.files_loaded, shows_computed = EXCLUDED.shows_computed, "
                + "message = EXCLUDED.message, step_seconds = EXCLUDED.step_seconds")) {
            ps.setString(1, run.runId());
            ps.setTimestamp(2, Timestamp.from(run.startedAt()));
            ps.setTimestamp(3, run.finishedAt() == null ? null : Timestamp.from(run.finishedAt()));
            ps.setString(4, run.status());
            for (int i = 0; i < 4; i++) {
                ps.setLong(5 + i, totals[i]);
            }
            ps.setInt(9, files);
            ps.setInt(10, run.showsComputed());
            ps.setString(11, run.message());
            ps.setString(12, json(run.stepSeconds()));
            ps.executeUpdate();
        }
    }

    private static void writeFiles(Connection c, String runId, List<Row> files) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM ingest_file WHERE run_id = ?")) {
            del.setString(1, runId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_file (run_id, entity, file, records_read, "
                + "records_accepted, records_quarantined, records_duplicate) VALUES (?,?,?,?,?,?,?)")) {
            for (Row f : files) {
                ps.setString(1, runId);
                ps.setString(2, f.getAs("entity"));
                ps.setString(3, f.getAs("file"));
                ps.setLong(4, f.<Long>getAs("records_read"));
                ps.setLong(5, f.<Long>getAs("records_accepted"));
                ps.setLong(6, f.<Long>getAs("records_quarantined"));
                ps.setLong(7, f.<Long>getAs("records_duplicate"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeQuarantine(Connection c, SparkSession spark, Lake lake, String runId)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM quarantine_reason WHERE run_id = " + literal(runId));
            s.execute("DELETE FROM quarantine_sample WHERE run_id = " + literal(runId));
        }
        if (!Lake.exists(spark, lake.quarantine())) {
            return;
        }
        Dataset<Row> q = Lake.read(spark, lake.quarantine()).filter(col("run_id").equalTo(runId)).cache();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO quarantine_reason (run_id, entity, reason, records) VALUES (?,?,?,?)")) {
            for (Row r : q.groupBy("entity", "reason").count().collectAsList()) {
                ps.setString(1, runId);
                ps.setString(2, r.getString(0));
                ps.setString(3, r.getString(1));
                ps.setLong(4, r.getLong(2));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quarantine_sample (run_id, entity, file, line, "
                + "field, reason, message, raw) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
            for (Row r : q.orderBy("file", "line").limit(QUARANTINE_SAMPLE_PER_RUN).collectAsList()) {
                ps.setString(1, runId);
                ps.setString(2, r.getAs("entity"));
                ps.setString(3, r.getAs("file"));
                ps.setLong(4, r.<Long>getAs("line"));
                ps.setString(5, r.getAs("field"));
                ps.setString(6, r.getAs("reason"));
                ps.setString(7, r.getAs("message"));
                String raw = r.getAs("raw");
                ps.setString(8, raw == null ? null : raw.replace("\u0000", ""));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        q.unpersist();
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String json(Map<String, Double> steps) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Double> e : steps.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(e.getKey()).append("\":").append(BigDecimal.valueOf(e.getValue()).toPlainString());
        }
        return b.append('}').toString();
    }
}
