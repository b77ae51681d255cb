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

    private Rows() {}

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
