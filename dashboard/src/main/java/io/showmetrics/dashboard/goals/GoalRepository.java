package io.showmetrics.dashboard.goals;

import static io.showmetrics.dashboard.system.Rows.getDouble;
import static io.showmetrics.dashboard.system.Rows.getInstant;
import static io.showmetrics.dashboard.system.Rows.getLong;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code goal} and {@code goal_audit}; reads {@code show}, {@code show_kpi} and
 * {@code metric_definition} to evaluate goals. Every write also appends its {@code goal_audit} row; the caller
 * ({@link GoalService}) runs each request in one transaction.
 */
@Repository
class GoalRepository {
    private final JdbcClient jdbc;

    GoalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shows that exist and the metric catalogue (in catalogue order) with {@code goal_allowed}. */
    GoalCatalogue catalogue() {
        Set<String> shows = Set.copyOf(jdbc.sql("SELECT show_id FROM show").query(String.class).list());
        Map<String, Boolean> metrics = new LinkedHashMap<>();
        Map<String, String> units = new HashMap<>();
        jdbc.sql("SELECT name, unit, goal_allowed AND level = 'show' AS allowed FROM metric_definition ORDER BY sort_order, name")
                .query(rs -> {
                    metrics.put(rs.getString("name"), rs.getBoolean("allowed"));
                    units.put(rs.getString("name"), rs.getString("unit"));
                });
        return new GoalCatalogue(shows, metrics, units);
    }

    /** A show for the forms' pickers; {@code label} = "title · yyyy-MM-dd HH:mm" (UTC). */
    record ShowOption(String showId, String title, Instant startsAt, String label) {
        ShowOption(String showId, String title, Instant startsAt) {
            this(showId, title, startsAt, title + " · " + LABEL_TIME.format(startsAt));
        }
    }

    private static final java.time.format.DateTimeFormatter LABEL_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** A goal metric for the forms' pickers. */
    record MetricOption(String name, String label, String unit) {
    }

    List<ShowOption> showOptions() {
        return jdbc.sql("SELECT show_id, title, starts_at FROM show ORDER BY starts_at DESC, show_id")
                .query((rs, i) -> new ShowOption(rs.getString("show_id"), rs.getString("title"), getInstant(rs, "starts_at")))
                .list();
    }

    List<MetricOption> metricOptions() {
        return jdbc.sql("""
                        SELECT name, label, unit FROM metric_definition WHERE goal_allowed AND level = 'show'
                        ORDER BY sort_order, name""")
                .query((rs, i) -> new MetricOption(rs.getString("name"), rs.getString("label"), rs.getString("unit")))
                .list();
    }

    /**
     * The raw material of a {@link GoalView}: the goal, its show and metric, the show's value of the metric and the
     * data through of the run that computed it ({@code null} without a {@code show_kpi} row).
     */
    record GoalRow(StoredGoal goal, String showTitle, Instant showStartsAt, Instant showEndsAt, String metricLabel,
                   String unit, boolean additive, Long finalAfterSeconds, Double actual, Instant dataThrough) {
    }

    /**
     * Goals with their show, metric and actual value, latest show first, then in catalogue order.
     *
     * @param showId only this show's goals; {@code null} for every show
     */
    List<GoalRow> findRows(String showId) {
        Map<String, Map<String, Double>> kpis = kpiValues(showId);
        return jdbc.sql("""
                        SELECT g.goal_id, g.show_id, g.metric, g.target, g.direction, g.updated_by, g.updated_at,
                               s.title, s.starts_at, s.ends_at, d.label, d.unit, d.additive, d.final_after_seconds,
                               k.data_through
                        FROM goal g
                        JOIN show s ON s.show_id = g.show_id
                        LEFT JOIN show_kpi k ON k.show_id = g.show_id
                        LEFT JOIN metric_definition d ON d.name = g.metric
                        WHERE CAST(:showId AS text) IS NULL OR g.show_id = :showId
                        ORDER BY s.starts_at DESC, g.show_id, d.sort_order NULLS LAST, g.metric""")
                .param("showId", showId)
                .query((rs, i) -> {
                    StoredGoal goal = goal(rs);
                    Map<String, Double> kpi = kpis.get(goal.showId());
                    return new GoalRow(goal, rs.getString("title"), getInstant(rs, "starts_at"),
                            getInstant(rs, "ends_at"), rs.getString("label"), rs.getString("unit"),
                            rs.getBoolean("additive"), getLong(rs, "final_after_seconds"),
                            kpi == null ? null : kpi.get(goal.metric()), getInstant(rs, "data_through"));
                })
                .list();
    }

