package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.core.experiments.ExperimentAnalysis;
import io.showmetrics.core.experiments.ExperimentDecision;
import io.showmetrics.core.experiments.ExperimentMetric;
import io.showmetrics.core.stats.RegressionStats;
import io.showmetrics.core.stats.TwoSampleResult;
import io.showmetrics.core.windows.Windows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Experiments (SPEC section 2, "Conversion uplift"): Spark reduces assigned customers to sufficient
 * statistics per experiment, variant and metric (n, ΣY, ΣY², ΣX, ΣX², ΣXY, X = the metric over the 28
 * days before assignment); {@link ExperimentAnalysis} (plain Java) turns them into results.
 */
public final class ExperimentMetrics {
    public static final long CONVERSION_WINDOW_MILLIS = SalesMetrics.CONVERSION_WINDOW_MILLIS;
    public static final long VISIT_WINDOW_MILLIS = Windows.DEFAULTS.storeVisit().toMillis();
    public static final long PRE_PERIOD_MILLIS = Windows.DEFAULTS.experimentPrePeriod().toMillis();

    static final StructType STATS_SCHEMA = new StructType()
            .add("experiment_id", DataTypes.StringType, false).add("variant", DataTypes.StringType, false)
            .add("metric", DataTypes.StringType, false).add("n", DataTypes.LongType, false)
            .add("sum_y", DataTypes.DoubleType, false).add("sum_y2", DataTypes.DoubleType, false)
            .add("sum_x", DataTypes.DoubleType, false).add("sum_x2", DataTypes.DoubleType, false)
            .add("sum_xy", DataTypes.DoubleType, false);

    private ExperimentMetrics() {}

    /**
     * The latest row per experiment (the file loaded last wins), its {@code primary_metric} under the metric's
     * one name ({@link #canonicalPrimaryMetric}).
     */
    static Dataset<Row> latestExperiments(Dataset<Row> experiments) {
        return LoadOrder.latest(experiments, "experiment_id")
                .withColumn("primary_metric", canonicalPrimaryMetric(col("primary_metric")));
    }

    /**
     * {@link ExperimentMetric#canonicalName} as a Spark expression: a known name or alias (any case, {@code -}
     * or space for {@code _}) becomes the {@code experiment_result.metric} name; anything else is kept as given.
     */
    static Column canonicalPrimaryMetric(Column given) {
        Column key = regexp_replace(lower(trim(given)), "[- ]", "_");
        Column out = null;
        for (ExperimentMetric m : ExperimentMetric.ALL) {
            List<Object> names = new ArrayList<>(m.aliases());
            names.add(m.name());
            out = out == null ? when(key.isin(names.toArray()), lit(m.name()))
                    : out.when(key.isin(names.toArray()), lit(m.name()));
        }
        return out.otherwise(given);
    }

    /**
     * One row per assigned customer (the first assignment wins) with its metric windows: conversion and
     * revenue in {@code [assigned_at, last show end + 24 h)}, store visits in {@code [assigned_at, last
     * show end + 7 d)}, pre-period {@code [assigned_at − 28 d, assigned_at)}. Experiments without a show
     * fall back to their own {@code ends_at}; with neither they have no window and are left out.
     */
    static Dataset<Row> assignedCustomers(Dataset<Row> experiments, Dataset<Row> assignments, Dataset<Row> shows) {
        Dataset<Row> lastShow = shows.filter(col("experiment_id").isNotNull()).groupBy("experiment_id")
                .agg(max(unix_millis(col("ends_at"))).as("last_show_end_ms"));
        Dataset<Row> first = assignments
                .withColumn("_rank", row_number().over(Window.partitionBy("experiment_id", "customer_id")
                        .orderBy(col("assigned_at"), col("_run_id"), col("_file_order"), col("_line"))))
                .filter(col("_rank").equalTo(1))
                .select(col("experiment_id"), col("customer_id"), col("variant"),
                        unix_millis(col("assigned_at")).as("assigned_ms"));
        Column end = coalesce(col("last_show_end_ms"), unix_millis(col("ends_at")));
        return first.join(experiments.select("experiment_id", "ends_at"), "experiment_id")
                .join(lastShow, new String[] {"experiment_id"}, "left")
                .filter(end.isNotNull())
                .select(col("experiment_id"), col("customer_id"), col("variant"), col("assigned_ms"),
                        end.plus(CONVERSION_WINDOW_MILLIS).as("conversion_end_ms"),
                        end.plus(VISIT_WINDOW_MILLIS).as("visit_end_ms"),
                        col("assigned_ms").minus(PRE_PERIOD_MILLIS).as("pre_start_ms"));
    }

