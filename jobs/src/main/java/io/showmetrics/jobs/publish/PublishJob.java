package io.showmetrics.jobs.publish;

import static org.apache.spark.sql.functions.col;

import io.showmetrics.core.catalog.MetricCatalog;
import io.showmetrics.core.catalog.MetricDefinition;
import io.showmetrics.jobs.lake.Lake;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Publishes the gold tables and the run log to the PostgreSQL serving tables.
 *
 * <p>Atomic: everything goes in one transaction, so the dashboard sees either the previous run's
 * results or this run's, never half of each. Results are replaced only when a gold table's Delta
 * version differs from the one last published ({@code publish_state}); the run log is always written,
 * including rows for ingest runs that were never published (steps run one by one).
 */
public final class PublishJob {
    /** KPIs are provisional until the longest window that feeds show_kpi has closed (next-show retention). */
    public static final Duration FINAL_AFTER_SHOW_END = Duration.ofDays(30);
    /** Quarantined records copied per run to the serving tables for the Runs page; all stay in the lake. */
    static final int QUARANTINE_SAMPLE_PER_RUN = 500;

    static final List<String> KPI_COLUMNS = List.of("unique_viewers", "identified_viewers", "peak_concurrent_viewers",
            "peak_at", "avg_watch_seconds", "replay_viewers", "engaged_viewers", "engagement_rate", "chat_messages",
            "reactions", "questions", "shares", "poll_votes", "product_clickers", "carters", "live_orders", "live_gmv",
            "buyers_24h", "conversion_rate_24h", "gmv_24h", "aov", "revenue_per_viewer", "stockout_minutes",
            "returning_viewer_rate", "next_show_retention", "influenced_store_visits", "influenced_visitors",
            "saw_show_share");
    static final List<String> MINUTE_COLUMNS = List.of("show_id", "minute_start", "minute_index", "viewers",
            "new_viewers", "chat_events", "product_clicks", "add_to_carts", "orders", "gmv");
    static final List<String> MOMENT_COLUMNS = List.of("show_id", "ts", "type", "sku", "label", "viewers_present",
            "clicks_before", "clicks_after", "orders_before", "orders_after");
    static final List<String> RESULT_COLUMNS = List.of("experiment_id", "metric", "variant", "adjusted", "n", "value",
            "control_n", "control_value", "abs_lift", "abs_ci_low", "abs_ci_high", "rel_lift", "rel_ci_low",
            "rel_ci_high", "p_value", "p_value_holm", "p_value_bh", "seq_ci_low", "seq_ci_high", "theta",
            "variance_reduction", "srm_p_value", "error_code");
    static final List<String> VARIANT_COLUMNS = List.of("experiment_id", "variant", "assigned", "expected_share",
            "is_control");
    static final List<String> INCREMENTAL_COLUMNS = List.of("experiment_id", "variant", "control_variant", "holdout",
            "treated", "control_n", "visits", "ci_low", "ci_high", "error_code");
    /** An experiment's results are provisional until its store-visit window closes. */
    public static final Duration EXPERIMENT_FINAL_AFTER_LAST_SHOW = Duration.ofDays(7);
    static final List<String> ATTRIBUTION_COLUMNS = List.of("show_id", "store_id", "model", "visits");
    static final List<String> RETENTION_COLUMNS = List.of("kind", "segment", "cohort_week", "week_offset",
            "cohort_size", "retained", "rate");
    static final List<String> CHANNEL_MONTH_COLUMNS = List.of("month", "channel", "revenue", "orders", "customers",
            "partial", "prev_span_revenue");
    static final List<String> PERIOD_COLUMNS = List.of("period", "period_start", "customers",
            "multichannel_customers", "multichannel_share", "influenced_visits", "store_visits", "partial",
            "prev_span_influenced_visits");
    static final List<String> GOLD_TABLES = List.of("show_kpi", "show_minute", "show_moment", "experiment_result",
            "experiment_summary", "experiment_variant", "show_retention", "show_visits", "experiment_incremental",
            "store_attribution", "retention_cohort", "channel_month", "omnichannel_period", "influenced_revenue",
            "data_through");

    private PublishJob() {}

    /** @param resultsReplaced whether show/KPI tables were rewritten (false when gold was unchanged) */
    public record Result(boolean resultsReplaced, int shows, int minutes, List<String> runsRecorded) {}

