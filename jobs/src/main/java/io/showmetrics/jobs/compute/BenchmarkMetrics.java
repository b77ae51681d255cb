package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.col;

import io.showmetrics.core.benchmarks.ShowBenchmarks;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Gold {@code show_benchmark} (SPEC section 6, "Benchmarks"): every show against the shows before it, one row per show
 * and metric of {@link ShowBenchmarks#METRICS}. A show's benchmark depends on every earlier show, so the table is
 * computed whole on every run, from the show KPIs as served ({@code serving_show_kpi}); the shows are few (one row
 * each), so they are collected to the driver and the plain-Java {@link ShowBenchmarks} does the math.
 */
public final class BenchmarkMetrics {
    static final StructType SCHEMA = new StructType()
            .add("show_id", DataTypes.StringType, false)
            .add("metric", DataTypes.StringType, false)
            .add("value", DataTypes.DoubleType, true)
            .add("benchmark_median", DataTypes.DoubleType, true)
            .add("benchmark_n", DataTypes.IntegerType, false)
            .add("percentile", DataTypes.DoubleType, true);

    private BenchmarkMetrics() {}

    /**
     * @param showKpis {@code show_id} and the metric columns (any numeric type; NULL means no value)
     * @param shows {@code show_id, starts_at}; only shows with a KPI row are benchmarked
     */
    static Dataset<Row> benchmarks(SparkSession spark, Dataset<Row> showKpis, Dataset<Row> shows) {
        List<Column> columns = new ArrayList<>();
        columns.add(col("show_id"));
        columns.add(col("starts_at"));
        for (String metric : ShowBenchmarks.METRICS) {
            columns.add(col(metric).cast("double").as(metric));
        }
        List<ShowBenchmarks.ShowValues> values = new ArrayList<>();
        for (Row r : showKpis.join(shows.select("show_id", "starts_at"), "show_id")
                .select(columns.toArray(Column[]::new)).collectAsList()) {
            Map<String, Double> v = new HashMap<>();
            for (int i = 0; i < ShowBenchmarks.METRICS.size(); i++) {
                v.put(ShowBenchmarks.METRICS.get(i), r.isNullAt(i + 2) ? null : r.getDouble(i + 2));
            }
            values.add(new ShowBenchmarks.ShowValues(r.getString(0), r.<Timestamp>getAs(1).toInstant(), v));
        }
        List<Row> rows = new ArrayList<>();
        for (ShowBenchmarks.Benchmark b : ShowBenchmarks.compute(values)) {
            rows.add(RowFactory.create(b.showId(), b.metric(), b.value(), b.median(), b.n(), b.percentile()));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }
}
