package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.showmetrics.core.live.LiveKpis;
import io.showmetrics.core.windows.Windows;
import io.showmetrics.jobs.lake.Lake;
import io.showmetrics.runtime.SparkSessions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The numbers of live mode (SPEC section 6): for the shows on air or ended within the last hour, their per-minute
 * rows and their KPIs so far, computed from bronze with the batch's own functions ({@link ComputeJob#showKpis},
 * {@link ComputeJob#showMinutes}), so that a closed minute has the same numbers live and in the batch run. Nothing is
 * written to the lake: the live loop sends the rows to PostgreSQL, and the batch run recomputes gold.
 *
 * <p>A show's <em>data through</em> here is the latest accepted {@code ts} of its viewer events (heartbeats every
 * 30 s make it follow the feed); a minute is closed once its end is at or before it. Minutes that have not started
 * by then are left out, so the page shows the show up to now.
 */
public final class LiveMetrics {
    /** SPEC: the shows on air, and those that ended in the last hour. */
    public static final Duration ENDED_WITHIN = Duration.ofHours(1);

    private LiveMetrics() {}

    /**
     * One show's live numbers.
     *
     * @param show the latest {@code shows} row (show_id, title, host, starts_at, ends_at, experiment_id, channel,
     *     featured_skus, cost, ...)
     * @param kpis the show_kpi columns computed so far, by name (24-hour, visit and retention columns left out)
     * @param minutes the show_minute rows of the minutes started by {@code dataThrough}, in minute order
     * @param dataThrough the latest accepted viewer event of the show, null when it has none yet
     */
    public record LiveShow(Row show, Map<String, Object> kpis, List<Row> minutes, Instant dataThrough) {
        public String showId() {
            return show.getAs("show_id");
        }
    }

    /** The show_minute columns, in the serving table's order. */
    public static final List<String> MINUTE_COLUMNS = List.of("show_id", "minute_start", "minute_index", "viewers",
            "new_viewers", "viewers_joined", "viewers_lost", "chat_events", "product_clicks", "add_to_carts", "orders",
            "gmv");

    /** Every show's latest row in bronze (the file loaded last wins), by start. */
    public static List<Row> latestShows(SparkSession spark, Lake lake) {
        if (!Lake.exists(spark, lake.bronze("shows"))) {
            return List.of();
        }
        return ComputeJob.latestShows(Lake.read(spark, lake.bronze("shows"))).orderBy("starts_at", "show_id")
                .collectAsList();
    }

