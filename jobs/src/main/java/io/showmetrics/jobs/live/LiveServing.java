package io.showmetrics.jobs.live;

import io.showmetrics.core.catalog.MetricCatalog;
import io.showmetrics.core.catalog.MetricDefinition;
import io.showmetrics.core.goals.SeriesGoals;
import io.showmetrics.core.live.LiveAlerts;
import io.showmetrics.core.live.LiveKpis;
import io.showmetrics.jobs.compute.LiveMetrics;
import io.showmetrics.jobs.compute.LiveMetrics.LiveShow;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * Live mode's side of the serving tables (SPEC section 6): the shows in play get their {@code show} row, their
 * {@code show_minute} rows so far and a {@code show_kpi} row marked {@code live}, and their new alerts, all in one
 * transaction per cycle (the dashboard never sees a show half-updated). A show whose served row came from a batch
 * run that has seen at least as much data (its {@code data_through} is not earlier) is left as the batch wrote it:
 * the batch's numbers replace the live ones, never the other way round.
 */
public final class LiveServing {
    private LiveServing() {}

    /**
     * What one cycle wrote.
     *
     * @param written the shows whose live rows were written
     * @param keptBatch the shows left as a batch run published them
     * @param alerts the alerts new in this cycle (an alert already stored is not repeated)
     */
    public record Written(List<String> written, List<String> keptBatch, List<LiveAlerts.Alert> alerts) {}

    private static final String UPSERT_SHOW = "INSERT INTO show (show_id, title, host, starts_at, ends_at, "
            + "experiment_id, channel, featured_skus, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (show_id) DO UPDATE SET title = EXCLUDED.title, host = EXCLUDED.host, "
            + "starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, experiment_id = EXCLUDED.experiment_id, "
            + "channel = EXCLUDED.channel, featured_skus = EXCLUDED.featured_skus, cost = EXCLUDED.cost";

    /**
     * Writes the live rows of {@code shows} and their new alerts, and commits.
     *
     * @param webhook whether a webhook is configured (new alerts are then queued for it)
     */
    public static Written write(Connection c, List<LiveShow> shows, Instant now, String runId, String currency,
            boolean webhook) throws SQLException {
        List<String> written = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<LiveAlerts.Alert> alerts = new ArrayList<>();
        try {
            for (LiveShow s : shows) {
                if (s.dataThrough() == null) {
                    continue; // nothing watched yet: the show appears with its first viewer event
                }
                if (batchIsAsFresh(c, s)) {
                    kept.add(s.showId());
                    continue;
                }
                upsertShow(c, s.show());
                replaceMinutes(c, s);
                upsertKpis(c, s, now, runId);
                written.add(s.showId());
                alerts.addAll(insertAlerts(c, s, now, currency, webhook));
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
        return new Written(written, kept, alerts);
    }

    private static boolean batchIsAsFresh(Connection c, LiveShow s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status, data_through FROM show_kpi WHERE show_id = ?")) {
            ps.setString(1, s.showId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || "live".equals(rs.getString(1))) {
                    return false;
                }
                Timestamp through = rs.getTimestamp(2);
                return through != null && !through.toInstant().isBefore(s.dataThrough());
            }
        }
    }

