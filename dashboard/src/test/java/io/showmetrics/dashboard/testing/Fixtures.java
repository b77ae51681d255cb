package io.showmetrics.dashboard.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builders with defaults for the serving tables the dashboard reads. */
public final class Fixtures {
    public static final Instant SPRING_START = Instant.parse("2026-03-01T19:00:00Z");

    private Fixtures() {
    }

    public static Row show(String showId) {
        return new Row("show")
                .set("show_id", showId)
                .set("title", "Spring Collection Launch")
                .set("host", "Lena Park")
                .set("starts_at", SPRING_START)
                .set("ends_at", SPRING_START.plus(Duration.ofMinutes(60)))
                .set("channel", "web");
    }

    /** A show_kpi row with every viewer, engagement and sales metric set (provisional, final a month later). */
    public static Row kpi(String showId) {
        return new Row("show_kpi")
                .set("show_id", showId)
                .set("unique_viewers", 1234L)
                .set("identified_viewers", 456L)
                .set("peak_concurrent_viewers", 812L)
                .set("peak_at", Instant.parse("2026-03-01T19:23:30Z"))
                .set("avg_watch_seconds", 754.4)
                .set("replay_viewers", 210L)
                .set("engaged_viewers", 300L)
                .set("engagement_rate", 300.0 / 1234.0)
                .set("chat_messages", 1520L)
                .set("reactions", 870L)
                .set("questions", 64L)
                .set("shares", 33L)
                .set("poll_votes", 12L)
                .set("product_clickers", 150L)
                .set("carters", 61L)
                .set("live_orders", 40L)
                .set("live_gmv", new BigDecimal("3120.5000"))
                .set("buyers_24h", 52L)
                .set("conversion_rate_24h", 52.0 / 456.0)
                .set("gmv_24h", new BigDecimal("4480.7500"))
                .set("aov", new BigDecimal("78.0125"))
                .set("revenue_per_viewer", new BigDecimal("2.5288"))
                .set("stockout_minutes", 6.5)
                .set("status", "provisional")
                .set("final_at", Instant.parse("2026-03-31T20:15:00Z"))
                .set("run_id", "run-2026-03-02")
                .set("computed_at", Instant.parse("2026-03-02T03:10:00Z"));
    }

    public static Row minute(String showId, int index, long viewers, long chatEvents) {
        return new Row("show_minute")
                .set("show_id", showId)
                .set("minute_index", index)
                .set("minute_start", SPRING_START.plus(Duration.ofMinutes(index)))
                .set("viewers", viewers)
                .set("chat_events", chatEvents)
                .set("product_clicks", index % 7L)
                .set("add_to_carts", index % 3L)
                .set("orders", index % 2L)
                .set("gmv", new BigDecimal(index % 2 == 0 ? "0" : "79.9000"));
    }

    /** A realistic viewer curve over a 75-minute live window (60 min + 15 min grace): ramp, plateau, decay. */
    public static List<Long> viewerCurve() {
        List<Long> curve = new ArrayList<>();
        for (int m = 0; m < 75; m++) {
            double level = m < 12 ? 60 + 60 * m : m < 50 ? 780 + 60 * Math.sin(m / 4.0) : 800 * Math.exp(-(m - 50) / 9.0);
            curve.add(Math.round(level));
        }
        return curve;
    }

    /** Chat events per minute matching {@link #viewerCurve()}: about one message per eight viewers, bursts at moments. */
    public static List<Long> chatCurve() {
        List<Long> viewers = viewerCurve();
        List<Long> chat = new ArrayList<>();
        for (int m = 0; m < viewers.size(); m++) {
            chat.add(viewers.get(m) / 8 + (m % 15 == 5 ? 60 : 0));
        }
        return chat;
    }

    /** Live orders per minute matching {@link #viewerCurve()}: one per 200 viewers, a burst after each promo. */
    public static List<Long> ordersCurve() {
        List<Long> viewers = viewerCurve();
        List<Long> orders = new ArrayList<>();
        for (int m = 0; m < viewers.size(); m++) {
            orders.add(viewers.get(m) / 200 + (m % 15 == 6 ? 3 : 0));
        }
        return orders;
    }