    /**
     * The shows of {@code shows} ({@link #latestShows}) whose live window overlaps {@code [now − 1 h, now]}: on air
     * (now in {@code [starts_at, ends_at + grace)}), or ended within the hour.
     */
    public static List<Row> inPlay(List<Row> shows, Instant now, Windows windows) {
        List<Row> out = new ArrayList<>();
        for (Row r : shows) {
            Instant start = ((Timestamp) r.getAs("starts_at")).toInstant();
            Instant windowEnd = ((Timestamp) r.getAs("ends_at")).toInstant().plus(windows.liveGrace());
            if (!start.isAfter(now) && windowEnd.isAfter(now.minus(ENDED_WITHIN))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The ids of {@code shows}. */
    public static List<String> showIds(List<Row> shows) {
        return shows.stream().map(r -> r.<String>getAs("show_id")).toList();
    }

    /**
     * The live numbers of {@code shows} (rows of {@link #inPlay}) from {@code rows}, which hold every bronze row of
     * these shows. The queries run on the rows held on the driver, with {@link SparkSessions#SMALL_QUERIES} (put back
     * afterwards for the ingest of the next cycle).
     */
    public static List<LiveShow> compute(SparkSession spark, LiveRows rows, List<Row> shows, Windows windows) {
        if (shows.isEmpty()) {
            return List.of();
        }
        if (!rows.showIds().containsAll(showIds(shows))) {
            throw new IllegalArgumentException("The rows held are for " + rows.showIds() + ", not for all of "
                    + showIds(shows));
        }
        return SparkSessions.withSettings(spark, settingsFor(rows.size()), () -> computeSmall(spark, rows, shows,
                windows));
    }

    /**
     * Held rows up to this many are computed with {@link SparkSessions#SMALL_QUERIES}; above it (a show of over a
     * million events, not measured here) expressions are compiled again, where their compile cost is small against the
     * rows.
     */
    static final long INTERPRETED_ROWS = 1_000_000;

    static Map<String, String> settingsFor(long rows) {
        if (rows <= INTERPRETED_ROWS) {
            return SparkSessions.SMALL_QUERIES;
        }
        return Map.of("spark.sql.shuffle.partitions", "1", "spark.sql.adaptive.enabled", "false",
                "spark.sql.codegen.wholeStage", "true", "spark.sql.codegen.factoryMode", "FALLBACK");
    }

    private static List<LiveShow> computeSmall(SparkSession spark, LiveRows rows, List<Row> shows, Windows windows) {
        Dataset<Row> showsDf = spark.createDataFrame(shows, shows.get(0).schema());
        // Local relations: the many stages of the KPI and minute queries never scan the lake.
        Dataset<Row> viewerEvents = rows.viewerEvents(spark);
        Dataset<Row> chat = rows.chatEvents(spark);
        Dataset<Row> player = rows.playerEvents(spark);
        Dataset<Row> netLines = local(spark, SalesMetrics.netOrderLines(rows.showOrders(spark)));
        Dataset<Row> intervals = local(spark, ViewerMetrics.presenceIntervals(viewerEvents, showsDf));
        Dataset<Row> stockout = showsDf.select(col("show_id"), lit(null).cast(DataTypes.DoubleType)
                .as("stockout_minutes"));
        Dataset<Row> kpis = SalesMetrics.withRoas(ComputeJob.showKpis(showsDf, viewerEvents, intervals, chat,
                player, netLines, stockout, windows), showsDf);
        Map<String, Map<String, Object>> kpiByShow = new HashMap<>();
        for (Row r : kpis.select(concat("show_id", LiveKpis.COLUMNS)).collectAsList()) {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            for (String c : LiveKpis.COLUMNS) {
                values.put(c, r.getAs(c));
            }
            kpiByShow.put(r.getAs("show_id"), values);
        }
        Map<String, Instant> through = rows.latestViewerEvent();
        Map<String, List<Row>> minutesByShow = new HashMap<>();
        List<Row> minuteRows = ComputeJob.showMinutes(showsDf, intervals, chat, player, netLines)
                .select(MINUTE_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
                .orderBy("show_id", "minute_index").collectAsList();
        for (Row r : minuteRows) {
            String id = r.getAs("show_id");
            Instant t = through.get(id);
            if (t != null && !((Timestamp) r.getAs("minute_start")).toInstant().isAfter(t)) {
                minutesByShow.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
            }
        }
        List<LiveShow> out = new ArrayList<>();
        for (Row show : shows) {
            String id = show.getAs("show_id");
            out.add(new LiveShow(show, kpiByShow.getOrDefault(id, Map.of()),
                    minutesByShow.getOrDefault(id, List.of()), through.get(id)));
        }
        return out;
    }

    /** The rows of {@code ds}, collected, as a local relation. */
    private static Dataset<Row> local(SparkSession spark, Dataset<Row> ds) {
        return spark.createDataFrame(ds.collectAsList(), ds.schema());
    }

    private static Column[] concat(String first, List<String> rest) {
        List<Column> cols = new ArrayList<>();
        cols.add(col(first));
        rest.forEach(c -> cols.add(col(c)));
        return cols.toArray(Column[]::new);
    }

    /** The instant a minute row ends. */
    public static Instant minuteEnd(Row minute) {
        return ((Timestamp) minute.getAs("minute_start")).toInstant().plusSeconds(60);
    }
}
