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

    /** The hosts of the shows, in order. */
    List<String> hosts() {
        return jdbc.sql("SELECT DISTINCT host FROM show WHERE host IS NOT NULL ORDER BY host").query(String.class).list();
    }

    List<MetricOption> metricOptions() {
        return jdbc.sql("""
                        SELECT name, label, unit FROM metric_definition WHERE goal_allowed AND level = 'show'
                        ORDER BY sort_order, name""")
                .query((rs, i) -> new MetricOption(rs.getString("name"), rs.getString("label"), rs.getString("unit")))
                .list();
    }

    /**
     * The raw material of a {@link GoalView}: the goal as it applies to the show (its own or its series'), the show and
     * metric, the show's value of the metric and the data through of the run that computed it ({@code null} without a
     * {@code show_kpi} row); {@code onAir} when that row is {@code live} (live mode: the numbers so far).
     */
    record GoalRow(GoalResolution.Applied goal, String showTitle, Instant showStartsAt, Instant showEndsAt,
                   String metricLabel, String unit, boolean additive, Long finalAfterSeconds, Double actual,
                   Instant dataThrough, boolean onAir) {
    }

    /** A show as goals see it: what a series matches on, and when its windows close. */
    record ShowFacts(GoalResolution.ShowFacts facts, Instant endsAt, Instant dataThrough, boolean onAir) {
    }

    /** A metric of the catalogue as goals see it. */
    private record Definition(String label, String unit, boolean additive, Long finalAfterSeconds, int sortOrder) {
    }

    /** Every show (or one), latest start first. */
    List<ShowFacts> shows(String showId) {
        return jdbc.sql("""
                        SELECT s.show_id, s.title, s.host, s.starts_at, s.ends_at, k.data_through, k.status
                        FROM show s LEFT JOIN show_kpi k ON k.show_id = s.show_id
                        WHERE CAST(:showId AS text) IS NULL OR s.show_id = :showId
                        ORDER BY s.starts_at DESC, s.show_id""")
                .param("showId", showId)
                .query((rs, i) -> new ShowFacts(new GoalResolution.ShowFacts(rs.getString("show_id"),
                        rs.getString("title"), rs.getString("host"), getInstant(rs, "starts_at")),
                        getInstant(rs, "ends_at"), getInstant(rs, "data_through"),
                        io.showmetrics.dashboard.system.Provisional.LIVE.equals(rs.getString("status"))))
                .list();
    }

    /**
     * The goals that apply to each show ({@link GoalResolution}: its own, else its series'), with the show, metric and
     * actual value: latest show first, then in catalogue order.
     *
     * @param showId only this show's goals; {@code null} for every show
     */
    List<GoalRow> findRows(String showId) {
        List<ShowFacts> shows = shows(showId);
        if (shows.isEmpty()) {
            return List.of();
        }
        Map<String, List<StoredGoal>> own = new HashMap<>();
        jdbc.sql("SELECT * FROM goal WHERE CAST(:showId AS text) IS NULL OR show_id = :showId ORDER BY goal_id")
                .param("showId", showId)
                .query((rs, i) -> goal(rs)).list()
                .forEach(g -> own.computeIfAbsent(g.showId(), k -> new java.util.ArrayList<>()).add(g));
        List<SeriesGoal> series = findSeries();
        if (own.isEmpty() && series.isEmpty()) {
            return List.of();
        }
        Map<String, Definition> definitions = new HashMap<>();
        jdbc.sql("SELECT name, label, unit, additive, final_after_seconds, sort_order FROM metric_definition")
                .query(rs -> {
                    definitions.put(rs.getString("name"), new Definition(rs.getString("label"), rs.getString("unit"),
                            rs.getBoolean("additive"), getLong(rs, "final_after_seconds"), rs.getInt("sort_order")));
                });
        Map<String, Map<String, Double>> kpis = kpiValues(showId);
        java.util.Comparator<GoalResolution.Applied> catalogueOrder = java.util.Comparator
                .comparing((GoalResolution.Applied a) -> definitions.containsKey(a.metric())
                        ? definitions.get(a.metric()).sortOrder() : Integer.MAX_VALUE)
                .thenComparing(GoalResolution.Applied::metric);
        List<GoalRow> rows = new java.util.ArrayList<>();
        for (ShowFacts show : shows) {
            String id = show.facts().showId();
            List<GoalResolution.Applied> applied = new java.util.ArrayList<>(
                    GoalResolution.resolve(show.facts(), own.getOrDefault(id, List.of()), series));
            applied.sort(catalogueOrder);
            Map<String, Double> kpi = kpis.get(id);
            for (GoalResolution.Applied a : applied) {
                Definition d = definitions.get(a.metric());
                rows.add(new GoalRow(a, show.facts().title(), show.facts().startsAt(), show.endsAt(),
                        d == null ? null : d.label(), d == null ? null : d.unit(), d != null && d.additive(),
                        d == null ? null : d.finalAfterSeconds(), kpi == null ? null : kpi.get(a.metric()),
                        show.dataThrough(), show.onAir()));
            }
        }
        return rows;
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
        writeAudit(goalId, showId, null, null, null, metric, action,
                before == null ? null : before.target(), after == null ? null : after.target(),
                before == null ? null : before.direction(), after == null ? null : after.direction(), user, at);
    }

    private void seriesAudit(SeriesGoal goal, String action, SeriesGoal before, SeriesGoal after, String user,
                             Instant at) {
        writeAudit(null, null, goal.seriesGoalId(), goal.kind(), goal.pattern(), goal.metric(), action,
                before == null ? null : before.target(), after == null ? null : after.target(),
                before == null ? null : before.direction(), after == null ? null : after.direction(), user, at);
    }

    private void writeAudit(Long goalId, String showId, Long seriesGoalId, String seriesKind, String seriesPattern,
                            String metric, String action, Double oldTarget, Double newTarget, String oldDirection,
                            String newDirection, String user, Instant at) {
        jdbc.sql("""
                        INSERT INTO goal_audit (goal_id, show_id, series_goal_id, series_kind, series_pattern, metric,
                                                action, old_target, new_target, old_direction, new_direction,
                                                changed_by, changed_at)
                        VALUES (:goal, :show, :series, :kind, :pattern, :metric, :action, :oldTarget, :newTarget,
                                :oldDirection, :newDirection, :user, :at)""")
                .param("goal", goalId).param("show", showId).param("series", seriesGoalId).param("kind", seriesKind)
                .param("pattern", seriesPattern).param("metric", metric).param("action", action)
                .param("oldTarget", oldTarget).param("newTarget", newTarget)
                .param("oldDirection", oldDirection).param("newDirection", newDirection)
                .param("user", user).param("at", utc(at))
                .update();
    }

    /**
     * The audit trail, latest first.
     *
     * @param showId only this show's changes (not its series'); {@code null} for all, series goals included
     */
    List<GoalAudit> findAudit(String showId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM goal_audit WHERE CAST(:showId AS text) IS NULL OR show_id = :showId
                        ORDER BY changed_at DESC, audit_id DESC LIMIT :limit""")
                .param("showId", showId).param("limit", limit)
                .query((rs, i) -> new GoalAudit(rs.getLong("audit_id"), getLong(rs, "goal_id"), rs.getString("show_id"),
                        rs.getString("metric"), rs.getString("action"), getDouble(rs, "old_target"),
                        getDouble(rs, "new_target"), rs.getString("old_direction"), rs.getString("new_direction"),
                        rs.getString("changed_by"), getInstant(rs, "changed_at"), getLong(rs, "series_goal_id"),
                        rs.getString("series_kind") == null ? null
                                : SeriesGoal.describe(rs.getString("series_kind"), rs.getString("series_pattern"))))
                .list();
    }

    /** The show's benchmark of the metric in {@code show_benchmark} (SPEC section 6), when the jobs computed one. */
    Optional<GoalBenchmark.Benchmark> showBenchmark(String showId, String metric) {
        return jdbc.sql("""
                        SELECT benchmark_median, benchmark_n FROM show_benchmark
                        WHERE show_id = :show AND metric = :metric AND benchmark_median IS NOT NULL""")
                .param("show", showId).param("metric", metric)
                .query((rs, i) -> new GoalBenchmark.Benchmark(rs.getDouble("benchmark_median"), rs.getInt("benchmark_n"),
                        "the " + rs.getInt("benchmark_n") + " shows before this one"))
                .optional()
                .filter(b -> Double.isFinite(b.median()));
    }

    /** The most show rows a benchmark looks through for values. */
    private static final int BENCHMARK_SCAN = 1_000;

    /**
     * The metric's values (its {@code show_kpi} column, read by name: no metric name is put into SQL text) over the
     * most recent shows that started before {@code before} and pass {@code keep}, latest first, at most {@code limit};
     * shows without a value are skipped, and so are shows on air (a live row's numbers so far are no benchmark). Empty for a metric without a column.
     */
    List<Double> recentValues(String metric, Instant before, java.util.function.Predicate<GoalResolution.ShowFacts> keep,
                              int limit) {
        return jdbc.sql("""
                        SELECT s.title AS show_title, s.host AS show_host, s.starts_at AS show_starts_at, k.*
                        FROM show s JOIN show_kpi k ON k.show_id = s.show_id
                        WHERE s.starts_at < :before AND k.status <> 'live'
                        ORDER BY s.starts_at DESC, s.show_id LIMIT :scan""")
                .param("before", utc(before)).param("scan", BENCHMARK_SCAN)
                .query(rs -> {
                    List<Double> values = new java.util.ArrayList<>();
                    int column;
                    try {
                        column = rs.findColumn(metric);
                    } catch (SQLException noSuchColumn) {
                        return values;
                    }
                    while (values.size() < limit && rs.next()) {
                        GoalResolution.ShowFacts show = new GoalResolution.ShowFacts(rs.getString("show_id"),
                                rs.getString("show_title"), rs.getString("show_host"), getInstant(rs, "show_starts_at"));
                        Object v = rs.getObject(column);
                        if (v instanceof Number n && Double.isFinite(n.doubleValue()) && keep.test(show)) {
                            values.add(n.doubleValue());
                        }
                    }
                    return values;
                });
    }

    /** Every series goal, oldest first. */
    List<SeriesGoal> findSeries() {
        return jdbc.sql("SELECT * FROM series_goal ORDER BY series_goal_id").query((rs, i) -> seriesGoal(rs)).list();
    }

    Optional<SeriesGoal> findSeriesById(long seriesGoalId) {
        return jdbc.sql("SELECT * FROM series_goal WHERE series_goal_id = :id").param("id", seriesGoalId)
                .query((rs, i) -> seriesGoal(rs)).optional();
    }

    /** The series goal on this series (pattern compared without regard to case) and metric. */
    Optional<SeriesGoal> findSeriesByKey(String kind, String pattern, String metric) {
        return jdbc.sql("""
                        SELECT * FROM series_goal
                        WHERE kind = :kind AND lower(pattern) = lower(:pattern) AND metric = :metric""")
                .param("kind", kind).param("pattern", pattern).param("metric", metric)
                .query((rs, i) -> seriesGoal(rs)).optional();
    }

    /** Inserts a series goal applying from {@code at} on, with its {@code create} audit row. */
    SeriesGoal insertSeries(SeriesGoalValues v, String user, Instant at) {
        long id = jdbc.sql("""
                        INSERT INTO series_goal (kind, pattern, metric, target, direction, applies_from, updated_by,
                                                 updated_at)
                        VALUES (:kind, :pattern, :metric, :target, :direction, :at, :user, :at)
                        RETURNING series_goal_id""")
                .param("kind", v.kind()).param("pattern", v.pattern()).param("metric", v.metric())
                .param("target", v.target()).param("direction", v.direction()).param("user", user).param("at", utc(at))
                .query(Long.class).single();
        SeriesGoal goal = new SeriesGoal(id, v.kind(), v.pattern(), v.metric(), v.target(), v.direction(), at, user, at);
        seriesAudit(goal, "create", null, goal, user, at);
        return goal;
    }

    /**
     * Changes a series goal's series, metric, target and direction, with its {@code update} audit row; it keeps
     * applying from when it was first set.
     */
    SeriesGoal updateSeries(SeriesGoal old, SeriesGoalValues v, String user, Instant at) {
        jdbc.sql("""
                        UPDATE series_goal SET kind = :kind, pattern = :pattern, metric = :metric, target = :target,
                                               direction = :direction, updated_by = :user, updated_at = :at
                        WHERE series_goal_id = :id""")
                .param("kind", v.kind()).param("pattern", v.pattern()).param("metric", v.metric())
                .param("target", v.target()).param("direction", v.direction()).param("user", user).param("at", utc(at))
                .param("id", old.seriesGoalId())
                .update();
        SeriesGoal goal = new SeriesGoal(old.seriesGoalId(), v.kind(), v.pattern(), v.metric(), v.target(),
                v.direction(), old.appliesFrom(), user, at);
        seriesAudit(goal, "update", old, goal, user, at);
        return goal;
    }

    /** Deletes a series goal (it no longer applies to any show), with its {@code delete} audit row. */
    void deleteSeries(SeriesGoal old, String user, Instant at) {
        jdbc.sql("DELETE FROM series_goal WHERE series_goal_id = :id").param("id", old.seriesGoalId()).update();
        seriesAudit(old, "delete", old, null, user, at);
    }

    private static SeriesGoal seriesGoal(ResultSet rs) throws SQLException {
        return new SeriesGoal(rs.getLong("series_goal_id"), rs.getString("kind"), rs.getString("pattern"),
                rs.getString("metric"), rs.getDouble("target"), rs.getString("direction"),
                getInstant(rs, "applies_from"), rs.getString("updated_by"), getInstant(rs, "updated_at"));
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
