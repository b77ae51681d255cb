package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.core.windows.Windows;
import io.showmetrics.jobs.lake.Lake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze → silver → gold, incrementally: only shows touched by ingest runs not yet computed are
 * recomputed, and their gold rows replaced in one Delta commit per table ({@code replaceWhere}). A
 * show is touched by its own row, its viewer/chat/player events and moments, live orders carrying its
 * id, any order inside its 24-hour conversion window (a viewer may buy on the web; for a cancel or
 * return, any row of the same order line counts, so the show of the original purchase is re-opened),
 * and stock rows before its live window ends. The first run, or {@code full}, recomputes everything.
 * Experiments are recomputed per experiment, only those the runs touched ({@link #touchedExperiments}).
 * Net order lines and the other cross-show metrics (retention, store-visit attribution, omnichannel) are
 * recomputed whole whenever anything is pending: they relate every show and customer to each other.
 *
 * <p>A run reads each shared bronze input once (cached), keeps what it writes in memory instead of reading it
 * back, and writes independent tables side by side ({@link TableWrites}); the ingest runs are marked computed
 * only after every table has committed.
 *
 * <p>Tables written: silver {@code shows}, {@code presence}, {@code viewer_customers},
 * {@code net_order_lines}; gold {@code show_kpi}, {@code show_minute}, {@code show_moment}, {@code show_sku},
 * {@code show_audience} (per show), {@code experiment_stats}, {@code experiment_result}, {@code experiment_summary},
 * {@code experiment_variant}, {@code experiment_incremental}, {@code experiment_decision}, {@code show_retention},
 * {@code show_visits}, {@code store_attribution}, {@code retention_cohort}, {@code channel_month},
 * {@code omnichannel_period}, {@code influenced_revenue}, {@code show_month}, {@code show_benchmark} (whole),
 * {@code data_through} (one row: the run's data through, {@link DataThrough}) and {@code _compute_log}.
 */
public final class ComputeJob {
    /** Entities whose records carry a {@code show_id} that names the show they belong to. */
    static final List<String> SHOW_KEYED_ENTITIES = List.of("viewer_events", "chat_events", "player_events",
            "show_moments");
    /**
     * Gold tables that a lake computed by an earlier version may lack: while one is missing, the next compute is a
     * full one, so every table (and every column added with them, such as {@code show_kpi.roas_live}) agrees.
     */
    static final List<String> REQUIRED_GOLD = List.of("show_kpi", "data_through", "serving_show_kpi", "show_sku",
            "show_audience", "show_month", "show_benchmark");
    /** Steps reported to the progress display. */
    public static final int STEPS = 7;

    static final StructType COMPUTE_LOG_SCHEMA = new StructType()
            .add("ingest_run_id", DataTypes.StringType, false)
            .add("compute_run_id", DataTypes.StringType, false)
            .add("computed_at", DataTypes.TimestampType, false);

    private ComputeJob() {}

    /** What a compute did. {@code shows} is empty when nothing was pending. */
    public record Result(List<String> ingestRuns, Set<String> shows, boolean full) {
        public boolean noNewData() {
            return ingestRuns.isEmpty() && !full;
        }
    }

    /**
     * Computes what the pending ingest runs changed.
     *
     * @param now the run's clock (stored as {@code computed_at})
     * @param full recompute every show even if nothing is pending
     * @param log progress messages, one per step
     */
    public static Result run(SparkSession spark, Lake lake, String runId, Instant now, boolean full,
            Consumer<String> log) {
        return run(spark, lake, runId, now, full, Windows.DEFAULTS, log);
    }

    /** As above, with the metric windows of the settings. */
    public static Result run(SparkSession spark, Lake lake, String runId, Instant now, boolean full,
            Windows windows, Consumer<String> log) {
        List<String> pending = pendingIngestRuns(spark, lake);
        // A lake computed before data through, the serving tables or SPEC section 6's tables existed is recomputed
        // once, so every table agrees.
        boolean first = REQUIRED_GOLD.stream().anyMatch(t -> !Lake.exists(spark, lake.gold(t)));
        if (pending.isEmpty() && !full && !first) {
            return new Result(List.of(), Set.of(), false);
        }
        Dataset<Row> allShows = latestShows(Lake.read(spark, lake.bronze("shows"))).cache();
        boolean everything = full || first;
        Set<String> affected = everything ? Set.of() : affectedShows(spark, lake, pending, allShows, windows);
        Set<String> computed = everything
                ? new LinkedHashSet<>(allShows.select("show_id").as(Encoders.STRING()).collectAsList())
                : affected;
        Column inScope = everything ? lit(true) : col("show_id").isin(affected.toArray());
        String replaceWhere = everything ? null : "show_id IN (" + sqlList(affected) + ")";

        Inputs in = Inputs.read(spark, lake);
        Instant dataThrough;
        try (TableWrites writes = new TableWrites(WRITE_THREADS)) {
            log.accept("net order lines");
            // Kept in memory for this run: the table written is exactly these rows.
            Dataset<Row> netLines = SalesMetrics.netOrderLines(in.orders()).cache();
            in.releaseLater(netLines);
            writes.write(netLines, lake.silver("net_order_lines"), null);

            if (everything || !affected.isEmpty()) {
                computeShows(spark, lake, writes, in, allShows.filter(inScope).cache(), inScope, replaceWhere,
                        netLines, runId, now, windows, log);
            }

            log.accept("experiments");
            boolean experimentsExist = EXPERIMENT_TABLES.stream().allMatch(t -> Lake.exists(spark, lake.gold(t)));
            Set<String> touchedExperiments = everything || !experimentsExist ? null
                    : touchedExperiments(spark, lake, in, pending, affected, allShows);
            ExperimentScope experiments = computeExperiments(spark, lake, writes, in, allShows, netLines,
                    touchedExperiments);
            log.accept("retention, store visits, omnichannel");
            dataThrough = computeDataThrough(spark, lake, writes, in, runId, now);
            // Cross-show metrics read the silver tables whole (shows not recomputed this run included).
            writes.await();
            computeCrossShow(spark, lake, writes, in, allShows, netLines, experiments, dataThrough, now);
        } finally {
            in.unpersist();
            allShows.unpersist();
        }
        // The dashboard's shapes of the gold tables, from what every write above committed.
        ServingTables.write(spark, lake, now, dataThrough, windows);
        // Every show against the shows before it, from the KPIs as served: whole, a show's benchmark reads history.
        TableWrites.overwrite(BenchmarkMetrics.benchmarks(spark, Lake.read(spark, lake.gold("serving_show_kpi")),
                Lake.read(spark, lake.gold("serving_show"))), lake.gold("show_benchmark"), null);
        appendComputeLog(spark, lake, pending, runId, now);
        return new Result(pending, computed, everything);
    }

    /** Independent table writes run side by side (see {@link TableWrites}); 2 cores are enough to overlap them. */
    static final int WRITE_THREADS = 4;

    /** Bronze inputs that several steps read, read once per run. */
    record Inputs(Dataset<Row> orders, Dataset<Row> viewerEvents, Dataset<Row> visits, Dataset<Row> experiments,
            List<Dataset<Row>> cached) {
        static Inputs read(SparkSession spark, Lake lake) {
            Inputs in = new Inputs(Lake.read(spark, lake.bronze("orders")).cache(),
                    Lake.read(spark, lake.bronze("viewer_events")),
                    Lake.read(spark, lake.bronze("store_visits")).cache(),
                    ExperimentMetrics.latestExperiments(Lake.read(spark, lake.bronze("experiments"))).cache(),
                    new ArrayList<>());
            in.releaseLater(in.orders(), in.visits(), in.experiments());
            return in;
        }

        /** Cached datasets that writes still running may read: released by {@link #unpersist} at the end. */
        @SafeVarargs
        final void releaseLater(Dataset<Row>... datasets) {
            synchronized (cached) {
                cached.addAll(List.of(datasets));
            }
        }

        void unpersist() {
            synchronized (cached) {
                cached.forEach(Dataset::unpersist);
                cached.clear();
            }
        }
    }

    private static void computeShows(SparkSession spark, Lake lake, TableWrites writes, Inputs in,
            Dataset<Row> shows, Column inScope, String replaceWhere, Dataset<Row> netLines, String runId, Instant now,
            Windows windows, Consumer<String> log) {
        Dataset<Row> viewerEvents = in.viewerEvents().filter(inScope)
                .select("show_id", "viewer_id", "type", "ts", "replay", "customer_id");
        Dataset<Row> chat = Lake.read(spark, lake.bronze("chat_events")).filter(inScope)
                .select("show_id", "viewer_id", "type", "ts", "customer_id");
        Dataset<Row> player = Lake.read(spark, lake.bronze("player_events")).filter(inScope)
                .select("event_id", "show_id", "viewer_id", "type", "sku", "ts", "customer_id");
        Dataset<Row> moments = Lake.read(spark, lake.bronze("show_moments")).filter(inScope);
        Dataset<Row> stock = Lake.read(spark, lake.bronze("stock"));

        writes.write(shows, lake.silver("shows"), replaceWhere);
        Dataset<Row> viewerCustomers = viewerEvents.filter(org.apache.spark.sql.functions.coalesce(col("replay"),
                        lit(false)).equalTo(false).and(col("customer_id").isNotNull()))
                .select("show_id", "viewer_id", "customer_id").distinct();
        writes.write(viewerCustomers, lake.silver("viewer_customers"), replaceWhere);
        log.accept("presence intervals");
        // Kept in memory for this run: the rows written are the in-scope rows of the table afterwards.
        Dataset<Row> intervals = ViewerMetrics.presenceIntervals(viewerEvents, shows).cache();
        writes.write(intervals, lake.silver("presence"), replaceWhere);

        log.accept("show KPIs");
        Dataset<Row> kpis = showKpis(shows, viewerEvents, intervals, chat, player, netLines,
                SalesMetrics.stockoutMinutesPerShow(shows, stock), windows)
                .withColumn("run_id", lit(runId))
                .withColumn("computed_at", lit(java.sql.Timestamp.from(now)));
        writes.write(SalesMetrics.withRoas(kpis, shows), lake.gold("show_kpi"), replaceWhere);

        log.accept("per-minute series");
        writes.write(showMinutes(shows, intervals, chat, player, netLines), lake.gold("show_minute"), replaceWhere);

        log.accept("show moments");
        writes.write(SalesMetrics.momentEffects(moments, intervals, player, netLines), lake.gold("show_moment"),
                replaceWhere);
        writes.write(ProductMetrics.showSkus(shows, player, netLines, moments, stock), lake.gold("show_sku"),
                replaceWhere);
        writes.write(AudienceMetrics.audiences(shows, viewerCustomers, chat, player, netLines, windows),
                lake.gold("show_audience"), replaceWhere);
        in.releaseLater(shows, intervals);
    }

    /**
     * A show's KPIs from its events and net order lines (SPEC section 2): viewers and engagement, live sales and
     * 24-hour conversion, AOV and revenue per viewer, with {@code stockout} (show_id, stockout_minutes) joined in.
     * The batch compute and the live mode ({@link LiveMetrics}) both build show_kpi with it.
     */
    static Dataset<Row> showKpis(Dataset<Row> shows, Dataset<Row> viewerEvents, Dataset<Row> intervals,
            Dataset<Row> chat, Dataset<Row> player, Dataset<Row> netLines, Dataset<Row> stockout, Windows windows) {
        Dataset<Row> kpis = ViewerMetrics.showKpis(shows, viewerEvents, intervals, chat, player)
                .join(SalesMetrics.salesKpis(shows, viewerEvents, intervals, netLines, windows), "show_id")
                .join(stockout, new String[] {"show_id"}, "left");
        Column unique = col("unique_viewers");
        Column identified = col("identified_viewers");
        Column orders = col("live_orders");
        return kpis
                .withColumn("conversion_rate_24h", when(identified.gt(0), col("buyers_24h").divide(identified)))
                .withColumn("aov", when(orders.gt(0), col("live_gmv").divide(orders)).cast("decimal(20,4)"))
                .withColumn("revenue_per_viewer", when(unique.gt(0), col("live_gmv").divide(unique))
                        .cast("decimal(20,4)"));
    }

    /** A show's per-minute series (show_minute): viewers, drop-off, chat and player events, live orders and GMV. */
    static Dataset<Row> showMinutes(Dataset<Row> shows, Dataset<Row> intervals, Dataset<Row> chat,
            Dataset<Row> player, Dataset<Row> netLines) {
        return ViewerMetrics.showMinutes(shows, intervals, chat, player)
                .join(SalesMetrics.minuteSales(shows, netLines), new String[] {"show_id", "minute_index"}, "left")
                .withColumn("orders", org.apache.spark.sql.functions.coalesce(col("orders"), lit(0L)))
                .withColumn("gmv", org.apache.spark.sql.functions.coalesce(col("gmv"),
                        lit(0).cast("decimal(20,4)")).cast("decimal(20,4)"));
    }

    /** The gold tables of experiments: one row set per experiment, replaced per experiment. */
    static final List<String> EXPERIMENT_TABLES = List.of("experiment_stats", "experiment_result",
            "experiment_summary", "experiment_variant", "experiment_incremental", "experiment_decision");

    /**
     * Writes the experiment tables for the experiments in scope (every one when {@code touched} is null, only
     * {@code touched} otherwise, their rows replaced per experiment); returns the sufficient statistics of those
     * experiments (cached until the end of the run) and the experiments themselves, or null with none in scope.
     */
    private static ExperimentScope computeExperiments(SparkSession spark, Lake lake, TableWrites writes, Inputs in,
            Dataset<Row> shows, Dataset<Row> netLines, Set<String> touched) {
        if (touched != null && touched.isEmpty()) {
            return null;
        }
        Dataset<Row> experiments = touched == null ? in.experiments()
                : in.experiments().filter(col("experiment_id").isin(touched.toArray()));
        String replaceWhere = touched == null ? null : "experiment_id IN (" + sqlList(touched) + ")";
        Dataset<Row> assigned = ExperimentMetrics.assignedCustomers(experiments,
                Lake.read(spark, lake.bronze("assignments")), shows);
        Dataset<Row> perCustomer = ExperimentMetrics.customerMetrics(assigned, netLines, in.visits());
        Dataset<Row> stats = ExperimentMetrics.sufficientStatistics(perCustomer).cache();
        in.releaseLater(stats);
        writes.write(stats, lake.gold("experiment_stats"), replaceWhere);
        ExperimentMetrics.Results results = ExperimentMetrics.results(spark, experiments, stats);
        writes.write(results.results(), lake.gold("experiment_result"), replaceWhere);
        Dataset<Row> lastShow = shows.filter(col("experiment_id").isNotNull()).groupBy("experiment_id")
                .agg(max(col("ends_at")).as("last_show_end"));
        writes.write(experiments.select("experiment_id", "name", "hypothesis", "primary_metric", "control_variant",
                        "starts_at", "ends_at", "expected_split").join(results.summaries(), "experiment_id")
                        .join(lastShow, new String[] {"experiment_id"}, "left"),
                lake.gold("experiment_summary"), replaceWhere);
        writes.write(results.variants(), lake.gold("experiment_variant"), replaceWhere);
        writes.write(results.decisions(), lake.gold("experiment_decision"), replaceWhere);
        return new ExperimentScope(experiments, stats, replaceWhere);
    }

    /** The experiments a run computes, their sufficient statistics, and the rows they replace (null: all). */
    record ExperimentScope(Dataset<Row> experiments, Dataset<Row> stats, String replaceWhere) {}

    /**
     * Experiments whose numbers the given ingest runs can change: those with a new experiment or assignment
     * row, those of a show the runs touched (any loaded version of its row: its last show end may move), and
     * those with an assigned customer who has a touched order line (any row of it) or a new store visit in
     * {@code [pre-period start, store-visit window end)}, the widest span any of their metrics reads.
     *
     * @param affectedShows the shows this run recomputes
     */
    static Set<String> touchedExperiments(SparkSession spark, Lake lake, Inputs in, List<String> ingestRuns,
            Set<String> affectedShows, Dataset<Row> shows) {
        Column fromRuns = col("_run_id").isin(ingestRuns.toArray());
        Dataset<Row> ids = Lake.read(spark, lake.bronze("experiments")).filter(fromRuns).select("experiment_id")
                .union(Lake.read(spark, lake.bronze("assignments")).filter(fromRuns).select("experiment_id"));
        if (!affectedShows.isEmpty()) {
            ids = ids.union(Lake.read(spark, lake.bronze("shows"))
                    .filter(col("show_id").isin(affectedShows.toArray()).and(col("experiment_id").isNotNull()))
                    .select("experiment_id"));
        }
        Dataset<Row> orders = in.orders();
        Dataset<Row> touchedRows = orders.join(orders.filter(fromRuns).select("order_id", "line_no").distinct(),
                        new String[] {"order_id", "line_no"}, "left_semi")
                .select(col("customer_id"), unix_millis(col("ts")).as("t_ms"))
                .union(in.visits().filter(fromRuns).select(col("customer_id"), unix_millis(col("ts")).as("t_ms")))
                .filter(col("customer_id").isNotNull());
        Dataset<Row> assigned = ExperimentMetrics.assignedCustomers(in.experiments(),
                Lake.read(spark, lake.bronze("assignments")), shows);
        ids = ids.union(assigned.join(touchedRows, "customer_id")
                .filter(col("t_ms").geq(col("pre_start_ms")).and(col("t_ms").lt(col("visit_end_ms"))))
                .select("experiment_id"));
        return new LinkedHashSet<>(ids.filter(col("experiment_id").isNotNull()).distinct()
                .as(Encoders.STRING()).collectAsList());
    }

    /** Writes {@code gold/data_through} (one row, with the run id and clock) and returns the data through. */
    private static Instant computeDataThrough(SparkSession spark, Lake lake, TableWrites writes, Inputs in,
            String runId, Instant now) {
        Dataset<Row> row = DataThrough.dataThrough(in.viewerEvents(), in.orders(), in.visits())
                .withColumn("run_id", lit(runId))
                .withColumn("computed_at", lit(java.sql.Timestamp.from(now)));
        Row through = row.head();
        writes.write(spark.createDataFrame(List.of(through), row.schema()), lake.gold("data_through"), null);
        return DataThrough.instant(through);
    }

    /**
     * Metrics that relate shows, customers and channels across the whole history (retention, store-visit
     * attribution, omnichannel): recomputed whole from silver on every run that has anything new.
     */
    private static void computeCrossShow(SparkSession spark, Lake lake, TableWrites writes, Inputs in,
            Dataset<Row> shows, Dataset<Row> netLines, ExperimentScope experiments, Instant dataThrough, Instant now) {
        Dataset<Row> presence = Lake.read(spark, lake.silver("presence")).filter(col("replay").equalTo(false))
                .join(Lake.read(spark, lake.silver("viewer_customers")), new String[] {"show_id", "viewer_id"})
                .select("show_id", "customer_id", "start_ms", "end_ms").cache();
        Dataset<Row> watched = presence.select("customer_id", "show_id").distinct()
                .join(shows.select(col("show_id"), unix_millis(col("ends_at")).as("end_ms")), "show_id").cache();
        writes.write(RetentionMetrics.showRetention(shows, presence), lake.gold("show_retention"), null);

        Dataset<Row> customers = Lake.read(spark, lake.bronze("customers"));
        writes.submit(() -> {
            Dataset<Row> viewerActivity = RetentionMetrics.viewerActivity(presence);
            Dataset<Row> viewerCohorts = RetentionMetrics.cohorts(viewerActivity);
            Dataset<Row> viewerEvents = in.viewerEvents().select("show_id", "customer_id", "ts", "channel", "replay");
            Dataset<Row> viewerCells = RetentionMetrics.cohortCells("viewer", viewerActivity,
                    RetentionMetrics.segments(viewerCohorts, customers,
                            RetentionMetrics.firstViewerChannel(presence, viewerEvents)));
            Dataset<Row> buyerActivity = RetentionMetrics.buyerActivity(netLines);
            Dataset<Row> buyerCells = RetentionMetrics.cohortCells("buyer", buyerActivity,
                    RetentionMetrics.segments(RetentionMetrics.cohorts(buyerActivity), customers,
                            RetentionMetrics.firstBuyerChannel(buyerActivity)));
            TableWrites.overwrite(viewerCells.unionByName(buyerCells), lake.gold("retention_cohort"), null);
        });

        Dataset<Row> visits = in.visits();
        Dataset<Row> journeys = StoreVisitMetrics.journeys(visits, watched).cache();
        writes.submit(() -> {
            Dataset<Row> credits = StoreVisitMetrics.credits(spark, journeys,
                    StoreVisitMetrics.fitMarkov(StoreVisitMetrics.paths(visits, watched)));
            Dataset<Row> attribution = StoreVisitMetrics.storeAttribution(journeys, credits).cache();
            try {
                TableWrites.overwrite(attribution, lake.gold("store_attribution"), null);
                TableWrites.overwrite(OmnichannelMetrics.showMonth(shows, netLines, watched, attribution, dataThrough,
                        now), lake.gold("show_month"), null);
            } finally {
                attribution.unpersist();
            }
        });
        writes.write(StoreVisitMetrics.showVisits(journeys), lake.gold("show_visits"), null);
        if (experiments != null) {
            java.util.Map<String, String> controls = new java.util.HashMap<>();
            for (Row e : experiments.experiments().select("experiment_id", "control_variant").collectAsList()) {
                controls.put(e.getString(0), e.getString(1));
            }
            writes.write(StoreVisitMetrics.incrementalVisits(spark, experiments.stats(), controls),
                    lake.gold("experiment_incremental"), experiments.replaceWhere());
        }

        Dataset<Row> visitFlags = visits.select("visit_id", "ts")
                .join(journeys.select(col("visit_id"), lit(true).as("influenced")), new String[] {"visit_id"}, "left")
                .select(col("visit_id"), col("ts"),
                        org.apache.spark.sql.functions.coalesce(col("influenced"), lit(false)).as("influenced"));
        writes.write(OmnichannelMetrics.channelMonth(netLines, dataThrough), lake.gold("channel_month"), null);
        writes.write(OmnichannelMetrics.periods(netLines, visitFlags, dataThrough), lake.gold("omnichannel_period"),
                null);
        writes.write(OmnichannelMetrics.influencedRevenue(netLines, watched, dataThrough),
                lake.gold("influenced_revenue"), null);
        in.releaseLater(journeys, watched, presence);
    }

    /** The latest row per show_id: the file loaded last wins (run, then file order, then line). */
    static Dataset<Row> latestShows(Dataset<Row> bronzeShows) {
        // A bronze table written before shows had a cost has no such column until its next append: no cost (NULL).
        Dataset<Row> shows = java.util.Arrays.asList(bronzeShows.columns()).contains("cost") ? bronzeShows
                : bronzeShows.withColumn("cost", lit(null).cast("decimal(20,4)"));
        return LoadOrder.latest(shows, "show_id")
                .select("show_id", "title", "host", "starts_at", "ends_at", "experiment_id", "featured_skus",
                        "channel", "cost");
    }

    /** Ingest runs that accepted records and are not yet reflected in gold, oldest first. */
    static List<String> pendingIngestRuns(SparkSession spark, Lake lake) {
        if (!Lake.exists(spark, lake.ingestLog())) {
            return List.of();
        }
        Dataset<Row> accepted = Lake.read(spark, lake.ingestLog()).filter(col("records_accepted").gt(0))
                .select("run_id").distinct();
        if (Lake.exists(spark, lake.gold("_compute_log"))) {
            accepted = accepted.join(Lake.read(spark, lake.gold("_compute_log"))
                    .select(col("ingest_run_id").as("run_id")), new String[] {"run_id"}, "left_anti");
        }
        List<String> runs = new ArrayList<>(accepted.as(Encoders.STRING()).collectAsList());
        runs.sort(null);
        return runs;
    }

    /** Shows touched by the records of the given ingest runs (see the class comment). */
    static Set<String> affectedShows(SparkSession spark, Lake lake, List<String> ingestRuns, Dataset<Row> shows,
            Windows windows) {
        Column fromRuns = col("_run_id").isin(ingestRuns.toArray());
        Dataset<Row> ids = Lake.read(spark, lake.bronze("shows")).filter(fromRuns).select("show_id");
        for (String entity : SHOW_KEYED_ENTITIES) {
            ids = ids.union(Lake.read(spark, lake.bronze(entity)).filter(fromRuns).select("show_id"));
        }
        // Every row of an order line the runs touched, older ones included: a cancel or return dated today
        // takes the line out of the show whose window held its placement, days ago.
        Dataset<Row> orders = Lake.read(spark, lake.bronze("orders"));
        Dataset<Row> touched = orders.join(orders.filter(fromRuns).select("order_id", "line_no").distinct(),
                new String[] {"order_id", "line_no"}, "left_semi");
        ids = ids.union(touched.filter(col("show_id").isNotNull()).select("show_id"));
        // A show whose conversion window [starts_at, ends_at + 24 h) holds one of those rows.
        Dataset<Row> times = touched.select(unix_millis(col("ts")).as("_ts_ms")).distinct();
        Column windowEnd = unix_millis(col("ends_at")).plus(windows.conversion().toMillis());
        ids = ids.union(shows.join(times, unix_millis(col("starts_at")).leq(col("_ts_ms"))
                .and(windowEnd.gt(col("_ts_ms")))).select("show_id"));
        Row stockStart = Lake.read(spark, lake.bronze("stock")).filter(fromRuns).agg(min(unix_millis(col("ts")))).head();
        if (!stockStart.isNullAt(0)) {
            ids = ids.union(shows.filter(unix_millis(col("ends_at")).plus(
                    io.showmetrics.core.presence.Presence.LIVE_GRACE_MILLIS).gt(lit(stockStart.getLong(0))))
                    .select("show_id"));
        }
        // Only shows that exist can be computed; events of unknown shows wait for their show row.
        ids = ids.distinct().join(shows.select("show_id"), "show_id");
        return new LinkedHashSet<>(ids.as(Encoders.STRING()).collectAsList());
    }

    private static void appendComputeLog(SparkSession spark, Lake lake, List<String> runs, String runId, Instant now) {
        if (runs.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (String r : runs) {
            rows.add(RowFactory.create(r, runId, java.sql.Timestamp.from(now)));
        }
        spark.createDataFrame(rows, COMPUTE_LOG_SCHEMA).write().format("delta").mode(SaveMode.Append)
                .save(lake.gold("_compute_log"));
    }

    private static String sqlList(Set<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append('\'').append(v.replace("'", "''")).append('\'');
        }
        return b.toString();
    }
}