    /**
     * Per assigned customer: Y and X of every metric. Y: in-window; X: the same metric in the pre-period.
     */
    static Dataset<Row> customerMetrics(Dataset<Row> assigned, Dataset<Row> netLines, Dataset<Row> storeVisits) {
        Dataset<Row> lines = netLines.filter(col("customer_id").isNotNull())
                .select(col("customer_id"), col("ts_ms"), col("revenue").cast("double").as("revenue"));
        Column inWindow = col("ts_ms").geq(col("assigned_ms")).and(col("ts_ms").lt(col("conversion_end_ms")));
        Column inPre = col("ts_ms").geq(col("pre_start_ms")).and(col("ts_ms").lt(col("assigned_ms")));
        Dataset<Row> purchases = assigned.join(lines, "customer_id")
                .filter(inWindow.or(inPre))
                .groupBy("experiment_id", "customer_id").agg(
                        sum(when(inWindow, col("revenue")).otherwise(0.0)).as("revenue_y"),
                        sum(when(inPre, col("revenue")).otherwise(0.0)).as("revenue_x"),
                        count(when(inWindow, lit(1))).as("lines_y"),
                        count(when(inPre, lit(1))).as("lines_x"));
        Dataset<Row> visits = storeVisits.select(col("customer_id"), unix_millis(col("ts")).as("ts_ms"));
        Column visitWindow = col("ts_ms").geq(col("assigned_ms")).and(col("ts_ms").lt(col("visit_end_ms")));
        Dataset<Row> visited = assigned.join(visits, "customer_id")
                .filter(visitWindow.or(inPre))
                .groupBy("experiment_id", "customer_id").agg(
                        count(when(visitWindow, lit(1))).as("visits_y"),
                        count(when(inPre, lit(1))).as("visits_x"));
        String[] key = {"experiment_id", "customer_id"};
        return assigned.join(purchases, key, "left").join(visited, key, "left").select(
                col("experiment_id"), col("customer_id"), col("variant"),
                when(coalesce(col("lines_y"), lit(0L)).gt(0), 1.0).otherwise(0.0).as("converted_y"),
                when(coalesce(col("lines_x"), lit(0L)).gt(0), 1.0).otherwise(0.0).as("converted_x"),
                coalesce(col("revenue_y"), lit(0.0)).as("revenue_y"),
                coalesce(col("revenue_x"), lit(0.0)).as("revenue_x"),
                when(coalesce(col("visits_y"), lit(0L)).gt(0), 1.0).otherwise(0.0).as("visited_store_y"),
                when(coalesce(col("visits_x"), lit(0L)).gt(0), 1.0).otherwise(0.0).as("visited_store_x"));
    }

    /** Gold sufficient statistics: one row per experiment, variant and metric. */
    static Dataset<Row> sufficientStatistics(Dataset<Row> customerMetrics) {
        List<Column> aggs = new ArrayList<>();
        for (ExperimentMetric m : ExperimentMetric.ALL) {
            Column y = col(m.name() + "_y");
            Column x = col(m.name() + "_x");
            aggs.add(sum(y).as(m.name() + ":sum_y"));
            aggs.add(sum(y.multiply(y)).as(m.name() + ":sum_y2"));
            aggs.add(sum(x).as(m.name() + ":sum_x"));
            aggs.add(sum(x.multiply(x)).as(m.name() + ":sum_x2"));
            aggs.add(sum(x.multiply(y)).as(m.name() + ":sum_xy"));
        }
        Dataset<Row> wide = customerMetrics.groupBy("experiment_id", "variant")
                .agg(count(lit(1)).as("n"), aggs.toArray(new Column[0]));
        Dataset<Row> out = null;
        for (ExperimentMetric m : ExperimentMetric.ALL) {
            Dataset<Row> one = wide.select(col("experiment_id"), col("variant"), lit(m.name()).as("metric"), col("n"),
                    col("`" + m.name() + ":sum_y`").as("sum_y"), col("`" + m.name() + ":sum_y2`").as("sum_y2"),
                    col("`" + m.name() + ":sum_x`").as("sum_x"), col("`" + m.name() + ":sum_x2`").as("sum_x2"),
                    col("`" + m.name() + ":sum_xy`").as("sum_xy"));
            out = out == null ? one : out.union(one);
        }
        return out;
    }

    static final StructType RESULT_SCHEMA = new StructType()
            .add("experiment_id", DataTypes.StringType, false).add("metric", DataTypes.StringType, false)
            .add("variant", DataTypes.StringType, false).add("adjusted", DataTypes.BooleanType, false)
            .add("n", DataTypes.LongType, false).add("value", DataTypes.DoubleType)
            .add("control_n", DataTypes.LongType, false).add("control_value", DataTypes.DoubleType)
            .add("abs_lift", DataTypes.DoubleType).add("abs_ci_low", DataTypes.DoubleType)
            .add("abs_ci_high", DataTypes.DoubleType).add("rel_lift", DataTypes.DoubleType)
            .add("rel_ci_low", DataTypes.DoubleType).add("rel_ci_high", DataTypes.DoubleType)
            .add("p_value", DataTypes.DoubleType).add("p_value_holm", DataTypes.DoubleType)
            .add("p_value_bh", DataTypes.DoubleType).add("seq_ci_low", DataTypes.DoubleType)
            .add("seq_ci_high", DataTypes.DoubleType).add("theta", DataTypes.DoubleType)
            .add("variance_reduction", DataTypes.DoubleType).add("srm_p_value", DataTypes.DoubleType)
            .add("error_code", DataTypes.StringType);