    public static Result publish(SparkSession spark, Lake lake, ServingDatabase db, RunRecord run, Instant now) {
        db.migrate();
        Map<String, Long> goldVersions = new LinkedHashMap<>();
        for (String t : GOLD_TABLES) {
            goldVersions.put(t, Lake.version(spark, lake.gold(t)));
        }
        try (Connection c = db.connect()) {
            Map<String, Long> published = publishedVersions(c);
            boolean replace = goldVersions.values().stream().allMatch(v -> v >= 0) && !goldVersions.equals(published);
            int shows = 0;
            int minutes = 0;
            Instant dataThrough = dataThrough(spark, lake);
            if (replace) {
                writeDefinitions(c);
                Dataset<Row> showRows = Lake.read(spark, lake.silver("shows"));
                shows = writeShows(c, showRows, showKpis(spark, lake), now, dataThrough);
                minutes = copyRows(c, "show_minute", MINUTE_COLUMNS, Lake.read(spark, lake.gold("show_minute")), true);
                copyRows(c, "show_moment", MOMENT_COLUMNS, Lake.read(spark, lake.gold("show_moment")), true);
                writeExperiments(c, Lake.read(spark, lake.gold("experiment_summary")), now, dataThrough);
                copyRows(c, "experiment_variant", VARIANT_COLUMNS, Lake.read(spark, lake.gold("experiment_variant")),
                        false);
                copyRows(c, "experiment_result", RESULT_COLUMNS, Lake.read(spark, lake.gold("experiment_result")),
                        false);
                copyRows(c, "experiment_incremental", INCREMENTAL_COLUMNS,
                        Lake.read(spark, lake.gold("experiment_incremental")), false);
                replaceRows(c, "store_attribution", ATTRIBUTION_COLUMNS, Lake.read(spark, lake.gold("store_attribution")));
                replaceRows(c, "retention_cohort", RETENTION_COLUMNS, Lake.read(spark, lake.gold("retention_cohort")));
                replaceRows(c, "channel_month", CHANNEL_MONTH_COLUMNS, Lake.read(spark, lake.gold("channel_month")));
                replaceRows(c, "omnichannel_period", PERIOD_COLUMNS, Lake.read(spark, lake.gold("omnichannel_period")));
                replaceRows(c, "influenced_revenue", CHANNEL_MONTH_COLUMNS,
                        Lake.read(spark, lake.gold("influenced_revenue")));
                writePublishState(c, goldVersions, run.runId(), now);
            }
            List<String> runs = writeRuns(c, spark, lake, run);
            recordDataThrough(c, run.runId(), dataThrough);
            c.commit();
            return new Result(replace, shows, minutes, runs);
        } catch (SQLException e) {
            throw new IllegalStateException("Publishing to " + db + " failed: " + e.getMessage()
                    + ". Nothing was changed (the transaction was rolled back).", e);
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

    /**
     * Whether a window ending at {@code windowEnd} has closed: both the clock and the data have passed its end
     * (SPEC section 2; closed at exactly the end). With no data through (no data at all) the clock alone decides.
     */
    public static boolean windowClosed(Instant windowEnd, Instant now, Instant dataThrough) {
        return !now.isBefore(windowEnd) && (dataThrough == null || !dataThrough.isBefore(windowEnd));
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

    private static Map<String, Long> publishedVersions(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, delta_version FROM publish_state")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String t : GOLD_TABLES) {
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

    private static int writeShows(Connection c, Dataset<Row> shows, Dataset<Row> kpis, Instant now,
            Instant dataThrough) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM show_minute");
            s.execute("DELETE FROM show_kpi");
            s.execute("DELETE FROM show_moment");
            s.execute("DELETE FROM show");
        }
        List<Row> showRows = shows.orderBy("starts_at", "show_id").collectAsList();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO show (show_id, title, host, starts_at, ends_at, "
                + "experiment_id, channel, featured_skus) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Row r : showRows) {
                ps.setString(1, r.getAs("show_id"));
                ps.setString(2, r.getAs("title"));
                ps.setString(3, r.getAs("host"));
                ps.setTimestamp(4, r.getAs("starts_at"));
                ps.setTimestamp(5, r.getAs("ends_at"));
                ps.setString(6, r.getAs("experiment_id"));
                ps.setString(7, r.getAs("channel"));
                List<String> skus = r.isNullAt(r.fieldIndex("featured_skus")) ? null : r.getList(r.fieldIndex("featured_skus"));
                ps.setArray(8, skus == null ? null : c.createArrayOf("text", skus.toArray()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Timestamp> endsAt = new LinkedHashMap<>();
        for (Row r : showRows) {
            endsAt.put(r.getAs("show_id"), r.getAs("ends_at"));
        }
        String cols = String.join(", ", KPI_COLUMNS);
        String marks = "?,".repeat(KPI_COLUMNS.size() + 5) + "?";
        List<Row> kpiRows = kpis.filter(col("show_id").isin(endsAt.keySet().toArray())).collectAsList();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO show_kpi (show_id, " + cols
                + ", status, final_at, run_id, computed_at, data_through) VALUES (" + marks + ")")) {
            for (Row r : kpiRows) {
                String showId = r.getAs("show_id");
                int i = 1;
                ps.setString(i++, showId);
                for (String k : KPI_COLUMNS) {
                    ps.setObject(i++, r.isNullAt(r.fieldIndex(k)) ? null : r.get(r.fieldIndex(k)));
                }
                Instant finalAt = endsAt.get(showId).toInstant().plus(FINAL_AFTER_SHOW_END);
                ps.setString(i++, windowClosed(finalAt, now, dataThrough) ? "final" : "provisional");
                ps.setTimestamp(i++, Timestamp.from(finalAt));
                ps.setString(i++, r.getAs("run_id"));
                ps.setTimestamp(i++, r.getAs("computed_at"));
                ps.setTimestamp(i, dataThrough == null ? null : Timestamp.from(dataThrough));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return showRows.size();
    }

    /**
     * The show KPIs as served: gold show_kpi (per show, incremental) with the cross-show gold tables
     * (retention, store visits) joined in. An experiment's incremental visits are not a show's KPI: they go
     * to {@code experiment_incremental}.
     */
    static Dataset<Row> showKpis(SparkSession spark, Lake lake) {
        return Lake.read(spark, lake.gold("show_kpi"))
                .join(Lake.read(spark, lake.gold("show_retention")), new String[] {"show_id"}, "left")
                .join(Lake.read(spark, lake.gold("show_visits")), new String[] {"show_id"}, "left");
    }

    /** Empties a serving table and copies a gold table into it. */
    private static int replaceRows(Connection c, String table, List<String> columns, Dataset<Row> rows)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + table);
        }
        return copyRows(c, table, columns, rows, false);
    }

    /**
     * Inserts every row of a gold table into the serving table of the same columns. With
     * {@code onlyKnownShows}, rows of a show missing from {@code show} are skipped (a show row that
     * never arrived cannot be displayed).
     */
    private static int copyRows(Connection c, String table, List<String> columns, Dataset<Row> rows,
            boolean onlyKnownShows) throws SQLException {
        String marks = String.join(",", java.util.Collections.nCopies(columns.size(), "?"));
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") "
                + (onlyKnownShows ? "SELECT " + marks + " WHERE EXISTS (SELECT 1 FROM show WHERE show_id = ?)"
                        : "VALUES (" + marks + ")");
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (java.util.Iterator<Row> it = rows.select(columns.stream().map(org.apache.spark.sql.functions::col)
                    .toArray(org.apache.spark.sql.Column[]::new)).toLocalIterator(); it.hasNext();) {
                Row r = it.next();
                for (int i = 0; i < columns.size(); i++) {
                    ps.setObject(i + 1, r.isNullAt(i) ? null : r.get(i));
                }
                if (onlyKnownShows) {
                    ps.setString(columns.size() + 1, r.getString(0));
                }
                ps.addBatch();
                if (++n % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    private static void writeExperiments(Connection c, Dataset<Row> summaries, Instant now, Instant dataThrough)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM experiment_result");
            s.execute("DELETE FROM experiment_incremental");
            s.execute("DELETE FROM experiment_variant");
            s.execute("DELETE FROM experiment");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiment (experiment_id, name, hypothesis, "
                + "primary_metric, control_variant, starts_at, ends_at, assigned, srm_p_value, srm_flagged, "
                + "srm_error_code, last_show_end, status, final_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Row r : summaries.collectAsList()) {
                ps.setString(1, r.getAs("experiment_id"));
                ps.setString(2, r.getAs("name"));
                ps.setString(3, r.getAs("hypothesis"));
                ps.setString(4, r.getAs("primary_metric"));
                ps.setString(5, r.getAs("control_variant"));
                ps.setTimestamp(6, r.getAs("starts_at"));
                ps.setTimestamp(7, r.getAs("ends_at"));
                ps.setLong(8, r.<Long>getAs("assigned"));
                ps.setObject(9, r.getAs("srm_p_value"));
                ps.setBoolean(10, r.<Boolean>getAs("srm_flagged"));
                ps.setString(11, r.getAs("srm_error_code"));
                Timestamp lastShow = r.getAs("last_show_end");
                Timestamp end = lastShow != null ? lastShow : r.getAs("ends_at");
                ps.setTimestamp(12, lastShow);
                Instant finalAt = end == null ? null : end.toInstant().plus(EXPERIMENT_FINAL_AFTER_LAST_SHOW);
                ps.setString(13, finalAt != null && windowClosed(finalAt, now, dataThrough) ? "final" : "provisional");
                ps.setTimestamp(14, finalAt == null ? null : Timestamp.from(finalAt));
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
