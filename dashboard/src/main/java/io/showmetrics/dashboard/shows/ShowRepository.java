package io.showmetrics.dashboard.shows;

import static io.showmetrics.dashboard.system.Rows.getDecimal;
import static io.showmetrics.dashboard.system.Rows.getDouble;
import static io.showmetrics.dashboard.system.Rows.getInstant;
import static io.showmetrics.dashboard.system.Rows.getLong;

import io.showmetrics.dashboard.system.Provisional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code show}, {@code show_kpi}, {@code show_minute} and {@code show_moment}. A show's status is
 * derived from {@code final_at} and {@code clock} ({@link Provisional}), not read as stored.
 */
@Repository
class ShowRepository {
    private final JdbcClient jdbc;
    private final Clock clock;

    ShowRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every show with its headline KPIs, latest start first. */
    List<ShowRow> findAll() {
        return findAll(ShowFilter.NONE);
    }

    /**
     * The shows that pass {@code filter}, with their headline KPIs, latest start first; every filter value is a bound
     * parameter. The title filter is a case-insensitive substring ({@code strpos}, so {@code %} and {@code _} are plain
     * characters). {@code goalAttainment} is left {@code null}: goals are evaluated by the goals feature.
     */
    List<ShowRow> findAll(ShowFilter filter) {
        return jdbc.sql("""
                        SELECT s.show_id, s.title, s.host, s.starts_at, s.ends_at, s.experiment_id,
                               k.unique_viewers, k.peak_concurrent_viewers, k.avg_watch_seconds, k.engagement_rate,
                               k.chat_messages, k.replay_viewers, k.live_orders, k.live_gmv, k.conversion_rate_24h,
                               k.status, k.final_at, k.computed_at, k.data_through
                        FROM show s LEFT JOIN show_kpi k ON k.show_id = s.show_id
                        WHERE (CAST(:startsFrom AS timestamptz) IS NULL OR s.starts_at >= :startsFrom)
                          AND (CAST(:startsBefore AS timestamptz) IS NULL OR s.starts_at < :startsBefore)
                          AND (CAST(:host AS text) IS NULL OR s.host = :host)
                          AND (CAST(:q AS text) IS NULL OR strpos(lower(s.title), lower(:q)) > 0)
                          AND (CAST(:experiment AS text) IS NULL OR s.experiment_id = :experiment)
                        ORDER BY s.starts_at DESC, s.show_id""")
                .param("startsFrom", utc(filter.startsFrom()))
                .param("startsBefore", utc(filter.startsBefore()))
                .param("host", filter.host())
                .param("q", filter.q())
                .param("experiment", filter.experiment())
                .query((rs, i) -> {
                    Instant now = clock.instant();
                    Instant starts = getInstant(rs, "starts_at");
                    Instant ends = getInstant(rs, "ends_at");
                    return new ShowRow(rs.getString("show_id"), rs.getString("title"), rs.getString("host"),
                            starts, ends, Duration.between(starts, ends).toSeconds(),
                            getLong(rs, "unique_viewers"), getLong(rs, "peak_concurrent_viewers"),
                            getDouble(rs, "avg_watch_seconds"), getDouble(rs, "engagement_rate"),
                            getLong(rs, "chat_messages"), getLong(rs, "replay_viewers"),
                            getLong(rs, "live_orders"), getDecimal(rs, "live_gmv"), getDouble(rs, "conversion_rate_24h"),
                            Provisional.status(rs.getString("status"), getInstant(rs, "final_at"), now,
                                    getInstant(rs, "data_through")),
                            getInstant(rs, "final_at"), getInstant(rs, "computed_at"), getInstant(rs, "data_through"),
                            rs.getString("experiment_id"), null);
                })
                .list();
    }

    /** What the Shows page's host and experiment filters offer: the values the shows carry. */
    record FilterOptions(List<String> hosts, List<ExperimentOption> experiments) {
    }

    /** An experiment of some show, with its name when the experiment table has it. */
    record ExperimentOption(String experimentId, String name) {
    }

    FilterOptions findFilterOptions() {
        List<String> hosts = jdbc.sql("SELECT DISTINCT host FROM show WHERE host IS NOT NULL ORDER BY host")
                .query(String.class).list();
        List<ExperimentOption> experiments = jdbc.sql("""
                        SELECT DISTINCT s.experiment_id, e.name FROM show s
                        LEFT JOIN experiment e ON e.experiment_id = s.experiment_id
                        WHERE s.experiment_id IS NOT NULL ORDER BY s.experiment_id""")
                .query((rs, i) -> new ExperimentOption(rs.getString("experiment_id"), rs.getString("name")))
                .list();
        return new FilterOptions(hosts, experiments);
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at == null ? null : java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }

