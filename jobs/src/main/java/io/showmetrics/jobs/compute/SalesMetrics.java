package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.core.presence.Interval;
import io.showmetrics.core.presence.Presence;
import io.showmetrics.core.windows.Windows;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a show sold and what its viewers bought (SPEC section 2): net order lines (silver), live orders
 * and GMV, 24-hour conversion of identified viewers, AOV, revenue per viewer, stock-out minutes, sales
 * per minute and the effect of show moments.
 *
 * <p>Input columns (bronze contract): orders {@code order_id, line_no, ts, channel, sku, quantity,
 * unit_price_reporting, customer_id, show_id, store_id, status, _run_id, _file_order, _line}; stock
 * {@code sku, ts, available_qty, store_id}; show moments {@code show_id, ts, type, sku, label}.
 */
public final class SalesMetrics {
    /** The default conversion window after a show ends: 24 hours. */
    public static final long CONVERSION_WINDOW_MILLIS = Windows.DEFAULTS.conversion().toMillis();
    /** Moment effects compare the 5 minutes after a moment with the 5 minutes before it. */
    public static final long MOMENT_WINDOW_MILLIS = Windows.DEFAULTS.momentEffect().toMillis();

    private SalesMetrics() {}

    /**
     * Silver net order lines: one row per {@code (order_id, line_no)} whose latest placed row is kept
     * (the file loaded last wins) and that has no cancelled or returned row; revenue = quantity ×
     * unit price in the reporting currency.
     */
    static Dataset<Row> netOrderLines(Dataset<Row> orders) {
        Dataset<Row> withdrawn = orders.filter(col("status").isin("cancelled", "returned"))
                .select("order_id", "line_no").distinct();
        return LoadOrder.latest(orders.filter(coalesce(col("status"), lit("placed")).equalTo("placed")),
                        "order_id", "line_no")
                .join(withdrawn, new String[] {"order_id", "line_no"}, "left_anti")
                .select(col("order_id"), col("line_no"), col("ts"), unix_millis(col("ts")).as("ts_ms"),
                        col("channel"), col("sku"), col("quantity"), col("unit_price_reporting"),
                        col("quantity").cast("decimal(20,4)").multiply(col("unit_price_reporting"))
                                .cast("decimal(20,4)").as("revenue"),
                        col("customer_id"), col("show_id"), col("store_id"));
    }

    /**
     * Per show: {@code live_orders, live_gmv, buyers_24h, gmv_24h} (counts 0 when nothing was sold).
     * A buyer is an identified viewer with a net line in any channel in {@code [first clipped live
     * presence, ends_at + 24 h)}; gmv_24h is the net revenue of those lines.
     */
    static Dataset<Row> salesKpis(Dataset<Row> shows, Dataset<Row> viewerEvents, Dataset<Row> intervals,
            Dataset<Row> netLines, Windows windows) {
        Dataset<Row> live = netLines.filter(col("show_id").isNotNull()).groupBy("show_id").agg(
                countDistinct("order_id").as("live_orders"), sum("revenue").as("live_gmv"));
        Dataset<Row> firstPresence = identifiedFirstPresence(viewerEvents, intervals);
        Dataset<Row> windowEnd = shows.select(col("show_id"),
                unix_millis(col("ends_at")).plus(lit(windows.conversion().toMillis())).as("conversion_end_ms"));
        Dataset<Row> bought = firstPresence.join(windowEnd, "show_id")
                .join(netLines.filter(col("customer_id").isNotNull())
                        .select(col("customer_id"), col("ts_ms"), col("revenue"), col("order_id")), "customer_id")
                .filter(col("ts_ms").geq(col("first_ms")).and(col("ts_ms").lt(col("conversion_end_ms"))))
                .groupBy("show_id").agg(countDistinct("customer_id").as("buyers_24h"), sum("revenue").as("gmv_24h"));
        return shows.select("show_id")
                .join(live, new String[] {"show_id"}, "left")
                .join(bought, new String[] {"show_id"}, "left")
                .select(col("show_id"),
                        coalesce(col("live_orders"), lit(0L)).as("live_orders"),
                        coalesce(col("live_gmv"), lit(0).cast("decimal(20,4)")).cast("decimal(20,4)").as("live_gmv"),
                        coalesce(col("buyers_24h"), lit(0L)).as("buyers_24h"),
                        coalesce(col("gmv_24h"), lit(0).cast("decimal(20,4)")).cast("decimal(20,4)").as("gmv_24h"));
    }

    /** Per show and identified customer: the first instant of the customer's clipped live presence. */
    static Dataset<Row> identifiedFirstPresence(Dataset<Row> viewerEvents, Dataset<Row> intervals) {
        Dataset<Row> viewerCustomers = viewerEvents
                .filter(coalesce(col("replay"), lit(false)).equalTo(false).and(col("customer_id").isNotNull()))
                .select("show_id", "viewer_id", "customer_id").distinct();
        return intervals.filter(col("replay").equalTo(false))
                .join(viewerCustomers, new String[] {"show_id", "viewer_id"})
                .groupBy("show_id", "customer_id").agg(min("start_ms").as("first_ms"));
    }

