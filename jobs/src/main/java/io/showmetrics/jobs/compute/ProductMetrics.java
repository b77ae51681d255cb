package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.core.presence.Interval;
import io.showmetrics.core.products.PinnedMinutes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What each product did in a show (SPEC section 6, "Products in a show"): gold {@code show_sku}, one row per show and
 * sku that is featured in the show, or has a product click or add-to-cart in its live window, a net live order line
 * with its {@code show_id}, or a {@code product_pin} moment in the show. Counts are 0, not NULL, when nothing
 * happened; {@code stockout_minutes} is NULL when the sku has no online stock row at all (not measured).
 *
 * <p>Input columns: shows {@code show_id, starts_at, ends_at, featured_skus}; player events {@code show_id,
 * viewer_id, type, sku, ts}; net order lines (silver); show moments {@code show_id, ts, type, sku}; stock (bronze).
 */
public final class ProductMetrics {
    private ProductMetrics() {}

    /** Output of {@link PinsFn}. */
    static final StructType PINNED_SCHEMA = new StructType()
            .add("show_id", DataTypes.StringType, false)
            .add("sku", DataTypes.StringType, false)
            .add("pinned_minutes", DataTypes.DoubleType, false);

    /**
     * Gold {@code show_sku} for the shows in {@code shows}: {@code show_id, sku, clickers, carters} (distinct viewers
     * with a product_click / add_to_cart of the sku in the live window), {@code live_orders, live_units, live_gmv}
     * (net lines of the sku with this show_id: distinct orders, units, net revenue), {@code pinned_minutes}
     * ({@link PinnedMinutes}) and {@code stockout_minutes} ({@link SalesMetrics#skuStockoutMinutes}).
     */
    static Dataset<Row> showSkus(Dataset<Row> shows, Dataset<Row> playerEvents, Dataset<Row> netLines,
            Dataset<Row> moments, Dataset<Row> stock) {
        Dataset<Row> player = ViewerMetrics.inLiveWindow(playerEvents.select("show_id", "viewer_id", "type", "sku", "ts"),
                        shows)
                .groupBy("show_id", "sku").agg(
                        countDistinct(when(col("type").equalTo("product_click"), col("viewer_id"))).as("clickers"),
                        countDistinct(when(col("type").equalTo("add_to_cart"), col("viewer_id"))).as("carters"));
        Dataset<Row> sales = netLines.filter(col("show_id").isNotNull())
                .join(shows.select("show_id"), "show_id")
                .groupBy("show_id", "sku").agg(
                        countDistinct("order_id").as("live_orders"),
                        sum("quantity").as("live_units"),
                        sum("revenue").cast("decimal(20,4)").as("live_gmv"));
        Dataset<Row> pinned = pinnedMinutes(shows, moments);
        Dataset<Row> featured = shows.select(col("show_id"), explode(col("featured_skus")).as("sku"));
        Dataset<Row> keys = featured
                .union(player.select("show_id", "sku"))
                .union(sales.select("show_id", "sku"))
                .union(pinned.select("show_id", "sku"))
                .distinct();
        String[] key = {"show_id", "sku"};
        return keys
                .join(player, key, "left")
                .join(sales, key, "left")
                .join(pinned, key, "left")
                .join(SalesMetrics.skuStockoutMinutes(shows, keys, stock), key, "left")
                .select(col("show_id"), col("sku"),
                        coalesce(col("clickers"), lit(0L)).as("clickers"),
                        coalesce(col("carters"), lit(0L)).as("carters"),
                        coalesce(col("live_orders"), lit(0L)).as("live_orders"),
                        coalesce(col("live_units"), lit(0L)).cast("long").as("live_units"),
                        coalesce(col("live_gmv"), lit(0).cast("decimal(20,4)")).cast("decimal(20,4)").as("live_gmv"),
                        coalesce(col("pinned_minutes"), lit(0.0)).as("pinned_minutes"),
                        col("stockout_minutes"));
    }

    /**
     * Per show and pinned sku: minutes pinned ({@link PinnedMinutes}: each {@code product_pin} runs to the next pin of
     * any sku or the end of the live window, clipped to it). A pin without a sku ends the pin before it.
     */
    static Dataset<Row> pinnedMinutes(Dataset<Row> shows, Dataset<Row> moments) {
        return moments.filter(col("type").equalTo("product_pin"))
                .select(col("show_id"), struct(unix_millis(col("ts")).as("ts_ms"), col("sku")).as("pin"))
                .groupBy("show_id").agg(collect_list(col("pin")).as("pins"))
                .join(ViewerMetrics.showWindows(shows), "show_id")
                .select("show_id", "window_start_ms", "window_end_ms", "pins")
                .flatMap(new PinsFn(), Encoders.row(PINNED_SCHEMA));
    }

    /** Input: {@code show_id, window_start_ms, window_end_ms, pins (ts_ms, sku)[]}; output: a row per pinned sku. */
    static final class PinsFn implements FlatMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Row row) {
            List<PinnedMinutes.Pin> pins = new ArrayList<>();
            for (Row p : row.<Row>getList(3)) {
                pins.add(new PinnedMinutes.Pin(p.getLong(0), p.isNullAt(1) ? null : p.getString(1)));
            }
            List<Row> out = new ArrayList<>();
            Interval window = new Interval(row.getLong(1), row.getLong(2));
            for (Map.Entry<String, Double> e : PinnedMinutes.perSku(pins, window).entrySet()) {
                out.add(RowFactory.create(row.getString(0), e.getKey(), e.getValue()));
            }
            return out.iterator();
        }
    }
}
