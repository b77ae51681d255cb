package io.showmetrics.jobs.compute;

import static io.showmetrics.jobs.support.Rows.ORDERS;
import static io.showmetrics.jobs.support.Rows.SHOWS;
import static io.showmetrics.jobs.support.Rows.at;
import static io.showmetrics.jobs.support.Rows.frame;
import static io.showmetrics.jobs.support.Rows.order;
import static io.showmetrics.jobs.support.Rows.show;
import static io.showmetrics.jobs.support.Rows.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.showmetrics.core.windows.Windows;
import io.showmetrics.runtime.TestSparkSession;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code show_audience} computed by hand. Show s1: 30 minutes from T0, live window [0, 45 min), purchases counted
 * in [0, 30 min + 24 h).
 */
class AudienceMetricsTest {
    private static final long HOUR = 3600;
    private static final StructType EVENTS = new StructType().add("show_id", DataTypes.StringType)
            .add("viewer_id", DataTypes.StringType).add("type", DataTypes.StringType)
            .add("ts", DataTypes.TimestampType).add("customer_id", DataTypes.StringType);
    private static final StructType VIEWER_CUSTOMERS = new StructType().add("show_id", DataTypes.StringType)
            .add("viewer_id", DataTypes.StringType).add("customer_id", DataTypes.StringType);
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = TestSparkSession.get();
    }

    private static Row event(String viewer, String type, long seconds, String customer) {
        return RowFactory.create("s1", viewer, type, at(seconds), customer);
    }

    private static Row loggedIn(String viewer, String customer) {
        return RowFactory.create("s1", viewer, customer);
    }

    @Test
    void cartersAndEngagedCustomersWithoutANetPurchaseFromTheStartUntil24HoursAfterTheEnd() {
        List<Row> player = List.of(
                event("v1", "add_to_cart", 300, null), // c1 through the viewer's login; c1 buys: out
                event("v2", "add_to_cart", 400, null), // c2 bought only before the show: in
                event("v4", "add_to_cart", 500, null), // anonymous: in no list
                event("v6", "add_to_cart", 600, "c6"), // the event's own customer; bought at the window end: in
                event("v3", "add_to_cart", 46 * 60, null), // after the live window: not a carter
                event("v2", "product_click", 700, null)); // a click is no cart
        List<Row> chat = List.of(
                event("v3", "message", 100, null), // c3: engaged; the purchase was returned, so not bought: in
                event("v1", "reaction", 200, null), // c1: bought: out
                event("v5", "message", -60, null)); // before the live window: not engaged
        List<Row> viewers = List.of(loggedIn("v1", "c1"), loggedIn("v2", "c2"), loggedIn("v3", "c3"),
                loggedIn("v5", "c5"));
        List<Row> orders = List.of(
                order("w1", "A", 1800 + HOUR, 1, "10.00", "c1", null, "web"),
                order("w2", "A", -10, 1, "10.00", "c2", null, "store"), // before starts_at
                order("w6", "A", 1800 + 24 * HOUR, 1, "10.00", "c6", null, "app"), // window end: out of it
                order("w3", "A", 2 * HOUR, 1, "10.00", "c3", null, "web"),
                withdrawn("w3", "A", 3 * HOUR, "returned"));
        List<Row> rows = AudienceMetrics.audiences(frame(spark, SHOWS, List.of(show("s1", 30))),
                        frame(spark, VIEWER_CUSTOMERS, viewers), frame(spark, EVENTS, chat), frame(spark, EVENTS, player),
                        SalesMetrics.netOrderLines(frame(spark, ORDERS, orders)), Windows.DEFAULTS)
                .orderBy("audience", "customer_id").collectAsList();
        assertThat(rows).extracting(r -> r.getString(0), r -> r.getString(1), r -> r.getString(2)).containsExactly(
                tuple("s1", "carted_not_bought", "c2"),
                tuple("s1", "carted_not_bought", "c6"),
                tuple("s1", "engaged_not_bought", "c3"));
    }

    @Test
    void aCustomerWhoBothCartedAndChattedIsInBothListsOnce() {
        List<Row> events = List.of(event("v1", "add_to_cart", 300, null), event("v1", "add_to_cart", 310, "c1"));
        List<Row> chat = List.of(event("v1", "message", 100, null), event("v1", "question", 200, null));
        List<Row> rows = AudienceMetrics.audiences(frame(spark, SHOWS, List.of(show("s1", 30))),
                        frame(spark, VIEWER_CUSTOMERS, List.of(loggedIn("v1", "c1"))), frame(spark, EVENTS, chat),
                        frame(spark, EVENTS, events), SalesMetrics.netOrderLines(frame(spark, ORDERS, List.of())),
                        Windows.DEFAULTS)
                .orderBy("audience").collectAsList();
        assertThat(rows).extracting(r -> r.getString(1), r -> r.getString(2))
                .containsExactly(tuple("carted_not_bought", "c1"), tuple("engaged_not_bought", "c1"));
    }
}