    /** Inserts the curves as show_minute rows; clicks, carts and GMV (79.90 per order) follow the viewers and orders. */
    public static void insertMinutes(JdbcClient jdbc, String showId, List<Long> viewers, List<Long> chat,
                                     List<Long> orders) {
        for (int m = 0; m < viewers.size(); m++) {
            minute(showId, m, viewers.get(m), chat.get(m))
                    .set("product_clicks", viewers.get(m) / 40)
                    .set("add_to_carts", viewers.get(m) / 120)
                    .set("orders", orders.get(m))
                    .set("gmv", new BigDecimal("79.90").multiply(BigDecimal.valueOf(orders.get(m))))
                    .insert(jdbc);
        }
    }

    /**
     * A show moment {@code minutesIn} minutes after {@link #SPRING_START}: a product pin of the linen dress with
     * 790 viewers present, clicks 12 → 41 and orders 1 → 6 in the 5 minutes before → after.
     */
    public static Row moment(String showId, double minutesIn) {
        return new Row("show_moment")
                .set("show_id", showId)
                .set("ts", SPRING_START.plusMillis(Math.round(minutesIn * 60_000)))
                .set("type", "product_pin")
                .set("sku", "SKU-LINEN-DRESS")
                .set("label", "Linen dress")
                .set("viewers_present", 790L)
                .set("clicks_before", 12L)
                .set("clicks_after", 41L)
                .set("orders_before", 1L)
                .set("orders_after", 6L);
    }

    /**
     * A provisional experiment whose split matches the design: push invite (80%) vs holdout (20%),
     * conversion as primary metric, final on 2026-03-08 20:00 UTC.
     */
    public static Row experiment(String experimentId) {
        return new Row("experiment")
                .set("experiment_id", experimentId)
                .set("name", "Push invite vs holdout")
                .set("hypothesis", "Inviting customers to the live show by push raises their 24 h conversion.")
                .set("primary_metric", "converted")
                .set("control_variant", "holdout")
                .set("starts_at", Instant.parse("2026-02-24T00:00:00Z"))
                .set("ends_at", Instant.parse("2026-03-01T20:00:00Z"))
                .set("assigned", 10_000L)
                .set("srm_p_value", 0.944)
                .set("srm_flagged", false)
                .set("last_show_end", Instant.parse("2026-03-01T20:00:00Z"))
                .set("status", "provisional")
                .set("final_at", Instant.parse("2026-03-08T20:00:00Z"));
    }

    public static Row variant(String experimentId, String variant, long assigned, Double expectedShare,
                              boolean control) {
        return new Row("experiment_variant")
                .set("experiment_id", experimentId)
                .set("variant", variant)
                .set("assigned", assigned)
                .set("expected_share", expectedShare)
                .set("is_control", control);
    }

    /**
     * A computable result row of {@code variant} against control for {@code metric}: conversion 5.20% → 6.11%
     * (raw) with CIs, p-values and the always-valid CI; {@code adjusted} rows add θ and the variance reduction.
     */
    public static Row result(String experimentId, String metric, String variant, boolean adjusted) {
        Row row = new Row("experiment_result")
                .set("experiment_id", experimentId)
                .set("metric", metric)
                .set("variant", variant)
                .set("adjusted", adjusted)
                .set("n", 5190L)
                .set("value", 0.0611)
                .set("control_n", 4810L)
                .set("control_value", 0.0520)
                .set("abs_lift", 0.0091)
                .set("abs_ci_low", adjusted ? 0.0009 : 0.00005)
                .set("abs_ci_high", adjusted ? 0.0173 : 0.01815)
                .set("rel_lift", 0.175)
                .set("rel_ci_low", adjusted ? 0.0037 : -0.0142)
                .set("rel_ci_high", adjusted ? 0.3463 : 0.3642)
                .set("p_value", adjusted ? 0.0295 : 0.0486)
                .set("p_value_holm", adjusted ? 0.059 : 0.0972)
                .set("p_value_bh", adjusted ? 0.059 : 0.0972)
                .set("seq_ci_low", adjusted ? -0.0046 : -0.0061)
                .set("seq_ci_high", adjusted ? 0.0228 : 0.0243)
                .set("srm_p_value", 0.000145)
                .set("error_code", null);
        if (adjusted) {
            row.set("theta", 0.412).set("variance_reduction", 0.18);
        }
        return row;
    }

    /**
     * A row of {@code experiment_incremental}: {@code variant} against {@code control}, +35.0 store visits
     * (95% CI +8.2 to +61.8) over 700 treated and 300 control customers; a holdout when the control's name says so.
     */
    public static Row incrementalVisits(String experimentId, String variant, String control) {
        return new Row("experiment_incremental")
                .set("experiment_id", experimentId)
                .set("variant", variant)
                .set("control_variant", control)
                .set("holdout", control.contains("holdout"))
                .set("treated", 700L)
                .set("control_n", 300L)
                .set("visits", 35.0)
                .set("ci_low", 8.2)
                .set("ci_high", 61.8)
                .set("error_code", null);
    }