    private static void upsertShow(Connection c, Row show) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_SHOW)) {
            ps.setString(1, show.getAs("show_id"));
            ps.setString(2, show.getAs("title"));
            ps.setString(3, show.getAs("host"));
            ps.setTimestamp(4, show.getAs("starts_at"));
            ps.setTimestamp(5, show.getAs("ends_at"));
            ps.setString(6, show.getAs("experiment_id"));
            ps.setString(7, show.getAs("channel"));
            int skus = show.fieldIndex("featured_skus");
            if (show.isNullAt(skus)) {
                ps.setNull(8, Types.ARRAY);
            } else {
                Array array = c.createArrayOf("text", show.getList(skus).toArray());
                ps.setArray(8, array);
            }
            ps.setBigDecimal(9, show.getAs("cost"));
            ps.executeUpdate();
        }
    }

    private static void replaceMinutes(Connection c, LiveShow s) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM show_minute WHERE show_id = ?")) {
            del.setString(1, s.showId());
            del.executeUpdate();
        }
        String sql = "INSERT INTO show_minute (" + String.join(", ", LiveMetrics.MINUTE_COLUMNS) + ") VALUES ("
                + "?, ".repeat(LiveMetrics.MINUTE_COLUMNS.size() - 1) + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Row m : s.minutes()) {
                for (int i = 0; i < LiveMetrics.MINUTE_COLUMNS.size(); i++) {
                    ps.setObject(i + 1, m.getAs(LiveMetrics.MINUTE_COLUMNS.get(i)));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The show_kpi row: the KPIs so far, status live, and NULL in every column only the batch run fills. */
    private static void upsertKpis(Connection c, LiveShow s, Instant now, String runId) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM show_kpi WHERE show_id = ?")) {
            del.setString(1, s.showId());
            del.executeUpdate();
        }
        List<String> columns = new ArrayList<>(List.of("show_id"));
        columns.addAll(LiveKpis.COLUMNS);
        columns.addAll(List.of("status", "final_at", "data_through", "run_id", "computed_at"));
        String sql = "INSERT INTO show_kpi (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.size() - 1) + "?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, s.showId());
            for (String k : LiveKpis.COLUMNS) {
                ps.setObject(i++, s.kpis().get(k));
            }
            ps.setString(i++, "live");
            ps.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setTimestamp(i++, Timestamp.from(s.dataThrough()));
            ps.setString(i++, runId);
            ps.setTimestamp(i, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** Evaluates the alert rules on the show's closed minutes and stores the alerts not stored before. */
    private static List<LiveAlerts.Alert> insertAlerts(Connection c, LiveShow s, Instant now, String currency,
            boolean webhook) throws SQLException {
        List<LiveAlerts.Minute> closed = new ArrayList<>();
        for (Row m : s.minutes()) {
            if (!LiveMetrics.minuteEnd(m).isAfter(s.dataThrough())) {
                closed.add(new LiveAlerts.Minute(m.<Integer>getAs("minute_index"),
                        ((Timestamp) m.getAs("minute_start")).toInstant(), m.<Long>getAs("viewers"),
                        m.<Long>getAs("new_viewers"), m.<Long>getAs("orders"), m.<BigDecimal>getAs("gmv")));
            }
        }
        Instant startsAt = ((Timestamp) s.show().getAs("starts_at")).toInstant();
        Instant endsAt = ((Timestamp) s.show().getAs("ends_at")).toInstant();
        List<LiveAlerts.Alert> candidates = LiveAlerts.evaluate(s.showId(), startsAt, endsAt, closed,
                goals(c, s.showId(), s.show().getAs("title"), s.show().getAs("host"), startsAt), labels(), currency);
        List<LiveAlerts.Alert> inserted = new ArrayList<>();
        String sql = "INSERT INTO alert (show_id, at, kind, metric, message, actual, expected, dedup_key, created_at, "
                + "webhook_status, webhook_next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (dedup_key) DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (LiveAlerts.Alert a : candidates) {
                ps.setString(1, a.showId());
                ps.setTimestamp(2, Timestamp.from(a.at()));
                ps.setString(3, a.kind());
                ps.setString(4, a.metric());
                ps.setString(5, a.message());
                ps.setDouble(6, a.actual());
                ps.setDouble(7, a.expected());
                ps.setString(8, a.dedupKey());
                ps.setTimestamp(9, Timestamp.from(now));
                ps.setString(10, webhook ? "pending" : "none");
                ps.setTimestamp(11, webhook ? Timestamp.from(now) : null);
                if (ps.executeUpdate() == 1) {
                    inserted.add(a);
                }
            }
        }
        return inserted;
    }

    /** A series goal row, for choosing among those that cover the show. */
    private record Series(long id, String kind, String pattern, LiveAlerts.Goal goal) {}

    /**
     * The show's goals, one per metric: its own, else the most specific series goal that covers it (the rules the
     * dashboard applies, {@link SeriesGoals}).
     */
    static List<LiveAlerts.Goal> goals(Connection c, String showId, String title, String host, Instant startsAt)
            throws SQLException {
        Map<String, LiveAlerts.Goal> byMetric = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT metric, target, direction FROM goal WHERE show_id = ? ORDER BY goal_id")) {
            ps.setString(1, showId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byMetric.putIfAbsent(rs.getString(1), new LiveAlerts.Goal(rs.getString(1), rs.getDouble(2),
                            rs.getString(3)));
                }
            }
        }
        Map<String, List<Series>> series = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT series_goal_id, kind, pattern, metric, target, "
                + "direction, applies_from FROM series_goal ORDER BY series_goal_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String metric = rs.getString(4);
                if (!byMetric.containsKey(metric) && SeriesGoals.covers(rs.getString(2), rs.getString(3),
                        rs.getTimestamp(7).toInstant(), title, host, startsAt)) {
                    series.computeIfAbsent(metric, m -> new ArrayList<>()).add(new Series(rs.getLong(1),
                            rs.getString(2), rs.getString(3), new LiveAlerts.Goal(metric, rs.getDouble(5),
                                    rs.getString(6))));
                }
            }
        }
        Comparator<Series> best = SeriesGoals.mostSpecificFirst(Series::kind, Series::pattern, Series::id);
        series.forEach((metric, covering) -> covering.stream().min(best)
                .ifPresent(g -> byMetric.put(metric, g.goal())));
        return new ArrayList<>(byMetric.values());
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String metric : LiveAlerts.PACED_METRICS) {
            labels.put(metric, MetricCatalog.find(metric).map(MetricDefinition::label).orElse(metric));
        }
        return labels;
    }

    /** Records (or refreshes) this live process's heartbeat row. */
    public static void heartbeat(Connection c, String liveId, Instant startedAt, Instant now, double intervalSeconds,
            long filesLoaded, Instant lastFileAt, List<String> onAir, String lastError, boolean stopped)
            throws SQLException {
        String sql = "INSERT INTO live_run (live_id, started_at, last_poll_at, stopped_at, interval_seconds, "
                + "files_loaded, last_file_at, shows_on_air, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (live_id) DO UPDATE SET last_poll_at = EXCLUDED.last_poll_at, "
                + "stopped_at = EXCLUDED.stopped_at, files_loaded = EXCLUDED.files_loaded, "
                + "last_file_at = EXCLUDED.last_file_at, shows_on_air = EXCLUDED.shows_on_air, "
                + "last_error = EXCLUDED.last_error";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, liveId);
            ps.setTimestamp(2, Timestamp.from(startedAt));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, stopped ? Timestamp.from(now) : null);
            ps.setDouble(5, intervalSeconds);
            ps.setLong(6, filesLoaded);
            ps.setTimestamp(7, Optional.ofNullable(lastFileAt).map(Timestamp::from).orElse(null));
            ps.setArray(8, c.createArrayOf("text", onAir.toArray()));
            ps.setString(9, lastError);
            ps.executeUpdate();
            c.commit();
        }
    }
}
