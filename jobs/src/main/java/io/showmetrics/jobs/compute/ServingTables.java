package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.core.windows.Windows;
import io.showmetrics.jobs.lake.Lake;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Gold as the whole contract of the dashboard: every serving table is a copy of one gold table, listed once in
 * {@link #TABLES}. Most gold tables are served as they are; this class writes the four that the dashboard
 * reads in another shape: {@code serving_show} (the latest row per show), {@code serving_show_kpi} (the per-show
 * KPIs with the cross-show ones joined in, and their provisional/final status), {@code serving_show_moment}
 * (moments of known shows) and {@code serving_experiment} (the experiment summary with its status).
 *
 * <p>Status: a show's KPIs are {@code final} once {@code final_at = ends_at + }{@link Windows#showFinalAfter()}
 * has passed on both the run's clock and its data through (SPEC section 2; closed at exactly the end), an
 * experiment's once {@code final_at = (last show's end, else its ends_at) + }{@link Windows#experimentFinalAfter()}
 * has.
 */
public final class ServingTables {
    /** One gold table copied whole into one serving table of the same columns. */
    public record Copy(String gold, String serving) {}

    /**
     * Every serving table the pipeline fills from gold, parents before the tables that reference them; the
     * copied columns are the serving table's own (publish reads them from PostgreSQL's catalog and checks them
     * against the gold schema).
     */
    public static final List<Copy> TABLES = List.of(
            new Copy("serving_show", "show"),
            new Copy("serving_show_kpi", "show_kpi"),
            new Copy("show_minute", "show_minute"),
            new Copy("serving_show_moment", "show_moment"),
            new Copy("show_sku", "show_sku"),
            new Copy("show_benchmark", "show_benchmark"),
            new Copy("show_audience", "show_audience"),
            new Copy("serving_experiment", "experiment"),
            new Copy("experiment_variant", "experiment_variant"),
            new Copy("experiment_result", "experiment_result"),
            new Copy("experiment_decision", "experiment_decision"),
            new Copy("experiment_incremental", "experiment_incremental"),
            new Copy("store_attribution", "store_attribution"),
            new Copy("retention_cohort", "retention_cohort"),
            new Copy("channel_month", "channel_month"),
            new Copy("omnichannel_period", "omnichannel_period"),
            new Copy("influenced_revenue", "influenced_revenue"),
            new Copy("show_month", "show_month"));

    private ServingTables() {}

    /**
     * Writes the serving-shaped gold tables from silver {@code shows} and gold {@code show_kpi},
     * {@code show_retention}, {@code show_visits}, {@code show_moment} and {@code experiment_summary}.
     *
     * @param now the run's clock
     * @param dataThrough the run's data through; {@code null} when there is no data (the clock alone decides)
     */
    public static void write(SparkSession spark, Lake lake, Instant now, Instant dataThrough, Windows windows) {
        Dataset<Row> shows = Lake.read(spark, lake.silver("shows"));
        save(shows(shows), lake.gold("serving_show"));
        Dataset<Row> known = Lake.read(spark, lake.gold("serving_show")).select("show_id", "ends_at");
        save(showKpis(Lake.read(spark, lake.gold("show_kpi")), Lake.read(spark, lake.gold("show_retention")),
                Lake.read(spark, lake.gold("show_visits")), known, now, dataThrough, windows),
                lake.gold("serving_show_kpi"));
        save(Lake.read(spark, lake.gold("show_moment")).join(known.select("show_id"), new String[] {"show_id"},
                "left_semi"), lake.gold("serving_show_moment"));
        save(experiments(Lake.read(spark, lake.gold("experiment_summary")), now, dataThrough, windows),
                lake.gold("serving_experiment"));
    }

    static Dataset<Row> shows(Dataset<Row> silverShows) {
        return silverShows.select("show_id", "title", "host", "starts_at", "ends_at", "experiment_id", "channel",
                "featured_skus", "cost");
    }

    /**
     * The show KPIs as served: gold {@code show_kpi} (per show, incremental) of the known shows with the
     * cross-show gold tables (retention, store visits) joined in, and status, {@code final_at} and the run's
     * data through. An experiment's incremental visits are not a show's KPI: they are served per experiment.
     */
    static Dataset<Row> showKpis(Dataset<Row> kpis, Dataset<Row> retention, Dataset<Row> visits, Dataset<Row> shows,
            Instant now, Instant dataThrough, Windows windows) {
        Column finalAt = plus(col("ends_at"), windows.showFinalAfter());
        return kpis.join(retention, new String[] {"show_id"}, "left")
                .join(visits, new String[] {"show_id"}, "left")
                .join(shows, "show_id")
                .withColumn("final_at", finalAt)
                .withColumn("status", status(col("final_at"), now, dataThrough))
                .withColumn("data_through", timestamp(dataThrough))
                .drop("ends_at");
    }

    /** The experiments as served: the summary with {@code status} and {@code final_at}. */
    static Dataset<Row> experiments(Dataset<Row> summaries, Instant now, Instant dataThrough, Windows windows) {
        Column end = coalesce(col("last_show_end"), col("ends_at"));
        return summaries.withColumn("final_at", plus(end, windows.experimentFinalAfter()))
                .withColumn("status", when(col("final_at").isNull(), lit("provisional"))
                        .otherwise(status(col("final_at"), now, dataThrough)));
    }

    /**
     * {@code final} when a window ending at {@code windowEnd} has closed: both the clock and the data have
     * passed its end (closed at exactly the end); with no data through the clock alone decides.
     */
    static Column status(Column windowEnd, Instant now, Instant dataThrough) {
        Column closed = windowEnd.leq(timestamp(now));
        if (dataThrough != null) {
            closed = closed.and(windowEnd.leq(timestamp(dataThrough)));
        }
        return when(closed, lit("final")).otherwise(lit("provisional"));
    }

    private static Column plus(Column ts, Duration d) {
        return timestamp_micros(unix_micros(ts).plus(lit(d.toNanos() / 1000)));
    }

    private static Column timestamp(Instant instant) {
        return instant == null ? lit(null).cast("timestamp") : lit(Timestamp.from(instant));
    }

    private static void save(Dataset<Row> data, String path) {
        data.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true").save(path);
    }
}