    /** A row of {@code experiment_decision}: {@code variant} ships on conversion, with its sensitivity. */
    public static Row decision(String experimentId, String variant, String decision) {
        return new Row("experiment_decision")
                .set("experiment_id", experimentId)
                .set("variant", variant)
                .set("metric", "converted")
                .set("decision", decision)
                .set("reason", "Ship " + variant + ": converted +17.5% against control (Holm-adjusted p = 0.010 < 0.05).")
                .set("mde_abs", 0.0123)
                .set("power_10pct", 0.41)
                .set("n_needed_10pct", 24_500.0);
    }

    public static Row srmAcknowledgement(String experimentId, String username, Instant at) {
        return new Row("srm_acknowledgement")
                .set("experiment_id", experimentId)
                .set("username", username)
                .set("acknowledged_at", at);
    }

    public static Row definition(String name, int sortOrder) {
        return new Row("metric_definition")
                .set("name", name)
                .set("label", "Unique viewers")
                .set("level", "show")
                .set("definition", "Distinct viewer_id with live presence in the show")
                .set("window_text", "Live window [starts_at, ends_at + 15 min)")
                .set("unit", "count")
                .set("additive", false)
                .set("goal_allowed", true)
                .set("sort_order", sortOrder);
    }

    /** A succeeded run that reconciles: read 10,480 = 10,300 accepted + 150 quarantined + 30 duplicate. */
    /** A show_benchmark row (SPEC section 6). */
    public static Row benchmark(String showId, String metric, Double value, Double median, int n, Double percentile) {
        return new Row("show_benchmark").set("show_id", showId).set("metric", metric).set("value", value)
                .set("benchmark_median", median).set("benchmark_n", n).set("percentile", percentile);
    }

    /** A show_sku row: the sku was clicked, carted and sold once, never pinned, stock not measured. */
    public static Row sku(String showId, String sku) {
        return new Row("show_sku").set("show_id", showId).set("sku", sku).set("clickers", 1L).set("carters", 1L)
                .set("live_orders", 1L).set("live_units", 1L).set("live_gmv", new BigDecimal("29.9000"))
                .set("pinned_minutes", 0.0).set("stockout_minutes", null);
    }

    /** A show_audience row. */
    public static Row audience(String showId, String audience, String customerId) {
        return new Row("show_audience").set("show_id", showId).set("audience", audience).set("customer_id", customerId);
    }

    /** A show_month row (SPEC section 6), complete (not partial). */
    public static Row showMonth(String month, long shows, String liveGmv, String influencedRevenue, double visits) {
        return new Row("show_month").set("month", java.time.LocalDate.parse(month + "-01")).set("shows", shows)
                .set("live_gmv", new BigDecimal(liveGmv)).set("influenced_revenue", new BigDecimal(influencedRevenue))
                .set("influenced_store_visits", visits).set("partial", false);
    }

    public static Row run(String runId) {
        return new Row("pipeline_run")
                .set("run_id", runId)
                .set("started_at", Instant.parse("2026-03-02T03:00:00Z"))
                .set("finished_at", Instant.parse("2026-03-02T03:12:34Z"))
                .set("status", "succeeded")
                .set("records_read", 10_480L)
                .set("records_accepted", 10_300L)
                .set("records_quarantined", 150L)
                .set("records_duplicate", 30L)
                .set("files_loaded", 3)
                .set("shows_computed", 2)
                .set("message", "Loaded 3 new files");
    }

    public static Row ingestFile(String runId, String entity, String file, long accepted, long quarantined,
                                 long duplicate) {
        return new Row("ingest_file")
                .set("run_id", runId)
                .set("entity", entity)
                .set("file", file)
                .set("records_read", accepted + quarantined + duplicate)
                .set("records_accepted", accepted)
                .set("records_quarantined", quarantined)
                .set("records_duplicate", duplicate);
    }

    public static Row quarantineReason(String runId, String entity, String reason, long records) {
        return new Row("quarantine_reason")
                .set("run_id", runId)
                .set("entity", entity)
                .set("reason", reason)
                .set("records", records);
    }

