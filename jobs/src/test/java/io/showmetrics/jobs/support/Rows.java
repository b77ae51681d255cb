package io.showmetrics.jobs.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Test-data builders for the bronze columns the compute jobs read, with defaults so a test sets only
 * what it is about. Times are given as seconds after {@link #T0} (2026-03-01T19:00:00Z).
 */
public final class Rows {
    public static final Instant T0 = Instant.parse("2026-03-01T19:00:00Z");

    public static final StructType SHOWS = new StructType()
            .add("show_id", DataTypes.StringType).add("title", DataTypes.StringType)
            .add("host", DataTypes.StringType).add("starts_at", DataTypes.TimestampType)
            .add("ends_at", DataTypes.TimestampType).add("experiment_id", DataTypes.StringType)
            .add("featured_skus", DataTypes.createArrayType(DataTypes.StringType)).add("channel", DataTypes.StringType);
    public static final StructType VIEWER_EVENTS = new StructType()
            .add("show_id", DataTypes.StringType).add("viewer_id", DataTypes.StringType)
            .add("type", DataTypes.StringType).add("ts", DataTypes.TimestampType)
            .add("replay", DataTypes.BooleanType).add("customer_id", DataTypes.StringType);
    public static final StructType SHOW_EVENTS = new StructType()
            .add("show_id", DataTypes.StringType).add("viewer_id", DataTypes.StringType)
            .add("type", DataTypes.StringType).add("ts", DataTypes.TimestampType);

    public static final StructType ORDERS = new StructType()
            .add("order_id", DataTypes.StringType).add("line_no", DataTypes.StringType)
            .add("ts", DataTypes.TimestampType).add("channel", DataTypes.StringType)
            .add("sku", DataTypes.StringType).add("quantity", DataTypes.LongType)
            .add("unit_price_reporting", DataTypes.createDecimalType(30, 12)).add("customer_id", DataTypes.StringType)
            .add("show_id", DataTypes.StringType).add("store_id", DataTypes.StringType)
            .add("status", DataTypes.StringType).add("_run_id", DataTypes.StringType)
            .add("_file_order", DataTypes.IntegerType).add("_line", DataTypes.LongType);
    public static final StructType STOCK = new StructType()
            .add("sku", DataTypes.StringType).add("ts", DataTypes.TimestampType)
            .add("available_qty", DataTypes.LongType).add("store_id", DataTypes.StringType)
            .add("_run_id", DataTypes.StringType).add("_file_order", DataTypes.IntegerType)
            .add("_line", DataTypes.LongType);
    public static final StructType MOMENTS = new StructType()
            .add("show_id", DataTypes.StringType).add("ts", DataTypes.TimestampType)
            .add("type", DataTypes.StringType).add("sku", DataTypes.StringType).add("label", DataTypes.StringType);
    public static final StructType PLAYER_EVENTS = new StructType()
            .add("event_id", DataTypes.StringType).add("show_id", DataTypes.StringType)
            .add("viewer_id", DataTypes.StringType).add("type", DataTypes.StringType)
            .add("sku", DataTypes.StringType).add("ts", DataTypes.TimestampType);

    private static int line;

    private Rows() {}

    /** A placed order line of {@code quantity} × {@code price} at {@code seconds} after T0. */
    public static Row order(String orderId, String sku, long seconds, long quantity, String price, String customer,
            String show, String channel) {
        return RowFactory.create(orderId, sku, at(seconds), channel, sku, quantity, new java.math.BigDecimal(price),
                customer, show, null, "placed", "r1", 0, (long) ++line);
    }

    /** A later row that takes the line out of revenue ({@code cancelled} or {@code returned}). */
    public static Row withdrawn(String orderId, String sku, long seconds, String status) {
        return RowFactory.create(orderId, sku, at(seconds), "web", sku, 1L, new java.math.BigDecimal("0"), null, null,
                null, status, "r2", 0, (long) ++line);
    }

    public static Row stock(String sku, long seconds, long qty, String store) {
        return RowFactory.create(sku, at(seconds), qty, store, "r1", 0, (long) ++line);
    }

    public static Row moment(String show, long seconds, String type, String sku) {
        return RowFactory.create(show, at(seconds), type, sku, type + " " + sku);
    }

    public static Row player(String id, String show, String viewer, String type, String sku, long seconds) {
        return RowFactory.create(id, show, viewer, type, sku, at(seconds));
    }

    /** A show with featured skus. */
    public static Row showWithSkus(String id, int minutes, String... skus) {
        return RowFactory.create(id, "Show " + id, "Host", at(0), at(minutes * 60L), null, java.util.List.of(skus),
                "web");
    }

    public static Timestamp at(long secondsAfterT0) {
        return Timestamp.from(T0.plusSeconds(secondsAfterT0));
    }

    /** A show starting at T0 and lasting {@code minutes}. */
    public static Row show(String id, int minutes) {
        return RowFactory.create(id, "Show " + id, "Host", at(0), at(minutes * 60L), null, null, "web");
    }

    public static Row viewer(String show, String viewer, String type, long seconds) {
        return RowFactory.create(show, viewer, type, at(seconds), false, null);
    }

    public static Row loggedIn(String show, String viewer, String customer, String type, long seconds) {
        return RowFactory.create(show, viewer, type, at(seconds), false, customer);
    }

    public static Row replay(String show, String viewer, String type, long seconds) {
        return RowFactory.create(show, viewer, type, at(seconds), true, null);
    }

    /** A chat or player event. */
    public static Row event(String show, String viewer, String type, long seconds) {
        return RowFactory.create(show, viewer, type, at(seconds));
    }

    /** A viewer watching continuously from {@code from} with heartbeats every 30 s, leaving at {@code to}. */
    public static List<Row> session(String show, String viewer, long from, long to) {
        List<Row> rows = new ArrayList<>();
        rows.add(viewer(show, viewer, "join", from));
        for (long t = from + 30; t < to; t += 30) {
            rows.add(viewer(show, viewer, "heartbeat", t));
        }
        rows.add(viewer(show, viewer, "leave", to));
        return rows;
    }

    public static Dataset<Row> frame(SparkSession spark, StructType schema, List<Row> rows) {
        return spark.createDataFrame(rows, schema);
    }
}
