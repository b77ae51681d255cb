package io.showmetrics.jobs.compute;

import static io.showmetrics.jobs.support.Rows.MOMENTS;
import static io.showmetrics.jobs.support.Rows.ORDERS;
import static io.showmetrics.jobs.support.Rows.PLAYER_EVENTS;
import static io.showmetrics.jobs.support.Rows.SHOWS;
import static io.showmetrics.jobs.support.Rows.STOCK;
import static io.showmetrics.jobs.support.Rows.VIEWER_EVENTS;
import static io.showmetrics.jobs.support.Rows.frame;
import static io.showmetrics.jobs.support.Rows.loggedIn;
import static io.showmetrics.jobs.support.Rows.moment;
import static io.showmetrics.jobs.support.Rows.order;
import static io.showmetrics.jobs.support.Rows.player;
import static io.showmetrics.jobs.support.Rows.session;
import static io.showmetrics.jobs.support.Rows.show;
import static io.showmetrics.jobs.support.Rows.showWithSkus;
import static io.showmetrics.jobs.support.Rows.stock;
import static io.showmetrics.jobs.support.Rows.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.showmetrics.core.windows.Windows;
import io.showmetrics.runtime.TestSparkSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Sales metrics on small in-memory tables, each case computed by hand. Show s1: 30 minutes from T0. */
class SalesMetricsTest {
    private static SparkSession spark;
    private static final long HOUR = 3600;

    @BeforeAll
    static void startSpark() {
        spark = TestSparkSession.get();
    }

    private static Dataset<Row> net(Row... orders) {
        return SalesMetrics.netOrderLines(frame(spark, ORDERS, List.of(orders)));
    }