    /** The show and its KPIs, or empty when there is no show {@code showId}. */
    Optional<ShowDetail> findById(String showId) {
        return jdbc.sql("""
                        SELECT s.show_id, s.title, s.host, s.starts_at, s.ends_at, s.experiment_id, s.channel, s.cost,
                               k.show_id AS kpi_show_id, k.*
                        FROM show s LEFT JOIN show_kpi k ON k.show_id = s.show_id
                        WHERE s.show_id = :id""")
                .param("id", showId)
                .query((rs, i) -> new ShowDetail(show(rs),
                        rs.getString("kpi_show_id") == null ? null : kpi(rs, clock.instant()), Map.of()))
                .optional()
                .map(d -> new ShowDetail(d.show(), d.kpi(), finality(d.show().endsAt(), clock.instant(),
                        d.kpi() == null ? null : d.kpi().dataThrough())));
    }

    /**
     * Per show-level metric with a {@code final_after_seconds}: whether it is final at {@code now}, and when its
     * window ends ({@code ends_at + final_after_seconds}); final once both {@code now} and {@code dataThrough} have
     * reached that instant ({@link Provisional}).
     */
    private Map<String, MetricFinality> finality(Instant endsAt, Instant now, Instant dataThrough) {
        Map<String, MetricFinality> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT name, final_after_seconds FROM metric_definition
                        WHERE level = 'show' AND final_after_seconds IS NOT NULL ORDER BY sort_order, name""")
                .query(rs -> {
                    Instant finalAt = endsAt.plusSeconds(rs.getLong("final_after_seconds"));
                    out.put(rs.getString("name"), new MetricFinality(Provisional.status(null, finalAt, now, dataThrough),
                            finalAt, Provisional.awaitingData(finalAt, dataThrough)));
                });
        return out;
    }

    /**
     * The show's store visits by attribution model: total visits per model (in model order), per store and model,
     * with the show's influenced visitors and survey share from show_kpi; no experiment (the controller adds it).
     */
    StoreVisits findStoreVisits(String showId) {
        List<StoreVisits.StoreModel> rows = jdbc.sql("""
                        SELECT store_id, model, visits FROM store_attribution WHERE show_id = :id
                        ORDER BY store_id, model""")
                .param("id", showId)
                .query((rs, i) -> new StoreVisits.StoreModel(rs.getString("store_id"), rs.getString("model"),
                        rs.getDouble("visits")))
                .list();
        Map<String, Double> totals = new LinkedHashMap<>();
        StoreVisits.MODELS.forEach(m -> totals.put(m, null));
        Map<String, Map<String, Double>> byStore = new java.util.TreeMap<>();
        for (StoreVisits.StoreModel r : rows) {
            totals.merge(r.model(), r.visits(), (a, b) -> a == null ? b : a + b);
            byStore.computeIfAbsent(r.storeId(), k -> new LinkedHashMap<>()).put(r.model(), r.visits());
        }
        List<StoreVisits.ModelTotal> models = totals.entrySet().stream()
                .map(e -> new StoreVisits.ModelTotal(e.getKey(), e.getValue())).toList();
        List<StoreVisits.Store> stores = byStore.entrySet().stream()
                .map(e -> new StoreVisits.Store(e.getKey(), e.getValue())).toList();
        return jdbc.sql("""
                        SELECT influenced_store_visits, influenced_visitors, saw_show_share
                        FROM show_kpi WHERE show_id = :id""")
                .param("id", showId)
                .query((rs, i) -> new StoreVisits(models, stores, getDouble(rs, "influenced_store_visits"),
                        getLong(rs, "influenced_visitors"), getDouble(rs, "saw_show_share"), null))
                .optional()
                .orElse(new StoreVisits(models, stores, null, null, null, null));
    }

    boolean exists(String showId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM show WHERE show_id = :id)").param("id", showId)
                .query(Boolean.class).single();
    }

    /**
     * The show's minutes in time order; empty when the show has none (or does not exist). While the show is on air
     * (its {@code show_kpi} row is {@code live}) a minute whose end is after the show's data through (or every minute,
     * without a data through) is still counting.
     */
    List<ShowMinute> findMinutes(String showId) {
        return jdbc.sql("""
                        SELECT m.minute_index, m.minute_start, m.viewers, m.new_viewers, m.chat_events, m.product_clicks,
                               m.add_to_carts, m.orders, m.gmv, m.viewers_joined, m.viewers_lost,
                               COALESCE(k.status = 'live' AND (k.data_through IS NULL
                                        OR m.minute_start + interval '1 minute' > k.data_through), false)
                                   AS still_counting
                        FROM show_minute m LEFT JOIN show_kpi k ON k.show_id = m.show_id
                        WHERE m.show_id = :id ORDER BY m.minute_start""")
                .param("id", showId)
                .query((rs, i) -> new ShowMinute(rs.getInt("minute_index"), getInstant(rs, "minute_start"),
                        rs.getLong("viewers"), rs.getLong("new_viewers"), rs.getLong("chat_events"), rs.getLong("product_clicks"),
                        rs.getLong("add_to_carts"), rs.getLong("orders"), getDecimal(rs, "gmv"),
                        rs.getLong("viewers_joined"), rs.getLong("viewers_lost"), rs.getBoolean("still_counting")))
                .list();
    }

    /**
     * The show's benchmark rows (SPEC section 6) in the catalogue's order, each with its metric's label and unit;
     * empty before a run has computed them.
     */
    List<ShowBenchmark> findBenchmarks(String showId) {
        return jdbc.sql("""
                        SELECT b.metric, COALESCE(d.label, b.metric) AS label, COALESCE(d.unit, 'count') AS unit,
                               b.value, b.benchmark_median, b.benchmark_n, b.percentile
                        FROM show_benchmark b LEFT JOIN metric_definition d ON d.name = b.metric
                        WHERE b.show_id = :id ORDER BY d.sort_order NULLS LAST, b.metric""")
                .param("id", showId)
                .query((rs, i) -> new ShowBenchmark(rs.getString("metric"), rs.getString("label"), rs.getString("unit"),
                        getDouble(rs, "value"), getDouble(rs, "benchmark_median"), rs.getInt("benchmark_n"),
                        getDouble(rs, "percentile")))
                .list();
    }

    /** The show's products (SPEC section 6), best-selling first (live GMV, then clickers, then sku). */
    List<ShowSku> findProducts(String showId) {
        return jdbc.sql("""
                        SELECT sku, clickers, carters, live_orders, live_units, live_gmv, pinned_minutes, stockout_minutes
                        FROM show_sku WHERE show_id = :id ORDER BY live_gmv DESC, clickers DESC, sku""")
                .param("id", showId)
                .query((rs, i) -> new ShowSku(rs.getString("sku"), rs.getLong("clickers"), rs.getLong("carters"),
                        rs.getLong("live_orders"), rs.getLong("live_units"), getDecimal(rs, "live_gmv"),
                        rs.getDouble("pinned_minutes"), getDouble(rs, "stockout_minutes")))
                .list();
    }

    /** The customer ids of one audience of the show (SPEC section 6), sorted. */
    List<String> findAudience(String showId, String audience) {
        return jdbc.sql("""
                        SELECT customer_id FROM show_audience WHERE show_id = :id AND audience = :audience
                        ORDER BY customer_id""")
                .param("id", showId).param("audience", audience)
                .query(String.class).list();
    }

    private static Show show(ResultSet rs) throws SQLException {
        Instant starts = getInstant(rs, "starts_at");
        Instant ends = getInstant(rs, "ends_at");
        return new Show(rs.getString("show_id"), rs.getString("title"), rs.getString("host"), starts, ends,
                Duration.between(starts, ends).toSeconds(), rs.getString("experiment_id"), rs.getString("channel"),
                getDecimal(rs, "cost"));
    }

    /**
     * The show's moments in time order, each with its offset from the show's start; empty when the show
     * has none (or does not exist).
     */
    List<ShowMoment> findMoments(String showId) {
        return jdbc.sql("""
                        SELECT m.ts, m.type, m.sku, m.label, m.viewers_present, m.clicks_before, m.clicks_after,
                               m.orders_before, m.orders_after, s.starts_at
                        FROM show_moment m JOIN show s ON s.show_id = m.show_id
                        WHERE m.show_id = :id ORDER BY m.ts, m.type, m.sku NULLS FIRST""")
                .param("id", showId)
                .query((rs, i) -> {
                    Instant ts = getInstant(rs, "ts");
                    return ShowMoment.of(ts, Duration.between(getInstant(rs, "starts_at"), ts).toSeconds(),
                            rs.getString("type"), rs.getString("sku"), rs.getString("label"),
                            getLong(rs, "viewers_present"), getLong(rs, "clicks_before"), getLong(rs, "clicks_after"),
                            getLong(rs, "orders_before"), getLong(rs, "orders_after"));
                })
                .list();
    }

    private static ShowKpi kpi(ResultSet rs, Instant now) throws SQLException {
        return new ShowKpi(
                getLong(rs, "unique_viewers"), getLong(rs, "identified_viewers"),
                getLong(rs, "peak_concurrent_viewers"), getInstant(rs, "peak_at"),
                getDouble(rs, "avg_watch_seconds"), getLong(rs, "replay_viewers"), getLong(rs, "engaged_viewers"),
                getDouble(rs, "engagement_rate"), getLong(rs, "chat_messages"), getLong(rs, "reactions"),
                getLong(rs, "questions"), getLong(rs, "shares"), getLong(rs, "poll_votes"),
                getLong(rs, "product_clickers"), getLong(rs, "carters"), getLong(rs, "live_orders"),
                getDecimal(rs, "live_gmv"), getLong(rs, "buyers_24h"), getDouble(rs, "conversion_rate_24h"),
                getDecimal(rs, "gmv_24h"), getDecimal(rs, "aov"), getDecimal(rs, "revenue_per_viewer"),
                getDouble(rs, "returning_viewer_rate"), getDouble(rs, "next_show_retention"),
                getDouble(rs, "stockout_minutes"), getDouble(rs, "influenced_store_visits"),
                getLong(rs, "influenced_visitors"), getDouble(rs, "saw_show_share"),
                getDouble(rs, "roas_live"), getDouble(rs, "roas_24h"),
                Provisional.status(rs.getString("status"), getInstant(rs, "final_at"), now,
                        getInstant(rs, "data_through")),
                getInstant(rs, "final_at"), rs.getString("run_id"),
                getInstant(rs, "computed_at"), getInstant(rs, "data_through"));
    }
}
