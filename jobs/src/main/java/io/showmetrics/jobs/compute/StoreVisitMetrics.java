package io.showmetrics.jobs.compute;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import io.showmetrics.core.attribution.Attribution;
import io.showmetrics.core.attribution.Journey;
import io.showmetrics.core.attribution.JourneyCredit;
import io.showmetrics.core.attribution.MarkovModel;
import io.showmetrics.core.attribution.Model;
import io.showmetrics.core.attribution.Path;
import io.showmetrics.core.attribution.Touch;
import io.showmetrics.core.experiments.ExperimentMetric;
import io.showmetrics.core.experiments.IncrementalVisits;
import io.showmetrics.core.stats.SampleStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Store-visit attribution (SPEC section 2): which store visits the shows influenced, credit per show,
 * store and model (last touch, first touch, linear, time decay, Markov), per-show totals and survey
 * share, and the store visits each experiment changed (a number of the experiment, not of its shows). The models themselves are the
 * plain-Java {@code io.showmetrics.core.attribution} package.
 */
public final class StoreVisitMetrics {
    static final StructType PATH_SCHEMA = new StructType()
            .add("shows", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("converted", DataTypes.BooleanType, false);
    static final StructType CREDIT_SCHEMA = new StructType()
            .add("visit_id", DataTypes.StringType, false).add("model", DataTypes.StringType, false)
            .add("show_id", DataTypes.StringType, false).add("credit", DataTypes.DoubleType, false);

    private StoreVisitMetrics() {}

    /**
     * One row per influenced visit: {@code visit_id, customer_id, store_id, ts_ms, saw_show, touches}
     * where touches are the shows the customer watched live that ended in {@code (t − 7 d, t]}.
     *
     * @param watched {@code customer_id, show_id, end_ms}
     */
    static Dataset<Row> journeys(Dataset<Row> visits, Dataset<Row> watched) {
        Dataset<Row> v = visits.select(col("visit_id"), col("customer_id"), col("store_id"),
                unix_millis(col("ts")).as("ts_ms"), col("saw_show"));
        return v.alias("v").join(watched.alias("w"), col("v.customer_id").equalTo(col("w.customer_id"))
                        .and(col("w.end_ms").gt(col("v.ts_ms").minus(Attribution.WINDOW_MILLIS)))
                        .and(col("w.end_ms").leq(col("v.ts_ms"))))
                .groupBy(col("v.visit_id").as("visit_id"), col("v.customer_id").as("customer_id"),
                        col("v.store_id").as("store_id"), col("v.ts_ms").as("ts_ms"), col("v.saw_show").as("saw_show"))
                .agg(collect_list(struct(col("w.show_id").as("show_id"), col("w.end_ms").as("end_ms"))).as("touches"));
    }

    /** Markov paths per customer (SPEC "Markov attribution"), built by {@link Attribution#paths}. */
    static Dataset<Row> paths(Dataset<Row> visits, Dataset<Row> watched) {
        Dataset<Row> perCustomer = watched.groupBy("customer_id")
                .agg(collect_list(struct(col("show_id"), col("end_ms"))).as("watched"))
                .join(visits.groupBy("customer_id").agg(collect_list(unix_millis(col("ts"))).as("visits")),
                        new String[] {"customer_id"}, "left");
        return perCustomer.flatMap(new PathsFn(), Encoders.row(PATH_SCHEMA));
    }

    /** Input: {@code customer_id, watched (show_id, end_ms)[], visits ts_ms[]}; output: the customer's paths. */
    static final class PathsFn implements FlatMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Row row) {
            List<Touch> touches = new ArrayList<>();
            for (Row t : row.<Row>getList(1)) {
                touches.add(new Touch(t.getString(0), t.getLong(1)));
            }
            List<Long> visits = row.isNullAt(2) ? List.of() : row.<Long>getList(2);
            List<Row> out = new ArrayList<>();
            for (Path p : Attribution.paths(touches, visits)) {
                out.add(RowFactory.create(scala.jdk.javaapi.CollectionConverters.asScala(p.shows()).toSeq(),
                        p.converted()));
            }
            return out.iterator();
        }
    }

    /** Fits the Markov chain on every path (identical paths are counted once in Spark, then expanded). */
    static MarkovModel fitMarkov(Dataset<Row> paths) {
        List<Path> all = new ArrayList<>();
        for (Row r : paths.groupBy("shows", "converted").agg(count(lit(1)).as("n")).collectAsList()) {
            Path p = new Path(r.<String>getList(0), r.getBoolean(1));
            for (long i = 0; i < r.getLong(2); i++) {
                all.add(p);
            }
        }
        return MarkovModel.fit(all);
    }

    /**
     * Credit rows {@code visit_id, model, show_id, credit} for every influenced visit and model. Runs on
     * the driver: one row per influenced visit is small next to the events (tens of thousands at scale 1).
     */
    static Dataset<Row> credits(SparkSession spark, Dataset<Row> journeys, MarkovModel markov) {
        List<Journey> list = new ArrayList<>();
        for (Row r : journeys.select("visit_id", "ts_ms", "touches").collectAsList()) {
            List<Touch> touches = new ArrayList<>();
            for (Row t : r.<Row>getList(2)) {
                touches.add(new Touch(t.getString(0), t.getLong(1)));
            }
            list.add(new Journey(r.getString(0), r.getLong(1), touches));
        }
        List<Row> rows = new ArrayList<>();
        for (Model model : Model.values()) {
            for (JourneyCredit c : Attribution.creditAll(model, list, markov)) {
                for (Map.Entry<String, Double> e : c.credit().entrySet()) {
                    rows.add(RowFactory.create(c.visitId(), model.specName(), e.getKey(), e.getValue()));
                }
            }
        }
        return spark.createDataFrame(rows, CREDIT_SCHEMA);
    }

    /** Gold {@code store_attribution}: credited visits per show, store and model. */
    static Dataset<Row> storeAttribution(Dataset<Row> journeys, Dataset<Row> credits) {
        return credits.join(journeys.select("visit_id", "store_id"), "visit_id")
                .groupBy("show_id", "store_id", "model").agg(sum("credit").as("visits"));
    }

    /**
     * Per show: {@code influenced_store_visits} (influenced visits whose window holds the show),
     * {@code influenced_visitors} (distinct customers) and {@code saw_show_share} (share answering yes
     * among the answered surveys; NULL when none answered).
     */
    static Dataset<Row> showVisits(Dataset<Row> journeys) {
        return journeys.select(col("visit_id"), col("customer_id"), col("saw_show"),
                        org.apache.spark.sql.functions.explode(col("touches.show_id")).as("show_id"))
                .groupBy("show_id").agg(
                        count(lit(1)).cast("double").as("influenced_store_visits"),
                        countDistinct("customer_id").as("influenced_visitors"),
                        avg(when(col("saw_show").isNotNull(), when(col("saw_show"), 1.0).otherwise(0.0)))
                                .as("saw_show_share"));
    }

    static final StructType INCREMENTAL_SCHEMA = new StructType()
            .add("experiment_id", DataTypes.StringType, false).add("variant", DataTypes.StringType, false)
            .add("control_variant", DataTypes.StringType, false).add("holdout", DataTypes.BooleanType, false)
            .add("treated", DataTypes.LongType, false).add("control_n", DataTypes.LongType, false)
            .add("visits", DataTypes.DoubleType).add("ci_low", DataTypes.DoubleType)
            .add("ci_high", DataTypes.DoubleType).add("error_code", DataTypes.StringType);

    /**
     * Gold {@code experiment_incremental}: the store visits each experiment changed, per treatment variant
     * against its control ({@link IncrementalVisits}): a number of the experiment over all of its shows, not
     * of any one show.
     *
     * @param stats gold {@code experiment_stats}
     * @param controls experiment_id → control variant (experiments without one are left out)
     */
    static Dataset<Row> incrementalVisits(SparkSession spark, Dataset<Row> stats, Map<String, String> controls) {
        Map<String, Map<String, SampleStats>> arms = new TreeMap<>();
        for (Row r : stats.filter(col("metric").equalTo(ExperimentMetric.VISITED_STORE.name())).collectAsList()) {
            String experiment = r.getAs("experiment_id");
            if (controls.containsKey(experiment)) {
                arms.computeIfAbsent(experiment, k -> new HashMap<>()).merge(r.<String>getAs("variant"),
                        new SampleStats(r.<Long>getAs("n"), r.<Double>getAs("sum_y"), r.<Double>getAs("sum_y2")),
                        SampleStats::plus);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, SampleStats>> e : arms.entrySet()) {
            for (IncrementalVisits.Row v : IncrementalVisits.of(e.getKey(), controls.get(e.getKey()), e.getValue())) {
                rows.add(RowFactory.create(v.experimentId(), v.variant(), v.controlVariant(), v.holdout(), v.treated(),
                        v.controlN(), v.visits(), v.ciLow(), v.ciHigh(), v.errorCode()));
            }
        }
        return spark.createDataFrame(rows, INCREMENTAL_SCHEMA);
    }
}
