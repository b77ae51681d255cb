package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.showmetrics.jobs.lake.Lake;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze → silver → gold, incrementally: only shows touched by ingest runs not yet computed (their
 * events or their show row changed) are recomputed, and their gold rows replaced in one Delta commit
 * per table ({@code replaceWhere}). The first run, or a run with {@code full}, recomputes everything.
 *
 * <p>Tables written: {@code silver/shows} (latest row per show), {@code silver/presence} (merged
 * presence intervals), {@code gold/show_kpi}, {@code gold/show_minute}, and {@code gold/_compute_log}
 * (which ingest runs are reflected in gold).
 */
public final class ComputeJob {
    /** Event entities whose records carry a {@code show_id}. */
    static final List<String> SHOW_EVENT_ENTITIES = List.of("viewer_events", "chat_events", "player_events");

    static final StructType COMPUTE_LOG_SCHEMA = new StructType()
            .add("ingest_run_id", DataTypes.StringType, false)
            .add("compute_run_id", DataTypes.StringType, false)
            .add("computed_at", DataTypes.TimestampType, false);

    private ComputeJob() {}

    /** What a compute did. {@code shows} is empty when nothing was pending. */
    public record Result(List<String> ingestRuns, Set<String> shows, boolean full) {
        public boolean nothingToDo() {
            return ingestRuns.isEmpty() && !full;
        }
    }

    /**
     * Computes what the pending ingest runs changed.
     *
     * @param full recompute every show even if nothing is pending
     * @param log progress messages for the command line
     */
    public static Result run(SparkSession spark, Lake lake, String runId, Instant now, boolean full,
            Consumer<String> log) {
        List<String> pending = pendingIngestRuns(spark, lake);
        boolean first = !Lake.exists(spark, lake.gold("show_kpi"));
        if (pending.isEmpty() && !full && !first) {
            return new Result(List.of(), Set.of(), false);
        }
        Dataset<Row> shows = latestShows(Lake.read(spark, lake.bronze("shows")));
        boolean everything = full || first;
        Set<String> affected = everything ? Set.of() : affectedShows(spark, lake, pending);
        if (!everything && affected.isEmpty()) {
            appendComputeLog(spark, lake, pending, runId, now);
            return new Result(pending, Set.of(), false);
        }
        Column inScope = everything ? lit(true) : col("show_id").isin(affected.toArray());
        String replaceWhere = everything ? null : "show_id IN (" + sqlList(affected) + ")";

        log.accept(everything ? "computing every show" : "recomputing " + affected.size() + " show(s)");
        Dataset<Row> scopedShows = shows.filter(inScope).cache();
        Dataset<Row> viewerEvents = Lake.read(spark, lake.bronze("viewer_events")).filter(inScope)
                .select("show_id", "viewer_id", "type", "ts", "replay", "customer_id");
        Dataset<Row> chat = Lake.read(spark, lake.bronze("chat_events")).filter(inScope)
                .select("show_id", "viewer_id", "type", "ts");
        Dataset<Row> player = Lake.read(spark, lake.bronze("player_events")).filter(inScope)
                .select("show_id", "viewer_id", "type", "ts");

        write(scopedShows, lake.silver("shows"), replaceWhere);
        log.accept("presence intervals");
        write(ViewerMetrics.presenceIntervals(viewerEvents, scopedShows), lake.silver("presence"), replaceWhere);
        Dataset<Row> intervals = Lake.read(spark, lake.silver("presence")).filter(inScope);
        log.accept("show KPIs");
        Dataset<Row> kpis = ViewerMetrics.showKpis(scopedShows, viewerEvents, intervals, chat, player)
                .withColumn("run_id", lit(runId))
                .withColumn("computed_at", lit(java.sql.Timestamp.from(now)));
        write(kpis, lake.gold("show_kpi"), replaceWhere);
        log.accept("per-minute series");
        write(ViewerMetrics.showMinutes(scopedShows, intervals, chat, player), lake.gold("show_minute"), replaceWhere);
        scopedShows.unpersist();
        appendComputeLog(spark, lake, pending, runId, now);
        Set<String> computed = everything
                ? new LinkedHashSet<>(shows.select("show_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                : affected;
        return new Result(pending, computed, everything);
    }

    /** The latest row per show_id: the file loaded last wins (run, then file order, then line). */
    static Dataset<Row> latestShows(Dataset<Row> bronzeShows) {
        return bronzeShows
                .withColumn("_rank", row_number().over(Window.partitionBy("show_id")
                        .orderBy(col("_run_id").desc(), col("_file_order").desc(), col("_line").desc())))
                .filter(col("_rank").equalTo(1))
                .select("show_id", "title", "host", "starts_at", "ends_at", "experiment_id", "featured_skus",
                        "channel");
    }

    /** Ingest runs that accepted records and are not yet reflected in gold. */
    static List<String> pendingIngestRuns(SparkSession spark, Lake lake) {
        if (!Lake.exists(spark, lake.ingestLog())) {
            return List.of();
        }
        Dataset<Row> accepted = Lake.read(spark, lake.ingestLog()).filter(col("records_accepted").gt(0))
                .select("run_id").distinct();
        if (Lake.exists(spark, lake.gold("_compute_log"))) {
            accepted = accepted.join(Lake.read(spark, lake.gold("_compute_log"))
                    .select(col("ingest_run_id").as("run_id")), new String[] {"run_id"}, "left_anti");
        }
        List<String> runs = new ArrayList<>(accepted.as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        runs.sort(null);
        return runs;
    }

    /** Shows whose events or show row arrived in one of the given ingest runs. */
    static Set<String> affectedShows(SparkSession spark, Lake lake, List<String> ingestRuns) {
        Column fromRuns = col("_run_id").isin(ingestRuns.toArray());
        Dataset<Row> ids = Lake.read(spark, lake.bronze("shows")).filter(fromRuns).select("show_id");
        for (String entity : SHOW_EVENT_ENTITIES) {
            ids = ids.union(Lake.read(spark, lake.bronze(entity)).filter(fromRuns).select("show_id"));
        }
        return new LinkedHashSet<>(ids.distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    private static void appendComputeLog(SparkSession spark, Lake lake, List<String> runs, String runId, Instant now) {
        if (runs.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (String r : runs) {
            rows.add(org.apache.spark.sql.RowFactory.create(r, runId, java.sql.Timestamp.from(now)));
        }
        spark.createDataFrame(rows, COMPUTE_LOG_SCHEMA).write().format("delta").mode(SaveMode.Append)
                .save(lake.gold("_compute_log"));
    }

    private static void write(Dataset<Row> data, String path, String replaceWhere) {
        var writer = data.write().format("delta").mode(SaveMode.Overwrite);
        if (replaceWhere != null && Lake.exists(data.sparkSession(), path)) {
            writer = writer.option("replaceWhere", replaceWhere);
        } else {
            writer = writer.option("overwriteSchema", "true");
        }
        writer.save(path);
    }

    private static String sqlList(Set<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append('\'').append(v.replace("'", "''")).append('\'');
        }
        return b.toString();
    }
}