    public static Row quarantineSample(String runId, String file, long line) {
        return new Row("quarantine_sample")
                .set("run_id", runId)
                .set("entity", "viewer_events")
                .set("file", file)
                .set("line", line)
                .set("field", "ts")
                .set("reason", "bad_timestamp")
                .set("message", "ts '2026-03-01 19:00' has no offset; write it as ISO-8601 with Z or +hh:mm")
                .set("raw", "{\"event_id\":\"e1\",\"ts\":\"2026-03-01 19:00\"}");
    }

    /** A goal set by maria on 2026-02-28 10:00 UTC. */
    public static Row goal(String showId, String metric, double target, String direction) {
        return new Row("goal")
                .set("show_id", showId)
                .set("metric", metric)
                .set("target", target)
                .set("direction", direction)
                .set("updated_by", "maria")
                .set("updated_at", Instant.parse("2026-02-28T10:00:00Z"));
    }

    /** Visits of one store credited to a show by one attribution model. */
    public static Row storeAttribution(String showId, String storeId, String model, double visits) {
        return new Row("store_attribution")
                .set("show_id", showId)
                .set("store_id", storeId)
                .set("model", model)
                .set("visits", visits);
    }

    /** A retention cell; rate = retained / cohort size. */
    public static Row retentionCell(String kind, String segment, String cohortWeek, int weekOffset, long cohortSize,
                                    long retained) {
        return new Row("retention_cohort")
                .set("kind", kind)
                .set("segment", segment)
                .set("cohort_week", java.time.LocalDate.parse(cohortWeek))
                .set("week_offset", weekOffset)
                .set("cohort_size", cohortSize)
                .set("retained", retained)
                .set("rate", cohortSize == 0 ? null : (double) retained / cohortSize);
    }

    public static Row channelMonth(String month, String channel, String revenue, long orders, long customers) {
        return new Row("channel_month")
                .set("month", java.time.LocalDate.parse(month))
                .set("channel", channel)
                .set("revenue", new BigDecimal(revenue))
                .set("orders", orders)
                .set("customers", customers);
    }

    public static Row influencedRevenue(String month, String channel, String revenue, long orders, long customers) {
        return new Row("influenced_revenue")
                .set("month", java.time.LocalDate.parse(month))
                .set("channel", channel)
                .set("revenue", new BigDecimal(revenue))
                .set("orders", orders)
                .set("customers", customers);
    }

    /** A month or quarter of omnichannel_period; share = multichannel / customers. */
    public static Row omnichannelPeriod(String period, String start, long customers, long multichannel,
                                        long influencedVisits, long storeVisits) {
        return new Row("omnichannel_period")
                .set("period", period)
                .set("period_start", java.time.LocalDate.parse(start))
                .set("customers", customers)
                .set("multichannel_customers", multichannel)
                .set("multichannel_share", customers == 0 ? null : (double) multichannel / customers)
                .set("influenced_visits", influencedVisits)
                .set("store_visits", storeVisits);
    }

    /**
     * A show_kpi row as {@code ./showmetrics live} writes it (migration V8): status live, no final_at, the live KPIs
     * filled and every KPI the batch run computes (24 h, store visits, retention, ROAS 24 h, stock-out) NULL.
     */
    public static Row liveKpi(String showId, Instant dataThrough) {
        return kpi(showId)
                .set("buyers_24h", null).set("conversion_rate_24h", null).set("gmv_24h", null)
                .set("stockout_minutes", null)
                .set("status", "live").set("final_at", null).set("run_id", null)
                .set("data_through", dataThrough).set("computed_at", dataThrough.plusSeconds(5));
    }

    /** An alert of live mode (migration V8): behind pace on live orders, webhook none. */
    public static Row alert(String showId, Instant at, String kind, String metric) {
        return new Row("alert")
                .set("show_id", showId)
                .set("at", at)
                .set("kind", kind)
                .set("metric", metric)
                .set("message", "Live orders 12 by " + at + ", 25 % behind the pace to 120 (16)")
                .set("actual", 12.0)
                .set("expected", 16.0)
                .set("dedup_key", showId + "|" + kind + "|" + (metric == null ? at.toString() : metric))
                .set("created_at", at.plusSeconds(20));
    }

    /** A live_run heartbeat (migration V8): started at {@code startedAt}, polling every 5 s, last poll {@code lastPollAt}. */
    public static Row liveRun(String liveId, Instant startedAt, Instant lastPollAt) {
        return new Row("live_run")
                .set("live_id", liveId)
                .set("started_at", startedAt)
                .set("last_poll_at", lastPollAt)
                .set("interval_seconds", 5.0)
                .set("files_loaded", 12L);
    }
}
