package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.core.windows.Windows;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Retention (SPEC section 2): weekly viewer and buyer cohorts with segments, and per show the returning
 * viewer rate and next-show retention. Weeks are ISO weeks in UTC, named by their Monday.
 */
public final class RetentionMetrics {
    /** Next-show retention looks at shows starting in [ends_at, ends_at + 30 d). */
    public static final long NEXT_SHOW_WINDOW_MILLIS = Windows.DEFAULTS.nextShowRetention().toMillis();

    private RetentionMetrics() {}

    /** The Monday (UTC) of the ISO week containing the instant {@code ms}. */
    static Column week(Column ms) {
        return to_date(date_trunc("week", timestamp_millis(ms)));
    }

    /**
     * Viewer activity: one row per identified customer and ISO week with live presence. An interval that
     * crosses midnight between Sunday and Monday counts in both weeks.
     *
     * @param customerPresence {@code show_id, customer_id, start_ms, end_ms} (live, clipped)
     */
    static Dataset<Row> viewerActivity(Dataset<Row> customerPresence) {
        Dataset<Row> starts = customerPresence.select(col("customer_id"), week(col("start_ms")).as("week"),
                col("start_ms").as("at_ms"), col("show_id"));
        Dataset<Row> ends = customerPresence.select(col("customer_id"), week(col("end_ms").minus(1)).as("week"),
                col("start_ms").as("at_ms"), col("show_id"));
        return starts.union(ends).distinct();
    }

    /** Buyer activity: one row per identified customer and ISO week with a net purchase. */
    static Dataset<Row> buyerActivity(Dataset<Row> netLines) {
        return netLines.filter(col("customer_id").isNotNull())
                .select(col("customer_id"), week(col("ts_ms")).as("week"), col("ts_ms").as("at_ms"),
                        col("channel"));
    }

    /**
     * The first channel of each viewer: the {@code channel} of their earliest non-replay viewer event in
     * the show of their first live presence ({@code unknown} when absent).
     */
    static Dataset<Row> firstViewerChannel(Dataset<Row> customerPresence, Dataset<Row> viewerEvents) {
        Dataset<Row> firstShow = customerPresence
                .withColumn("_r", row_number().over(Window.partitionBy("customer_id")
                        .orderBy(col("start_ms"), col("show_id"))))
                .filter(col("_r").equalTo(1)).select("customer_id", "show_id");
        Dataset<Row> channels = viewerEvents
                .filter(coalesce(col("replay"), lit(false)).equalTo(false).and(col("customer_id").isNotNull()))
                .join(firstShow, new String[] {"customer_id", "show_id"})
                .withColumn("_r", row_number().over(Window.partitionBy("customer_id")
                        .orderBy(col("ts"), col("channel"))))
                .filter(col("_r").equalTo(1))
                .select(col("customer_id"), coalesce(col("channel"), lit("unknown")).as("first_channel"));
        return firstShow.select("customer_id").join(channels, new String[] {"customer_id"}, "left")
                .select(col("customer_id"), coalesce(col("first_channel"), lit("unknown")).as("first_channel"));
    }

    /** The first channel of each buyer: the channel of their earliest net line (ties by channel name). */
    static Dataset<Row> firstBuyerChannel(Dataset<Row> activity) {
        return activity.withColumn("_r", row_number().over(Window.partitionBy("customer_id")
                        .orderBy(col("at_ms"), col("channel"))))
                .filter(col("_r").equalTo(1)).select(col("customer_id"), col("channel").as("first_channel"));
    }

    /**
     * Segments of each customer: {@code all}, {@code generation:<g>}, {@code region:<r>},
     * {@code first_channel:<c>}; generation from birth_year (Gen Z 1997–2012, Millennials 1981–1996,
     * Gen X 1965–1980, Boomers 1946–1964, other years {@code other}, missing {@code unknown}).
     */
    static Dataset<Row> segments(Dataset<Row> cohorts, Dataset<Row> customers, Dataset<Row> firstChannel) {
        Dataset<Row> latest = LoadOrder.latest(customers, "customer_id").select("customer_id", "birth_year", "region");
        Column y = col("birth_year");
        Column generation = when(y.isNull(), "unknown")
                .when(y.between(1997, 2012), "Gen Z").when(y.between(1981, 1996), "Millennials")
                .when(y.between(1965, 1980), "Gen X").when(y.between(1946, 1964), "Boomers").otherwise("other");
        Dataset<Row> c = cohorts.join(latest, new String[] {"customer_id"}, "left")
                .join(firstChannel, new String[] {"customer_id"}, "left")
                .select(col("customer_id"), col("cohort_week"),
                        org.apache.spark.sql.functions.array(lit("all"),
                                concat(lit("generation:"), generation),
                                concat(lit("region:"), coalesce(col("region"), lit("unknown"))),
                                concat(lit("first_channel:"), coalesce(col("first_channel"), lit("unknown"))))
                                .as("segments"));
        return c.select(col("customer_id"), col("cohort_week"), explode(col("segments")).as("segment"));
    }

