package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.core.presence.Presence;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Viewer and engagement metrics per show (SPEC section 2): presence intervals (silver), show KPIs and
 * per-minute series (gold). Every method takes and returns Datasets so tests can feed small in-memory
 * tables; the presence math itself is the plain-Java {@code io.showmetrics.core.presence} package.
 *
 * <p>Input columns (bronze contract, see ingest/bronze/README.md): shows {@code show_id, starts_at,
 * ends_at}; viewer events {@code show_id, viewer_id, type, ts, replay, customer_id}; chat events and
 * player events {@code show_id, viewer_id, type, ts}.
 */
public final class ViewerMetrics {
    private ViewerMetrics() {}

    /** Adds {@code window_start_ms, window_end_ms}: the live window {@code [starts_at, ends_at + 15 min)}. */
    static Dataset<Row> showWindows(Dataset<Row> shows) {
        Column start = unix_millis(col("starts_at"));
        Column end = unix_millis(col("ends_at")).plus(lit(Presence.LIVE_GRACE_MILLIS));
        return shows.select(col("show_id"), start.as("window_start_ms"),
                when(end.gt(start), end).otherwise(start).as("window_end_ms"));
    }

    /**
     * Silver presence: one row per merged interval {@code show_id, viewer_id, replay, start_ms, end_ms};
     * live intervals clipped to the live window, replay intervals not clipped. Events of shows that are
     * not in {@code shows} are left out (their show is not known yet).
     */
    static Dataset<Row> presenceIntervals(Dataset<Row> viewerEvents, Dataset<Row> shows) {
        Dataset<Row> grouped = viewerEvents
                .join(showWindows(shows), "show_id")
                .groupBy(col("show_id"), col("viewer_id"), coalesce(col("replay"), lit(false)).as("replay"),
                        col("window_start_ms"), col("window_end_ms"))
                .agg(collect_list(struct(unix_millis(col("ts")).as("ts_ms"), col("type"))).as("events"));
        return grouped.flatMap(new PresenceFunctions.ViewerIntervalsFn(),
                Encoders.row(PresenceFunctions.INTERVAL_SCHEMA));
    }

    /** Per show: unique viewers, total watch time, peak concurrency and its instant, viewers per minute. */
    static Dataset<Row> showPresence(Dataset<Row> intervals, Dataset<Row> shows) {
        Dataset<Row> live = intervals.filter(col("replay").equalTo(false));
        Dataset<Row> grouped = showWindows(shows)
                .join(live, new String[] {"show_id"}, "left")
                .groupBy("show_id", "window_start_ms", "window_end_ms")
                .agg(collect_list(when(col("viewer_id").isNotNull(),
                        struct(col("viewer_id"), col("start_ms"), col("end_ms")))).as("intervals"));
        return grouped.map(new PresenceFunctions.ShowSummaryFn(), Encoders.row(PresenceFunctions.SUMMARY_SCHEMA));
    }

    /** Events whose {@code ts} lies in their show's live window, with {@code minute_index} on the minute grid. */
    static Dataset<Row> inLiveWindow(Dataset<Row> events, Dataset<Row> shows) {
        Column ts = unix_millis(col("ts"));
        return events.join(showWindows(shows), "show_id")
                .filter(ts.geq(col("window_start_ms")).and(ts.lt(col("window_end_ms"))))
                .withColumn("minute_index", floor(ts.minus(col("window_start_ms")).divide(60_000L)).cast("int"));
    }

