package io.showmetrics.dashboard.alerts;

import static io.showmetrics.dashboard.system.Rows.getDouble;
import static io.showmetrics.dashboard.system.Rows.getInstant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code alert} and {@code live_run} (migration V8), written by {@code ./showmetrics live}; {@code show} and
 * {@code metric_definition} for titles and labels. The dashboard never writes them.
 */
@Repository
class AlertRepository {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The alerts that pass {@code filter}, newest first: by {@code at} (the show's timeline), then by the order they
     * were written; at most {@code filter.limit()}. Every filter value is a bound parameter.
     */
    List<Alert> find(AlertFilter filter) {
        return jdbc.sql("""
                        SELECT a.*, s.title, d.label AS metric_label
                        FROM alert a
                        LEFT JOIN show s ON s.show_id = a.show_id
                        LEFT JOIN metric_definition d ON d.name = a.metric
                        WHERE (CAST(:showId AS text) IS NULL OR a.show_id = :showId)
                          AND (CAST(:kind AS text) IS NULL OR a.kind = :kind)
                        ORDER BY a.at DESC, a.created_at DESC, a.alert_id DESC
                        LIMIT :limit""")
                .param("showId", filter.showId())
                .param("kind", filter.kind())
                .param("limit", filter.limit())
                .query((rs, i) -> alert(rs))
                .list();
    }

    /** Whether any alert names {@code showId} (alerts have no foreign key: the show may be gone). */
    boolean anyForShow(String showId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM alert WHERE show_id = :id)").param("id", showId)
                .query(Boolean.class).single();
    }

    boolean showExists(String showId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM show WHERE show_id = :id)").param("id", showId)
                .query(Boolean.class).single();
    }

    /** A show that has alerts, for the Alerts page's show filter. */
    record ShowOption(String showId, String title) {
    }

    /** The shows that have alerts, latest alert first. */
    List<ShowOption> showsWithAlerts() {
        return jdbc.sql("""
                        SELECT a.show_id, max(s.title) AS title, max(a.at) AS latest
                        FROM alert a LEFT JOIN show s ON s.show_id = a.show_id
                        GROUP BY a.show_id ORDER BY latest DESC, a.show_id""")
                .query((rs, i) -> new ShowOption(rs.getString("show_id"), rs.getString("title")))
                .list();
    }

    /**
     * Live mode's state at the server's clock ({@link LiveStatus}): the running process that polled last, else the
     * process started last; {@link LiveStatus#never()} without any {@code live_run} row.
     */
    LiveStatus liveStatus() {
        Instant now = clock.instant();
        List<Run> runs = jdbc.sql("SELECT * FROM live_run ORDER BY started_at DESC, live_id DESC")
                .query((rs, i) -> run(rs)).list();
        if (runs.isEmpty()) {
            return LiveStatus.never();
        }
        Run chosen = runs.stream()
                .filter(r -> LiveStatus.isRunning(r.stoppedAt, r.lastPollAt, r.intervalSeconds, now))
                .max(java.util.Comparator.comparing((Run r) -> r.lastPollAt))
                .orElse(runs.get(0));
        boolean running = LiveStatus.isRunning(chosen.stoppedAt, chosen.lastPollAt, chosen.intervalSeconds, now);
        List<LiveStatus.OnAir> onAir = running ? titles(chosen.showsOnAir) : List.of();
        long since = Math.max(0, Duration.between(chosen.lastPollAt, now).toSeconds());
        String summary;
        if (running) {
            summary = String.format(Locale.ROOT, "Live mode running: last poll %s ago, %,d file%s loaded, %s",
                    ago(since), chosen.filesLoaded, chosen.filesLoaded == 1 ? "" : "s",
                    onAir.isEmpty() ? "no show on air" : "on air: " + String.join(", ",
                            onAir.stream().map(o -> o.title() == null ? o.showId() : o.title()).toList()));
        } else if (chosen.stoppedAt != null) {
            summary = "Live mode not running; last stopped " + WHEN.format(chosen.stoppedAt);
        } else {
            summary = "Live mode not running; it stopped polling without stopping cleanly, last poll "
                    + WHEN.format(chosen.lastPollAt);
        }
        return new LiveStatus(running ? LiveStatus.RUNNING : LiveStatus.STOPPED, chosen.liveId, chosen.startedAt,
                chosen.lastPollAt, chosen.stoppedAt, chosen.intervalSeconds, chosen.filesLoaded, chosen.lastFileAt,
                onAir, chosen.lastError, since, summary);
    }

    /** "4 s", "3 min 05 s", "2 h 10 min". */
    static String ago(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    private List<LiveStatus.OnAir> titles(List<String> showIds) {
        if (showIds.isEmpty()) {
            return List.of();
        }
        Map<String, String> titles = new HashMap<>();
        jdbc.sql("SELECT show_id, title FROM show WHERE show_id IN (:ids)").param("ids", showIds)
                .query(rs -> {
                    titles.put(rs.getString("show_id"), rs.getString("title"));
                });
        return showIds.stream().map(id -> new LiveStatus.OnAir(id, titles.get(id))).toList();
    }

    private record Run(String liveId, Instant startedAt, Instant lastPollAt, Instant stoppedAt, double intervalSeconds,
                       long filesLoaded, Instant lastFileAt, List<String> showsOnAir, String lastError) {
    }

    private static Run run(ResultSet rs) throws SQLException {
        List<String> onAir = new ArrayList<>();
        Array array = rs.getArray("shows_on_air");
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                if (o != null) {
                    onAir.add(o.toString());
                }
            }
        }
        return new Run(rs.getString("live_id"), getInstant(rs, "started_at"), getInstant(rs, "last_poll_at"),
                getInstant(rs, "stopped_at"), rs.getDouble("interval_seconds"), rs.getLong("files_loaded"),
                getInstant(rs, "last_file_at"), List.copyOf(onAir), rs.getString("last_error"));
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        String metric = rs.getString("metric");
        return new Alert(rs.getLong("alert_id"), rs.getString("show_id"), rs.getString("title"),
                getInstant(rs, "at"), kind, metric, AlertKind.headline(kind, metric, rs.getString("metric_label")),
                rs.getString("message"), getDouble(rs, "actual"), getDouble(rs, "expected"),
                getInstant(rs, "created_at"), rs.getString("webhook_status"), rs.getInt("webhook_attempts"),
                getInstant(rs, "webhook_next_at"), getInstant(rs, "webhook_delivered_at"),
                rs.getString("webhook_error"));
    }
}