    /**
     * Cohort cells {@code kind, segment, cohort_week, week_offset, cohort_size, retained, rate} for
     * k = 0 .. the last week with any activity of this kind; cells after it are absent, not zero.
     *
     * @param activity {@code customer_id, week}
     * @param segments {@code customer_id, cohort_week, segment}
     */
    static Dataset<Row> cohortCells(String kind, Dataset<Row> activity, Dataset<Row> segments) {
        Dataset<Row> weeks = activity.select("customer_id", "week").distinct();
        Row last = weeks.agg(max("week")).head();
        if (last.isNullAt(0)) {
            return weeks.sparkSession().emptyDataFrame().select(lit(kind).as("kind"), lit("").as("segment"),
                    lit(null).cast("date").as("cohort_week"), lit(0).as("week_offset"), lit(0L).as("cohort_size"),
                    lit(0L).as("retained"), lit(0.0).as("rate")).limit(0);
        }
        Column lastWeek = lit(last.getDate(0));
        Dataset<Row> sizes = segments.groupBy("segment", "cohort_week").agg(count(lit(1)).as("cohort_size"));
        Dataset<Row> grid = sizes.withColumn("week_offset", explode(sequence(lit(0),
                datediff(lastWeek, col("cohort_week")).divide(7).cast("int"))));
        Dataset<Row> retained = segments.join(weeks, "customer_id")
                .withColumn("week_offset", datediff(col("week"), col("cohort_week")).divide(7).cast("int"))
                .groupBy("segment", "cohort_week", "week_offset").agg(countDistinct("customer_id").as("retained"));
        return grid.join(retained, new String[] {"segment", "cohort_week", "week_offset"}, "left")
                .select(lit(kind).as("kind"), col("segment"), col("cohort_week"), col("week_offset"),
                        col("cohort_size"), coalesce(col("retained"), lit(0L)).as("retained"),
                        coalesce(col("retained"), lit(0L)).divide(col("cohort_size")).as("rate"));
    }

    /** Each customer's cohort week: the week of their first activity. */
    static Dataset<Row> cohorts(Dataset<Row> activity) {
        return activity.groupBy("customer_id").agg(min("at_ms").as("first_ms"))
                .select(col("customer_id"), week(col("first_ms")).as("cohort_week"));
    }

    /**
     * Per show: {@code returning_viewer_rate} (share of its identified viewers with live presence in a
     * show that started earlier) and {@code next_show_retention} (share with live presence in another
     * show starting in {@code [ends_at, ends_at + 30 d)}); NULL with no identified viewer.
     */
    static Dataset<Row> showRetention(Dataset<Row> shows, Dataset<Row> customerPresence) {
        Dataset<Row> watched = customerPresence.select("show_id", "customer_id").distinct()
                .join(shows.select(col("show_id"), org.apache.spark.sql.functions.unix_millis(col("starts_at"))
                        .as("start_ms"), org.apache.spark.sql.functions.unix_millis(col("ends_at")).as("end_ms")),
                        "show_id");
        Dataset<Row> pairs = watched.alias("a").join(watched.alias("b"),
                col("a.customer_id").equalTo(col("b.customer_id")).and(col("a.show_id").notEqual(col("b.show_id"))));
        Dataset<Row> flags = pairs.groupBy(col("a.show_id").as("show_id"), col("a.customer_id").as("customer_id"))
                .agg(max(when(col("b.start_ms").lt(col("a.start_ms")), 1).otherwise(0)).as("returning"),
                        max(when(col("b.start_ms").geq(col("a.end_ms"))
                                .and(col("b.start_ms").lt(col("a.end_ms").plus(NEXT_SHOW_WINDOW_MILLIS))), 1)
                                .otherwise(0)).as("retained"));
        Dataset<Row> perShow = watched.select("show_id", "customer_id")
                .join(flags, new String[] {"show_id", "customer_id"}, "left")
                .groupBy("show_id").agg(count(lit(1)).as("identified"),
                        org.apache.spark.sql.functions.sum(coalesce(col("returning"), lit(0))).as("returning"),
                        org.apache.spark.sql.functions.sum(coalesce(col("retained"), lit(0))).as("retained"));
        return shows.select("show_id").join(perShow, new String[] {"show_id"}, "left")
                .select(col("show_id"),
                        when(col("identified").gt(0), col("returning").divide(col("identified")))
                                .as("returning_viewer_rate"),
                        when(col("identified").gt(0), col("retained").divide(col("identified")))
                                .as("next_show_retention"));
    }
}