    private static Row only(Dataset<Row> d) {
        List<Row> rows = d.collectAsList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Nested
    class NetLines {
        @Test
        void aCancelledOrReturnedLineLeavesEveryMetric() {
            List<Row> lines = net(
                    order("o1", "A", 10, 2, "10.00", "c1", "s1", "live"),
                    order("o1", "B", 10, 1, "5.00", "c1", "s1", "live"),
                    withdrawn("o1", "B", 500, "returned"),
                    order("o2", "A", 20, 1, "10.00", null, "s1", "live"),
                    withdrawn("o2", "A", 30, "cancelled")).collectAsList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).<BigDecimal>getAs("revenue")).isEqualByComparingTo("20.00");
        }
    }

    @Nested
    class ShowSales {
        private Row kpis(List<Row> viewerEvents, Row... orders) {
            return kpis(Windows.DEFAULTS, viewerEvents, orders);
        }

        private Row kpis(Windows windows, List<Row> viewerEvents, Row... orders) {
            Dataset<Row> shows = frame(spark, SHOWS, List.of(show("s1", 30)));
            Dataset<Row> v = frame(spark, VIEWER_EVENTS, viewerEvents);
            Dataset<Row> intervals = ViewerMetrics.presenceIntervals(v, shows);
            return only(SalesMetrics.salesKpis(shows, v, intervals, net(orders), windows));
        }

        @Test
        void aShorterConversionWindowDropsTheBuyerAtHourTwenty() {
            List<Row> events = List.of(loggedIn("s1", "v1", "c1", "join", 60), loggedIn("s1", "v2", "c2", "join", 60));
            Row[] orders = {order("w1", "A", 1800 + 20 * HOUR, 1, "40.00", "c1", null, "web"), // 20 h after the end
                order("w2", "A", 1800 + 11 * HOUR, 1, "5.00", "c2", null, "app")};
            Row standard = kpis(events, orders);
            assertThat(standard.<Long>getAs("buyers_24h")).isEqualTo(2L);
            assertThat(standard.<BigDecimal>getAs("gmv_24h")).isEqualByComparingTo("45.00");
            Row twelveHours = kpis(Windows.DEFAULTS.withConversion(Duration.ofHours(12)), events, orders);
            assertThat(twelveHours.<Long>getAs("buyers_24h")).isEqualTo(1L);
            assertThat(twelveHours.<BigDecimal>getAs("gmv_24h")).isEqualByComparingTo("5.00");
        }

        @Test
        void liveOrdersCountOrdersWithANetLineAndGmvIsNet() {
            Row k = kpis(List.of(),
                    order("o1", "A", 60, 2, "10.00", null, "s1", "live"),
                    order("o1", "B", 60, 1, "5.50", null, "s1", "live"),
                    order("o2", "A", 70, 1, "10.00", null, "s1", "live"),
                    withdrawn("o2", "A", 80, "cancelled"),
                    order("o3", "A", 70, 1, "99.00", null, "other", "live"),
                    order("o4", "A", 70, 1, "99.00", null, null, "web"));
            assertThat(k.<Long>getAs("live_orders")).isEqualTo(1L);
            assertThat(k.<BigDecimal>getAs("live_gmv")).isEqualByComparingTo("25.50");
        }

        @Test
        void buyersBoughtInAnyChannelFromFirstPresenceUntil24HoursAfterTheEnd() {
            List<Row> events = new ArrayList<>();
            events.add(loggedIn("s1", "v1", "c1", "join", 600)); // first presence at 10 min
            events.add(loggedIn("s1", "v2", "c2", "join", 60));
            events.add(loggedIn("s1", "v3", "c3", "join", 60));
            events.add(loggedIn("s1", "v4", "c4", "join", 60));
            Row k = kpis(events,
                    order("w1", "A", 599, 1, "50.00", "c1", null, "web"), // before c1's first presence
                    order("w2", "A", 1800 + 24 * HOUR - 1, 1, "40.00", "c2", null, "store"), // last second in
                    order("w3", "A", 1800 + 24 * HOUR, 1, "30.00", "c3", null, "app"), // window end: out
                    order("w4", "A", 900, 3, "10.00", "c4", "s1", "live"),
                    order("w5", "A", 1000, 1, "1.00", "c9", null, "web")); // not a viewer
            assertThat(k.<Long>getAs("buyers_24h")).isEqualTo(2L);
            assertThat(k.<BigDecimal>getAs("gmv_24h")).isEqualByComparingTo("70.00");
        }

        @Test
        void aShowWithoutSalesHasZeroOrdersNotNull() {
            Row k = kpis(List.of());
            assertThat(k.<Long>getAs("live_orders")).isZero();
            assertThat(k.<BigDecimal>getAs("live_gmv")).isEqualByComparingTo("0");
        }
    }

    @Nested
    class Stockouts {
        private Double minutes(List<Row> stockRows, Row show) {
            return only(SalesMetrics.stockoutMinutes(frame(spark, SHOWS, List.of(show)), frame(spark, STOCK, stockRows)))
                    .getAs("stockout_minutes");
        }

        @Test
        void unionOfFeaturedSkusOutOfStockClippedToTheLiveWindow() {
            // window [0, 45 min). A out [10, 20) min; B out [15, 30) min; C is not featured; store rows ignored.
            Double m = minutes(List.of(
                    stock("A", -3600, 5, null), stock("A", 600, 0, null), stock("A", 1200, 3, null),
                    stock("B", 900, -1, null), stock("B", 1800, 2, null),
                    stock("C", 0, 0, null), stock("A", 0, 0, "store-1")),
                    showWithSkus("s1", 30, "A", "B"));
            assertThat(m).isEqualTo(20.0);
        }

        @Test
        void aSkuStillOutAtTheEndCountsUntilTheWindowCloses() {
            assertThat(minutes(List.of(stock("A", 2400, 0, null)), showWithSkus("s1", 30, "A"))).isEqualTo(5.0);
        }

        @Test
        void noStockRowForTheFeaturedSkusIsZeroOnceStockIsLoaded() {
            Dataset<Row> shows = frame(spark, SHOWS, List.of(showWithSkus("s1", 30, "A"), show("s2", 30)));
            assertThat(SalesMetrics.stockoutMinutes(shows, frame(spark, STOCK, List.of(stock("Z", 0, 0, null))))
                    .collectAsList()).isEmpty();
            List<Row> perShow = SalesMetrics.stockoutMinutesPerShow(shows,
                    frame(spark, STOCK, List.of(stock("Z", 0, 0, null)))).orderBy("show_id").collectAsList();
            assertThat(perShow).extracting(r -> r.getString(0), r -> r.get(1))
                    .containsExactly(tuple("s1", 0.0), tuple("s2", 0.0));
        }

        @Test
        void withoutAnyStockDataItIsNotMeasured() {
            List<Row> perShow = SalesMetrics.stockoutMinutesPerShow(
                    frame(spark, SHOWS, List.of(showWithSkus("s1", 30, "A"))), frame(spark, STOCK, List.of()))
                    .collectAsList();
            assertThat(perShow).extracting(r -> r.getString(0), r -> r.get(1)).containsExactly(tuple("s1", null));
        }
    }

    @Nested
    class ReturnOnCost {
        private final StructType kpiSchema = new StructType().add("show_id", DataTypes.StringType)
                .add("live_gmv", DataTypes.createDecimalType(20, 4)).add("gmv_24h", DataTypes.createDecimalType(20, 4));
        private final StructType costSchema = new StructType().add("show_id", DataTypes.StringType)
                .add("cost", DataTypes.createDecimalType(20, 4));

        private Row kpi(String show, String liveGmv, String gmv24h) {
            return RowFactory.create(show, new BigDecimal(liveGmv), new BigDecimal(gmv24h));
        }

        @Test
        void roasIsGmvOverCostAndNullWithoutACostOrWithACostOfZero() {
            Dataset<Row> kpis = frame(spark, kpiSchema, List.of(kpi("s1", "250.00", "400.00"),
                    kpi("s2", "250.00", "400.00"), kpi("s3", "250.00", "400.00"), kpi("s4", "0", "0"),
                    kpi("s5", "10.00", "10.00")));
            Dataset<Row> shows = frame(spark, costSchema, List.of(RowFactory.create("s1", new BigDecimal("100.00")),
                    RowFactory.create("s2", null), RowFactory.create("s3", new BigDecimal("0")),
                    RowFactory.create("s4", new BigDecimal("50"))));
            List<Row> rows = SalesMetrics.withRoas(kpis, shows).select("show_id", "roas_live", "roas_24h")
                    .orderBy("show_id").collectAsList();
            assertThat(rows).extracting(r -> r.getString(0), r -> r.get(1), r -> r.get(2)).containsExactly(
                    tuple("s1", 2.5, 4.0), // 250 / 100, 400 / 100
                    tuple("s2", null, null), // no cost
                    tuple("s3", null, null), // cost 0: zero denominator
                    tuple("s4", 0.0, 0.0), // nothing sold for a cost
                    tuple("s5", null, null)); // no shows row to take a cost from
        }

        @Test
        void aBronzeShowsTableFromBeforeCostReadsNoCost() {
            StructType bronze = SHOWS.add("_run_id", DataTypes.StringType).add("_file_order", DataTypes.IntegerType)
                    .add("_line", DataTypes.LongType);
            Row old = show("s1", 30);
            Object[] values = new Object[bronze.size()];
            for (int i = 0; i < old.size(); i++) {
                values[i] = old.get(i);
            }
            values[old.size()] = "r1";
            values[old.size() + 1] = 0;
            values[old.size() + 2] = 1L;
            Row latest = only(ComputeJob.latestShows(frame(spark, bronze, List.of(RowFactory.create(values)))));
            assertThat(latest.isNullAt(latest.fieldIndex("cost"))).isTrue();
        }
    }

    @Nested
    class Moments {
        @Test
        void clicksAndOrdersOfTheMomentsSkuFiveMinutesBeforeVersusAfter() {
            Dataset<Row> shows = frame(spark, SHOWS, List.of(show("s1", 30)));
            List<Row> events = new ArrayList<>(session("s1", "a", 0, 900));
            events.addAll(session("s1", "b", 590, 700));
            Dataset<Row> intervals = ViewerMetrics.presenceIntervals(frame(spark, VIEWER_EVENTS, events), shows);
            Dataset<Row> players = frame(spark, PLAYER_EVENTS, List.of(
                    player("p1", "s1", "a", "product_click", "A", 300), // exactly 5 min before: in
                    player("p2", "s1", "a", "product_click", "A", 299), // outside
                    player("p3", "s1", "a", "product_click", "A", 600), // at the moment: after
                    player("p4", "s1", "b", "product_click", "A", 899), // after
                    player("p5", "s1", "b", "product_click", "B", 650), // other sku
                    player("p6", "s1", "b", "add_to_cart", "A", 650))); // not a click
            Dataset<Row> lines = net(order("o1", "A", 700, 1, "10.00", null, "s1", "live"),
                    order("o2", "A", 900, 1, "10.00", null, "s1", "live")); // 5 min after: out
            Row m = only(SalesMetrics.momentEffects(frame(spark, MOMENTS, List.of(moment("s1", 600, "product_pin", "A"))),
                    intervals, players, lines));
            assertThat(m.<Long>getAs("viewers_present")).isEqualTo(2L);
            assertThat(List.of(m.<Long>getAs("clicks_before"), m.<Long>getAs("clicks_after"))).containsExactly(1L, 2L);
            assertThat(List.of(m.<Long>getAs("orders_before"), m.<Long>getAs("orders_after"))).containsExactly(0L, 1L);
        }
    }
}
