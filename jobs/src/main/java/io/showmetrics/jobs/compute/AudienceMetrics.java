package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_millis;

import io.showmetrics.core.windows.Windows;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Whom to invite to the next show (SPEC section 6, "Audiences"): gold {@code show_audience}, per show the identified
 * customers who carted ({@code carted_not_bought}: an {@code add_to_cart} in the live window) or engaged
 * ({@code engaged_not_bought}: any chat event in the live window) and have no net purchase in any channel with
 * {@code ts} in {@code [starts_at, ends_at + 24 h)} (the conversion window; where SPEC says only "until ends_at +
 * 24 h", it starts at the show's start, so a purchase just before the show does not drop a customer).
 *
 * <p>A customer is the event's own {@code customer_id} when it carries one, else every customer the viewer was
 * logged in as in the show's live viewer events (silver {@code viewer_customers}); anonymous viewers are in no list.
 */
public final class AudienceMetrics {
    public static final String CARTED_NOT_BOUGHT = "carted_not_bought";
    public static final String ENGAGED_NOT_BOUGHT = "engaged_not_bought";

    private AudienceMetrics() {}

    /**
     * @param shows {@code show_id, starts_at, ends_at}
     * @param viewerCustomers {@code show_id, viewer_id, customer_id} (silver {@code viewer_customers})
     * @param chatEvents {@code show_id, viewer_id, ts, customer_id}
     * @param playerEvents {@code show_id, viewer_id, type, ts, customer_id}
     * @param netLines silver net order lines ({@code customer_id, ts_ms})
     * @return {@code show_id, audience, customer_id}, distinct
     */
    static Dataset<Row> audiences(Dataset<Row> shows, Dataset<Row> viewerCustomers, Dataset<Row> chatEvents,
            Dataset<Row> playerEvents, Dataset<Row> netLines, Windows windows) {
        Dataset<Row> carted = customers(ViewerMetrics.inLiveWindow(playerEvents.filter(col("type").equalTo("add_to_cart"))
                .select("show_id", "viewer_id", "ts", "customer_id"), shows), viewerCustomers)
                .withColumn("audience", lit(CARTED_NOT_BOUGHT));
        Dataset<Row> engaged = customers(ViewerMetrics.inLiveWindow(chatEvents.select("show_id", "viewer_id", "ts",
                "customer_id"), shows), viewerCustomers)
                .withColumn("audience", lit(ENGAGED_NOT_BOUGHT));
        Dataset<Row> candidates = carted.unionByName(engaged);
        Dataset<Row> bought = candidates.select("show_id", "customer_id").distinct()
                .join(shows.select(col("show_id"), unix_millis(col("starts_at")).as("from_ms"),
                        unix_millis(col("ends_at")).plus(lit(windows.conversion().toMillis())).as("until_ms")), "show_id")
                .join(netLines.filter(col("customer_id").isNotNull()).select("customer_id", "ts_ms"), "customer_id")
                .filter(col("ts_ms").geq(col("from_ms")).and(col("ts_ms").lt(col("until_ms"))))
                .select("show_id", "customer_id").distinct();
        return candidates
                .join(bought, new String[] {"show_id", "customer_id"}, "left_anti")
                .select("show_id", "audience", "customer_id")
                .distinct();
    }

    /** The identified customers behind events: their own customer_id, else the viewer's logged-in customers. */
    private static Dataset<Row> customers(Dataset<Row> events, Dataset<Row> viewerCustomers) {
        Dataset<Row> own = events.filter(col("customer_id").isNotNull()).select("show_id", "customer_id");
        Dataset<Row> viaViewer = events.filter(col("customer_id").isNull()).select("show_id", "viewer_id")
                .join(viewerCustomers.select("show_id", "viewer_id", "customer_id"), new String[] {"show_id", "viewer_id"})
                .select("show_id", "customer_id");
        return own.union(viaViewer).distinct();
    }
}