    /** Per show and minute of the live window: live orders (distinct, with a net line) and their net revenue. */
    static Dataset<Row> minuteSales(Dataset<Row> shows, Dataset<Row> netLines) {
        return ViewerMetrics.inLiveWindow(netLines.filter(col("show_id").isNotNull()), shows)
                .groupBy("show_id", "minute_index")
                .agg(countDistinct("order_id").as("orders"), sum("revenue").cast("decimal(20,4)").as("gmv"));
    }

    /**
     * stockout_minutes for every show: as {@link #stockoutMinutes}, and 0 for a show none of whose featured
     * skus was out of stock (no featured sku or no stock row for them included) once any stock row is
     * loaded; NULL for every show when the lake holds no stock data ("only where stock is loaded").
     */
    static Dataset<Row> stockoutMinutesPerShow(Dataset<Row> shows, Dataset<Row> stock) {
        Dataset<Row> perShow = shows.select("show_id").distinct()
                .join(stockoutMinutes(shows, stock), new String[] {"show_id"}, "left");
        return stock.isEmpty() ? perShow
                : perShow.withColumn("stockout_minutes", coalesce(col("stockout_minutes"), lit(0.0)));
    }

    /** Output of {@link StockoutFn}. */
    static final StructType STOCKOUT_SCHEMA = new StructType()
            .add("show_id", DataTypes.StringType, false)
            .add("stockout_minutes", DataTypes.DoubleType, true);

    /**
     * Per show with featured skus and online stock rows: minutes of the live window during which the
     * latest online stock row (no store_id) of at least one featured sku said {@code available_qty <= 0}.
     * Shows without featured skus or without any stock row for them get NULL (not measured).
     */
    static Dataset<Row> stockoutMinutes(Dataset<Row> shows, Dataset<Row> stock) {
        Dataset<Row> featured = ViewerMetrics.showWindows(shows).join(shows.select("show_id", "featured_skus"), "show_id")
                .select(col("show_id"), col("window_start_ms"), col("window_end_ms"),
                        explode(col("featured_skus")).as("sku"));
        return outOfStock(featured, stock, "show_id").map(new StockoutFn(1), Encoders.row(STOCKOUT_SCHEMA));
    }

    /** Output of {@link #skuStockoutMinutes}. */
    static final StructType SKU_STOCKOUT_SCHEMA = new StructType()
            .add("show_id", DataTypes.StringType, false)
            .add("sku", DataTypes.StringType, false)
            .add("stockout_minutes", DataTypes.DoubleType, true);

    /**
     * SPEC section 6's stockout_minutes of one sku in one show: section 2's rule for that sku alone (minutes of the
     * live window during which its latest online stock row said {@code available_qty <= 0}). Only pairs whose sku
     * has an online stock row (at any time) get a row; the others are not measured (NULL).
     *
     * @param showSkus {@code show_id, sku}
     */
    static Dataset<Row> skuStockoutMinutes(Dataset<Row> shows, Dataset<Row> showSkus, Dataset<Row> stock) {
        Dataset<Row> pairs = showSkus.select("show_id", "sku").distinct().join(ViewerMetrics.showWindows(shows), "show_id");
        return outOfStock(pairs, stock, "show_id", "sku").map(new StockoutFn(2), Encoders.row(SKU_STOCKOUT_SCHEMA));
    }

    /**
     * Groups {@code keys, window_start_ms, window_end_ms, out} where out lists the {@code [ts, until)} spans of the
     * online stock rows (of the pairs' skus) that say {@code available_qty <= 0}; a pair whose sku has no online stock
     * row gets no group.
     *
     * @param pairs {@code keys..., sku, window_start_ms, window_end_ms}
     */
    private static Dataset<Row> outOfStock(Dataset<Row> pairs, Dataset<Row> stock, String... keys) {
        Dataset<Row> online = stock.filter(col("store_id").isNull())
                .withColumn("ts_ms", unix_millis(col("ts")))
                .withColumn("next_ms", lead(col("ts_ms"), 1).over(Window.partitionBy("sku")
                        .orderBy(col("ts_ms"), col("_run_id"), col("_file_order"), col("_line"))));
        Column[] groups = new Column[keys.length + 2];
        for (int i = 0; i < keys.length; i++) {
            groups[i] = col(keys[i]);
        }
        groups[keys.length] = col("window_start_ms");
        groups[keys.length + 1] = col("window_end_ms");
        return pairs.join(online, "sku")
                .groupBy(groups)
                .agg(collect_list(when(col("available_qty").leq(0),
                        struct(col("ts_ms"), coalesce(col("next_ms"), lit(Long.MAX_VALUE)).as("until_ms"))))
                        .as("out"));
    }

    /**
     * Input: {@code keys} string columns, {@code window_start_ms, window_end_ms, out}; output: the keys and the
     * union of the out-of-stock spans clipped to the live window, in minutes.
     */
    static final class StockoutFn implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final int keys;