    /**
     * Every numeric column of {@code show_kpi} per show, by column name (= metric name); NULL and non-finite values
     * are left out, so a missing key means "not computed". Read by column name, so no metric name is ever put
     * into SQL text.
     */
    private Map<String, Map<String, Double>> kpiValues(String showId) {
        Map<String, Map<String, Double>> byShow = new HashMap<>();
        jdbc.sql("SELECT * FROM show_kpi WHERE CAST(:showId AS text) IS NULL OR show_id = :showId")
                .param("showId", showId)
                .query(rs -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    Map<String, Double> values = new HashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        Object v = rs.getObject(c);
                        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                            values.put(meta.getColumnName(c), n.doubleValue());
                        }
                    }
                    byShow.put(rs.getString("show_id"), values);
                });
        return byShow;
    }

    Optional<StoredGoal> findById(long goalId) {
        return jdbc.sql("SELECT * FROM goal WHERE goal_id = :id").param("id", goalId)
                .query((rs, i) -> goal(rs)).optional();
    }

    Optional<StoredGoal> findByShowAndMetric(String showId, String metric) {
        return jdbc.sql("SELECT * FROM goal WHERE show_id = :show AND metric = :metric")
                .param("show", showId).param("metric", metric)
                .query((rs, i) -> goal(rs)).optional();
    }

    List<StoredGoal> findByShow(String showId) {
        return jdbc.sql("SELECT * FROM goal WHERE show_id = :show ORDER BY metric").param("show", showId)
                .query((rs, i) -> goal(rs)).list();
    }

    /** The show that started last before {@code showId} started, if any. */
    Optional<String> previousShow(String showId) {
        return jdbc.sql("""
                        SELECT p.show_id FROM show p JOIN show s ON s.show_id = :show
                        WHERE p.starts_at < s.starts_at ORDER BY p.starts_at DESC, p.show_id LIMIT 1""")
                .param("show", showId).query(String.class).optional();
    }

    /** Inserts the goal and its {@code create} audit row; returns the new goal. */
    StoredGoal insert(GoalValues v, String user, Instant at) {
        long id = jdbc.sql("""
                        INSERT INTO goal (show_id, metric, target, direction, updated_by, updated_at)
                        VALUES (:show, :metric, :target, :direction, :user, :at) RETURNING goal_id""")
                .param("show", v.showId()).param("metric", v.metric()).param("target", v.target())
                .param("direction", v.direction()).param("user", user).param("at", utc(at))
                .query(Long.class).single();
        StoredGoal goal = new StoredGoal(id, v.showId(), v.metric(), v.target(), v.direction(), user, at);
        audit(goal.goalId(), goal.showId(), goal.metric(), "create", null, goal, user, at);
        return goal;
    }

    /** Sets a goal's show, metric, target and direction, with its {@code update} audit row (previous values). */
    StoredGoal update(StoredGoal old, GoalValues v, String user, Instant at) {
        jdbc.sql("""
                        UPDATE goal SET show_id = :show, metric = :metric, target = :target, direction = :direction,
                                        updated_by = :user, updated_at = :at
                        WHERE goal_id = :id""")
                .param("show", v.showId()).param("metric", v.metric()).param("target", v.target())
                .param("direction", v.direction()).param("user", user).param("at", utc(at)).param("id", old.goalId())
                .update();
        StoredGoal goal = new StoredGoal(old.goalId(), v.showId(), v.metric(), v.target(), v.direction(), user, at);
        audit(goal.goalId(), goal.showId(), goal.metric(), "update", old, goal, user, at);
        return goal;
    }

    /** Deletes the goal, with its {@code delete} audit row keeping the last values. */
    void delete(StoredGoal old, String user, Instant at) {
        jdbc.sql("DELETE FROM goal WHERE goal_id = :id").param("id", old.goalId()).update();
        audit(old.goalId(), old.showId(), old.metric(), "delete", old, null, user, at);
    }

    private void audit(long goalId, String showId, String metric, String action, StoredGoal before, StoredGoal after,
                       String user, Instant at) {
        jdbc.sql("""
                        INSERT INTO goal_audit (goal_id, show_id, metric, action, old_target, new_target, old_direction,
                                                new_direction, changed_by, changed_at)
                        VALUES (:goal, :show, :metric, :action, :oldTarget, :newTarget, :oldDirection, :newDirection,
                                :user, :at)""")
                .param("goal", goalId).param("show", showId).param("metric", metric).param("action", action)
                .param("oldTarget", before == null ? null : before.target())
                .param("newTarget", after == null ? null : after.target())
                .param("oldDirection", before == null ? null : before.direction())
                .param("newDirection", after == null ? null : after.direction())
                .param("user", user).param("at", utc(at))
                .update();
    }

    /**
     * The audit trail, latest first.
     *
     * @param showId only this show's changes; {@code null} for all
     */
    List<GoalAudit> findAudit(String showId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM goal_audit WHERE CAST(:showId AS text) IS NULL OR show_id = :showId
                        ORDER BY changed_at DESC, audit_id DESC LIMIT :limit""")
                .param("showId", showId).param("limit", limit)
                .query((rs, i) -> new GoalAudit(rs.getLong("audit_id"), rs.getLong("goal_id"), rs.getString("show_id"),
                        rs.getString("metric"), rs.getString("action"), getDouble(rs, "old_target"),
                        getDouble(rs, "new_target"), rs.getString("old_direction"), rs.getString("new_direction"),
                        rs.getString("changed_by"), getInstant(rs, "changed_at")))
                .list();
    }

    private static StoredGoal goal(ResultSet rs) throws SQLException {
        return new StoredGoal(rs.getLong("goal_id"), rs.getString("show_id"), rs.getString("metric"),
                rs.getDouble("target"), rs.getString("direction"), rs.getString("updated_by"),
                getInstant(rs, "updated_at"));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