    static final StructType SUMMARY_SCHEMA = new StructType()
            .add("experiment_id", DataTypes.StringType, false).add("srm_p_value", DataTypes.DoubleType)
            .add("srm_flagged", DataTypes.BooleanType, false).add("srm_error_code", DataTypes.StringType)
            .add("assigned", DataTypes.LongType, false);

    static final StructType DECISION_SCHEMA = new StructType()
            .add("experiment_id", DataTypes.StringType, false).add("variant", DataTypes.StringType, false)
            .add("metric", DataTypes.StringType, false).add("decision", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, false).add("mde_abs", DataTypes.DoubleType)
            .add("power_10pct", DataTypes.DoubleType).add("n_needed_10pct", DataTypes.DoubleType);

    /**
     * Gold experiment results: one row per experiment, metric, variant and raw/adjusted; one summary per
     * experiment; one row per variant; one decision per treatment variant (SPEC section 6).
     */
    record Results(Dataset<Row> results, Dataset<Row> summaries, Dataset<Row> variants, Dataset<Row> decisions) {}

    static final StructType VARIANT_SCHEMA = new StructType()
            .add("experiment_id", DataTypes.StringType, false).add("variant", DataTypes.StringType, false)
            .add("assigned", DataTypes.LongType, false).add("expected_share", DataTypes.DoubleType)
            .add("is_control", DataTypes.BooleanType, false);

    /** Runs {@link ExperimentAnalysis} on the collected statistics (small: a few rows per experiment). */
    static Results results(SparkSession spark, Dataset<Row> experiments, Dataset<Row> stats) {
        Map<String, Map<String, Map<String, RegressionStats>>> byExperiment = new HashMap<>();
        for (Row r : stats.collectAsList()) {
            byExperiment.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
                    .put(r.getString(2), new RegressionStats(r.getLong(3), r.getDouble(4), r.getDouble(5),
                            r.getDouble(6), r.getDouble(7), r.getDouble(8)));
        }
        List<Row> results = new ArrayList<>();
        List<Row> summaries = new ArrayList<>();
        List<Row> variantRows = new ArrayList<>();
        List<Row> decisions = new ArrayList<>();
        for (Row e : experiments.select("experiment_id", "control_variant", "expected_split", "primary_metric")
                .collectAsList()) {
            String id = e.getString(0);
            Map<String, Double> split = e.isNullAt(2) ? null : new LinkedHashMap<>(e.getJavaMap(2));
            Map<String, Map<String, RegressionStats>> variants = byExperiment.getOrDefault(id, Map.of());
            ExperimentAnalysis.Analysis a = ExperimentAnalysis.analyse(
                    new ExperimentAnalysis.Input(id, e.getString(1), split, variants));
            long assigned = a.srm().cells().stream().mapToLong(c -> c.observed()).sum();
            summaries.add(RowFactory.create(id, a.srm().pValue(), a.srm().flagged(), a.srm().errorCode(), assigned));
            for (var cell : a.srm().cells()) {
                variantRows.add(RowFactory.create(id, cell.variant(), cell.observed(), cell.expectedShare(),
                        cell.variant().equals(e.getString(1))));
            }
            for (ExperimentAnalysis.Row r : a.rows()) {
                TwoSampleResult t = r.result();
                results.add(RowFactory.create(r.experimentId(), r.metric(), r.variant(), r.adjusted(), t.n(), t.value(),
                        t.controlN(), t.controlValue(), t.absLift(), t.absCiLow(), t.absCiHigh(), t.relLift(),
                        t.relCiLow(), t.relCiHigh(), t.pValue(), r.pValueHolm(), r.pValueBh(), r.seqCiLow(),
                        r.seqCiHigh(), r.theta(), r.varianceReduction(), r.srmPValue(), r.errorCode()));
            }
            for (ExperimentDecision.Decision d : ExperimentDecision.decide(a, e.isNullAt(3) ? null : e.getString(3))) {
                decisions.add(RowFactory.create(d.experimentId(), d.variant(), d.metric(), d.decision(), d.reason(),
                        d.mdeAbs(), d.power10pct(), d.nNeeded10pct()));
            }
        }
        return new Results(spark.createDataFrame(results, RESULT_SCHEMA), spark.createDataFrame(summaries, SUMMARY_SCHEMA),
                spark.createDataFrame(variantRows, VARIANT_SCHEMA), spark.createDataFrame(decisions, DECISION_SCHEMA));
    }
}