    /**
     * Gold show KPIs for viewers and engagement: one row per show in {@code shows}, with NULL for ratios
     * whose denominator is zero.
     */
    static Dataset<Row> showKpis(Dataset<Row> shows, Dataset<Row> viewerEvents, Dataset<Row> intervals,
            Dataset<Row> chatEvents, Dataset<Row> playerEvents) {
        Dataset<Row> presence = showPresence(intervals, shows)
                .select(col("show_id"), col("unique_viewers"), col("total_watch_ms"), col("peak_concurrent_viewers"),
                        col("peak_at_ms"));
        Dataset<Row> liveViewers = intervals.filter(col("replay").equalTo(false)).select("show_id", "viewer_id")
                .distinct();
        Dataset<Row> identified = viewerEvents
                .filter(coalesce(col("replay"), lit(false)).equalTo(false).and(col("customer_id").isNotNull()))
                .select("show_id", "viewer_id", "customer_id")
                .join(liveViewers, new String[] {"show_id", "viewer_id"}, "left_semi")
                .groupBy("show_id").agg(countDistinct("customer_id").as("identified_viewers"));
        Dataset<Row> replay = intervals.filter(col("replay").equalTo(true))
                .groupBy("show_id").agg(countDistinct("viewer_id").as("replay_viewers"));
        Dataset<Row> chat = inLiveWindow(chatEvents, shows).groupBy("show_id").agg(
                countDistinct("viewer_id").as("engaged_viewers"),
                countType("message").as("chat_messages"),
                countType("reaction").as("reactions"),
                countType("question").as("questions"),
                countType("share").as("shares"),
                countType("poll_vote").as("poll_votes"));
        Dataset<Row> player = inLiveWindow(playerEvents, shows).groupBy("show_id").agg(
                countDistinct(when(col("type").equalTo("product_click"), col("viewer_id"))).as("product_clickers"),
                countDistinct(when(col("type").equalTo("add_to_cart"), col("viewer_id"))).as("carters"));

        Column unique = col("unique_viewers");
        return shows.select("show_id")
                .join(presence, "show_id")
                .join(identified, new String[] {"show_id"}, "left")
                .join(replay, new String[] {"show_id"}, "left")
                .join(chat, new String[] {"show_id"}, "left")
                .join(player, new String[] {"show_id"}, "left")
                .select(col("show_id"),
                        unique,
                        zero("identified_viewers"),
                        col("peak_concurrent_viewers"),
                        timestamp_millis(col("peak_at_ms")).as("peak_at"),
                        when(unique.gt(0), col("total_watch_ms").divide(1000.0).divide(unique)).as("avg_watch_seconds"),
                        zero("replay_viewers"),
                        zero("engaged_viewers"),
                        when(unique.gt(0), coalesce(col("engaged_viewers"), lit(0L)).divide(unique))
                                .as("engagement_rate"),
                        zero("chat_messages"), zero("reactions"), zero("questions"), zero("shares"),
                        zero("poll_votes"), zero("product_clickers"), zero("carters"));
    }

    /**
     * Gold per-minute series: viewers, new viewers (first live presence in the minute, whose running sum
     * is the unique viewers so far), the drop-off of SPEC section 6 (viewers joined and lost against the minute
     * before, see {@link io.showmetrics.core.presence.ShowPresence.Summary}), chat events, product clicks and
     * add-to-carts per minute of the grid.
     */
    static Dataset<Row> showMinutes(Dataset<Row> shows, Dataset<Row> intervals, Dataset<Row> chatEvents,
            Dataset<Row> playerEvents) {
        Dataset<Row> viewers = showPresence(intervals, shows)
                .select(col("show_id"), posexplode(arrays_zip(col("minute_viewers"), col("minute_joined"),
                        col("minute_lost"))).as(new String[] {"minute_index", "m"}))
                .select(col("show_id"), col("minute_index"), col("m.minute_viewers").as("viewers"),
                        col("m.minute_joined").as("viewers_joined"), col("m.minute_lost").as("viewers_lost"));
        Dataset<Row> chat = inLiveWindow(chatEvents, shows).groupBy("show_id", "minute_index")
                .agg(count(lit(1)).as("chat_events"));
        Dataset<Row> player = inLiveWindow(playerEvents, shows).groupBy("show_id", "minute_index").agg(
                sum(when(col("type").equalTo("product_click"), 1L).otherwise(0L)).as("product_clicks"),
                sum(when(col("type").equalTo("add_to_cart"), 1L).otherwise(0L)).as("add_to_carts"));
        Dataset<Row> arrivals = intervals.filter(col("replay").equalTo(false))
                .groupBy("show_id", "viewer_id").agg(org.apache.spark.sql.functions.min("start_ms").as("first_ms"))
                .join(showWindows(shows), "show_id")
                .groupBy(col("show_id"), floor(col("first_ms").minus(col("window_start_ms")).divide(60_000L))
                        .cast("int").as("minute_index"))
                .agg(count(lit(1)).as("new_viewers"));
        String[] key = {"show_id", "minute_index"};
        return viewers
                .join(arrivals, key, "left")
                .join(chat, key, "left")
                .join(player, key, "left")
                .join(showWindows(shows), "show_id")
                .select(col("show_id"),
                        timestamp_millis(col("window_start_ms").plus(col("minute_index").cast("long").multiply(60_000L)))
                                .as("minute_start"),
                        col("minute_index").cast("int").as("minute_index"),
                        col("viewers"), zero("new_viewers"), col("viewers_joined"), col("viewers_lost"),
                        zero("chat_events"), zero("product_clicks"), zero("add_to_carts"));
    }

    private static Column countType(String type) {
        return count(when(col("type").equalTo(type), lit(1)));
    }

    private static Column zero(String name) {
        return coalesce(col(name), lit(0L)).cast("long").as(name);
    }
}
