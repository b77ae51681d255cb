package io.showmetrics.jobs.compute;

import static io.showmetrics.jobs.support.Rows.MOMENTS;
import static io.showmetrics.jobs.support.Rows.ORDERS;
import static io.showmetrics.jobs.support.Rows.PLAYER_EVENTS;
import static io.showmetrics.jobs.support.Rows.SHOWS;
import static io.showmetrics.jobs.support.Rows.STOCK;
import static io.showmetrics.jobs.support.Rows.frame;
import static io.showmetrics.jobs.support.Rows.moment;
import static io.showmetrics.jobs.support.Rows.order;
import static io.showmetrics.jobs.support.Rows.player;
import static io.showmetrics.jobs.support.Rows.showWithSkus;
import static io.showmetrics.jobs.support.Rows.stock;
import static io.showmetrics.jobs.support.Rows.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.runtime.TestSparkSession;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code show_sku} on small in-memory tables, computed by hand. Show s1: 30 minutes from T0, so its live window is
 * [0, 45 min); featured skus A and B.
 */
class ProductMetricsTest {
    private static final long MIN = 60;
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = TestSparkSession.get();
    }

    private static Map<String, Row> skus(List<Row> players, List<Row> orders, List<Row> moments, List<Row> stock) {
        Map<String, Row> out = new TreeMap<>();
        for (Row r : ProductMetrics.showSkus(frame(spark, SHOWS, List.of(showWithSkus("s1", 30, "A", "B"))),
                frame(spark, PLAYER_EVENTS, players), SalesMetrics.netOrderLines(frame(spark, ORDERS, orders)),
                frame(spark, MOMENTS, moments), frame(spark, STOCK, stock)).collectAsList()) {
            assertThat(r.<String>getAs("show_id")).isEqualTo("s1");
            out.put(r.getAs("sku"), r);
        }
        return out;
    }

    private static double pinned(Row r) {
        return r.getAs("pinned_minutes");
    }

    @Test
    void aPinRunsUntilTheNextPinOfAnySkuAndTheLastOneUntilTheEndOfTheLiveWindow() {
        // A pinned at 5 min until C's pin at 15 (10 min); C until B's pin at 40 (25 min); B until the window end at
        // 45 (5 min, grace included). C is not featured but has a pin, so it has a row.
        Map<String, Row> rows = skus(List.of(), List.of(), List.of(moment("s1", 5 * MIN, "product_pin", "A"),
                moment("s1", 15 * MIN, "product_pin", "C"), moment("s1", 40 * MIN, "product_pin", "B"),
                moment("s1", 20 * MIN, "promo", null)), List.of()); // a promo is no pin
        assertThat(rows.keySet()).containsExactly("A", "B", "C");
        assertThat(pinned(rows.get("A"))).isEqualTo(10.0);
        assertThat(pinned(rows.get("C"))).isEqualTo(25.0);
        assertThat(pinned(rows.get("B"))).isEqualTo(5.0);
    }

    @Test
    void aPinBeforeTheShowCountsFromTheStartAndOneAfterTheWindowCountsZero() {
        Map<String, Row> rows = skus(List.of(), List.of(), List.of(moment("s1", -10 * MIN, "product_pin", "A"),
                moment("s1", 2 * MIN, "product_pin", "B"), moment("s1", 50 * MIN, "product_pin", "D")), List.of());
        assertThat(pinned(rows.get("A"))).isEqualTo(2.0);
        assertThat(pinned(rows.get("B"))).isEqualTo(43.0);
        assertThat(pinned(rows.get("D"))).isZero();
    }

    @Test
    void countsPerSkuWithZerosNotNullsAndStockoutOnlyWhereTheSkuHasOnlineStock() {
        Map<String, Row> rows = skus(
                List.of(player("p1", "s1", "v1", "product_click", "A", 310),
                        player("p2", "s1", "v1", "product_click", "A", 320), // same viewer: one clicker
                        player("p3", "s1", "v2", "product_click", "A", 400),
                        player("p4", "s1", "v2", "add_to_cart", "A", 420),
                        player("p5", "s1", "v3", "product_click", "E", 600),
                        player("p6", "s1", "v3", "product_click", "D", 50 * MIN), // after the live window
                        player("p7", "s2", "v3", "product_click", "G", 600)), // another show
                List.of(order("o1", "A", 500, 2, "10.00", "c1", "s1", "live"),
                        order("o1", "B", 500, 1, "5.00", "c1", "s1", "live"),
                        order("o2", "A", 600, 1, "10.00", "c2", "s1", "live"),
                        withdrawn("o2", "A", 700, "cancelled"), // not net: out
                        order("o3", "F", 3 * 3600, 3, "1.00", null, "s1", "live"), // after the window: still live
                        order("o4", "A", 900, 1, "10.00", "c1", null, "web")), // no show_id
                List.of(),
                List.of(stock("A", -3600, 5, null), stock("A", 10 * MIN, 0, null), stock("A", 20 * MIN, 3, null),
                        stock("C", 0, 0, "store-1"), // a store row: not online
                        stock("E", 0, 4, null)));
        assertThat(rows.keySet()).containsExactly("A", "B", "E", "F");
        Row a = rows.get("A");
        assertThat(List.of(a.<Long>getAs("clickers"), a.<Long>getAs("carters"), a.<Long>getAs("live_orders"),
                a.<Long>getAs("live_units"))).containsExactly(2L, 1L, 1L, 2L);
        assertThat(a.<BigDecimal>getAs("live_gmv")).isEqualByComparingTo("20.00");
        assertThat(a.<Double>getAs("stockout_minutes")).isEqualTo(10.0); // out of stock [10, 20) min
        assertThat(a.<Double>getAs("pinned_minutes")).isZero();
        Row b = rows.get("B"); // featured, sold once, never clicked, no stock row
        assertThat(List.of(b.<Long>getAs("clickers"), b.<Long>getAs("carters"), b.<Long>getAs("live_orders"),
                b.<Long>getAs("live_units"))).containsExactly(0L, 0L, 1L, 1L);
        assertThat(b.<BigDecimal>getAs("live_gmv")).isEqualByComparingTo("5.00");
        assertThat(b.isNullAt(b.fieldIndex("stockout_minutes"))).isTrue();
        Row e = rows.get("E"); // clicked only; online stock never out
        assertThat(e.<Long>getAs("clickers")).isEqualTo(1L);
        assertThat(e.<Long>getAs("live_orders")).isZero();
        assertThat(e.<BigDecimal>getAs("live_gmv")).isEqualByComparingTo("0");
        assertThat(e.<Double>getAs("stockout_minutes")).isZero();
        Row f = rows.get("F");
        assertThat(f.<Long>getAs("live_units")).isEqualTo(3L);
        assertThat(f.<BigDecimal>getAs("live_gmv")).isEqualByComparingTo("3.00");
    }
}