        StockoutFn(int keys) {
            this.keys = keys;
        }

        @Override
        public Row call(Row row) {
            List<Interval> out = new ArrayList<>();
            for (Row r : row.<Row>getList(keys + 2)) {
                out.add(new Interval(r.getLong(0), Math.max(r.getLong(0), r.getLong(1))));
            }
            List<Interval> clipped = Presence.clip(Presence.merge(out), row.getLong(keys), row.getLong(keys + 1));
            Object[] values = new Object[keys + 1];
            for (int i = 0; i < keys; i++) {
                values[i] = row.getString(i);
            }
            values[keys] = Presence.totalMillis(clipped) / 60_000.0;
            return RowFactory.create(values);
        }
    }

    /**
     * Adds SPEC section 6's return on the show's cost: {@code roas_live = live_gmv / cost}, {@code roas_24h =
     * gmv_24h / cost}; NULL without a cost and with a cost of 0 (zero denominator).
     *
     * @param kpis {@code show_id, live_gmv, gmv_24h, ...}
     * @param shows {@code show_id, cost} (cost NULL when not given)
     */
    static Dataset<Row> withRoas(Dataset<Row> kpis, Dataset<Row> shows) {
        Column cost = col("_cost");
        return kpis.join(shows.select(col("show_id"), col("cost").as("_cost")), new String[] {"show_id"}, "left")
                .withColumn("roas_live", when(cost.gt(0), col("live_gmv").divide(cost)).cast("double"))
                .withColumn("roas_24h", when(cost.gt(0), col("gmv_24h").divide(cost)).cast("double"))
                .drop("_cost");
    }

    /**
     * One row per show moment: viewers present at its instant, and product clicks and live orders of
     * its sku (of any sku when the moment has none) in {@code [ts − 5 min, ts)} vs {@code [ts, ts + 5 min)}.
     */
    static Dataset<Row> momentEffects(Dataset<Row> moments, Dataset<Row> intervals, Dataset<Row> playerEvents,
            Dataset<Row> netLines) {
        // A moment has no id in the input: its content is its identity (exact duplicates were dropped at ingest).
        Dataset<Row> m = moments.select(col("show_id"), col("ts"), unix_millis(col("ts")).as("m_ms"), col("type"),
                        col("sku"), col("label"))
                .withColumn("moment_key", sha2(concat_ws("|", col("show_id"), col("m_ms").cast("string"), col("type"),
                        coalesce(col("sku"), lit("")), coalesce(col("label"), lit(""))), 256))
                .dropDuplicates("moment_key");
        Dataset<Row> present = m.alias("m").join(intervals.filter(col("replay").equalTo(false)).alias("i"),
                        col("m.show_id").equalTo(col("i.show_id"))
                                .and(col("i.start_ms").leq(col("m.m_ms"))).and(col("i.end_ms").gt(col("m.m_ms"))), "left")
                .groupBy(col("m.moment_key").as("moment_key"))
                .agg(countDistinct(col("i.viewer_id")).as("viewers_present"));
        Dataset<Row> clicks = around(m, playerEvents.filter(col("type").equalTo("product_click"))
                .select(col("show_id"), col("sku"), unix_millis(col("ts")).as("e_ms"), col("event_id").as("id")),
                "clicks");
        Dataset<Row> orders = around(m, netLines.filter(col("show_id").isNotNull())
                .select(col("show_id"), col("sku"), col("ts_ms").as("e_ms"), col("order_id").as("id")), "orders");
        return m.join(present, "moment_key").join(clicks, new String[] {"moment_key"}, "left")
                .join(orders, new String[] {"moment_key"}, "left")
                .select(col("show_id"), col("ts"), col("type"), col("sku"), col("label"), col("viewers_present"),
                        coalesce(col("clicks_before"), lit(0L)).as("clicks_before"),
                        coalesce(col("clicks_after"), lit(0L)).as("clicks_after"),
                        coalesce(col("orders_before"), lit(0L)).as("orders_before"),
                        coalesce(col("orders_after"), lit(0L)).as("orders_after"));
    }

    /** Distinct event ids before and after each moment, matched on show and sku (any sku for a sku-less moment). */
    private static Dataset<Row> around(Dataset<Row> moments, Dataset<Row> events, String name) {
        Column sameSku = col("m.sku").isNull().or(col("m.sku").equalTo(col("e.sku")));
        Column near = col("e.e_ms").geq(col("m.m_ms").minus(MOMENT_WINDOW_MILLIS))
                .and(col("e.e_ms").lt(col("m.m_ms").plus(MOMENT_WINDOW_MILLIS)));
        return moments.alias("m").join(events.alias("e"),
                        col("m.show_id").equalTo(col("e.show_id")).and(sameSku).and(near))
                .groupBy(col("m.moment_key").as("moment_key"))
                .agg(countDistinct(when(col("e.e_ms").lt(col("m.m_ms")), col("e.id"))).as(name + "_before"),
                        countDistinct(when(col("e.e_ms").geq(col("m.m_ms")), col("e.id"))).as(name + "_after"));
    }
}
