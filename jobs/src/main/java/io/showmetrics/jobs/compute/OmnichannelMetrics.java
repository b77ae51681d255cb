package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The executive omnichannel report (SPEC section 2, "Omnichannel"): net revenue, orders and customers
 * per month and channel; the multichannel share per month and quarter; show-influenced revenue and
 * store visits.
 */
public final class OmnichannelMetrics {
    /** Influenced revenue counts web, app and store lines in [ends_at, ends_at + 24 h) of a watched show. */
    public static final long INFLUENCE_WINDOW_MILLIS = 24 * 3_600_000L;

    private OmnichannelMetrics() {}

    static Column month(Column ts) {
        return to_date(date_trunc("month", ts));
    }

    /** {@code channel_month}: per UTC month of the placed line and channel. */
    static Dataset<Row> channelMonth(Dataset<Row> netLines) {
        return netLines.groupBy(month(col("ts")).as("month"), col("channel")).agg(
                sum("revenue").cast("decimal(20,4)").as("revenue"),
                countDistinct("order_id").as("orders"),
                countDistinct("customer_id").as("customers"));
    }

    /**
     * {@code omnichannel_period}: per month and per quarter, identified customers with a net purchase,
     * those with purchases in two or more channels, their share (NULL with no customer), and store visits
     * (all, and those influenced by a show).
     *
     * @param visits {@code visit_id, ts, influenced} (influenced: the visit had a show in its 7-day window)
     */
    static Dataset<Row> periods(Dataset<Row> netLines, Dataset<Row> visits) {
        Dataset<Row> out = null;
        for (String period : new String[] {"month", "quarter"}) {
            Column start = to_date(date_trunc(period, col("ts")));
            Dataset<Row> perCustomer = netLines.filter(col("customer_id").isNotNull())
                    .groupBy(start.as("period_start"), col("customer_id"))
                    .agg(countDistinct("channel").as("channels"));
            Dataset<Row> customers = perCustomer.groupBy("period_start").agg(
                    count(lit(1)).as("customers"),
                    count(when(col("channels").geq(2), lit(1))).as("multichannel_customers"));
            Dataset<Row> visitCounts = visits.groupBy(start.as("period_start")).agg(
                    count(lit(1)).as("store_visits"),
                    count(when(col("influenced"), lit(1))).as("influenced_visits"));
            Dataset<Row> one = customers.join(visitCounts, new String[] {"period_start"}, "full_outer")
                    .select(lit(period).as("period"), col("period_start"),
                            coalesce(col("customers"), lit(0L)).as("customers"),
                            coalesce(col("multichannel_customers"), lit(0L)).as("multichannel_customers"),
                            when(col("customers").gt(0), col("multichannel_customers").divide(col("customers")))
                                    .as("multichannel_share"),
                            coalesce(col("influenced_visits"), lit(0L)).as("influenced_visits"),
                            coalesce(col("store_visits"), lit(0L)).as("store_visits"));
            out = out == null ? one : out.union(one);
        }
        return out;
    }

    /**
     * {@code influenced_revenue}: web, app and store net lines of identified customers placed in
     * {@code [ends_at, ends_at + 24 h)} of a show they watched live, each line once, per month and channel.
     *
     * @param watched {@code customer_id, show_id, end_ms} (the show's ends_at)
     */
    static Dataset<Row> influencedRevenue(Dataset<Row> netLines, Dataset<Row> watched) {
        Dataset<Row> lines = netLines.filter(col("customer_id").isNotNull().and(col("channel").isin("web", "app",
                "store")));
        Dataset<Row> influenced = lines.alias("l").join(watched.alias("w"),
                        col("l.customer_id").equalTo(col("w.customer_id"))
                                .and(col("l.ts_ms").geq(col("w.end_ms")))
                                .and(col("l.ts_ms").lt(col("w.end_ms").plus(INFLUENCE_WINDOW_MILLIS))), "left_semi");
        return influenced.groupBy(month(col("ts")).as("month"), col("channel")).agg(
                sum("revenue").cast("decimal(20,4)").as("revenue"),
                countDistinct("order_id").as("orders"),
                countDistinct("customer_id").as("customers"));
    }
}
