package io.showmetrics.jobs.compute;

import static io.showmetrics.jobs.support.Rows.ORDERS;
import static io.showmetrics.jobs.support.Rows.at;
import static io.showmetrics.jobs.support.Rows.frame;
import static io.showmetrics.jobs.support.Rows.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.runtime.TestSparkSession;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Experiment windows and sufficient statistics on a hand-made experiment: show x1 ends at T0 + 1 h, so
 * conversion runs to T0 + 25 h and store visits to T0 + 1 h + 7 d.
 */
class ExperimentMetricsTest {
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static SparkSession spark;

    static final StructType EXPERIMENTS = new StructType().add("experiment_id", DataTypes.StringType)
            .add("name", DataTypes.StringType).add("control_variant", DataTypes.StringType)
            .add("ends_at", DataTypes.TimestampType)
            .add("expected_split", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));
    static final StructType ASSIGNMENTS = new StructType().add("experiment_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType).add("variant", DataTypes.StringType)
            .add("assigned_at", DataTypes.TimestampType).add("_run_id", DataTypes.StringType)
            .add("_file_order", DataTypes.IntegerType).add("_line", DataTypes.LongType);
    static final StructType SHOWS = new StructType().add("show_id", DataTypes.StringType)
            .add("experiment_id", DataTypes.StringType).add("ends_at", DataTypes.TimestampType);
    static final StructType VISITS = new StructType().add("customer_id", DataTypes.StringType)
            .add("ts", DataTypes.TimestampType);

    @BeforeAll
    static void startSpark() {
        spark = TestSparkSession.get();
    }

    private static Row assign(String customer, String variant, long seconds, long line) {
        return RowFactory.create("e1", customer, variant, at(seconds), "r1", 0, line);
    }

    private Map<String, Row> perCustomer() {
        Dataset<Row> experiments = frame(spark, EXPERIMENTS,
                List.of(RowFactory.create("e1", "Push invite", "holdout", null, null)));
        Dataset<Row> assignments = frame(spark, ASSIGNMENTS, List.of(
                assign("c1", "push", -DAY, 1), assign("c1", "holdout", -HOUR, 2), // first assignment wins
                assign("c2", "holdout", -DAY, 3), assign("c3", "push", -DAY, 4), assign("c4", "holdout", -DAY, 5)));
        Dataset<Row> shows = frame(spark, SHOWS, List.of(RowFactory.create("x1", "e1", at(HOUR)),
                RowFactory.create("x0", "e1", at(-HOUR))));
        Dataset<Row> lines = SalesMetrics.netOrderLines(frame(spark, ORDERS, List.of(
                order("a", "A", 25 * HOUR - 1, 1, "30.00", "c1", null, "web"), // last second of the window
                order("b", "A", 25 * HOUR, 1, "99.00", "c2", null, "web"), // window end: out
                order("c", "A", -2 * DAY, 2, "10.00", "c2", null, "store"), // pre-period of c2
                order("d", "A", -30 * DAY, 1, "10.00", "c3", null, "web")))); // before the 28-day pre-period
        Dataset<Row> visits = frame(spark, VISITS, List.of(RowFactory.create("c3", at(HOUR + 7 * DAY - 1)),
                RowFactory.create("c4", at(HOUR + 7 * DAY))));
        Dataset<Row> assigned = ExperimentMetrics.assignedCustomers(experiments, frame(spark, ASSIGNMENTS,
                assignments.collectAsList()), shows);
        Map<String, Row> out = new TreeMap<>();
        for (Row r : ExperimentMetrics.customerMetrics(assigned, lines, visits).collectAsList()) {
            out.put(r.getAs("customer_id"), r);
        }
        return out;
    }

    @Test
    void windowsRunFromAssignmentToTheLastShowEndPlus24HoursAndSevenDaysForVisits() {
        Map<String, Row> m = perCustomer();
        assertThat(m.get("c1").<String>getAs("variant")).isEqualTo("push");
        assertThat(m.get("c1").<Double>getAs("converted_y")).isEqualTo(1.0);
        assertThat(m.get("c1").<Double>getAs("revenue_y")).isEqualTo(30.0);
        assertThat(m.get("c2").<Double>getAs("converted_y")).isEqualTo(0.0);
        assertThat(m.get("c2").<Double>getAs("revenue_x")).isEqualTo(20.0);
        assertThat(m.get("c2").<Double>getAs("converted_x")).isEqualTo(1.0);
        assertThat(m.get("c3").<Double>getAs("revenue_x")).isEqualTo(0.0);
        assertThat(m.get("c3").<Double>getAs("visited_store_y")).isEqualTo(1.0);
        assertThat(m.get("c4").<Double>getAs("visited_store_y")).isEqualTo(0.0);
    }

    @Test
    void sufficientStatisticsSumPerVariantAndMetric() {
        Dataset<Row> perCustomer = spark.createDataFrame(List.copyOf(perCustomer().values()),
                perCustomer().values().iterator().next().schema());
        Map<String, Row> stats = new TreeMap<>();
        for (Row r : ExperimentMetrics.sufficientStatistics(perCustomer).collectAsList()) {
            stats.put(r.getAs("variant") + "/" + r.getAs("metric"), r);
        }
        Row revenueHoldout = stats.get("holdout/revenue"); // c2 (Y 0, X 20) and c4 (0, 0)
        assertThat(revenueHoldout.<Long>getAs("n")).isEqualTo(2L);
        assertThat(revenueHoldout.<Double>getAs("sum_x")).isEqualTo(20.0);
        assertThat(revenueHoldout.<Double>getAs("sum_x2")).isEqualTo(400.0);
        Row revenuePush = stats.get("push/revenue"); // c1 (30, 0) and c3 (0, 0)
        assertThat(revenuePush.<Double>getAs("sum_y")).isCloseTo(30.0, within(1e-9));
        assertThat(revenuePush.<Double>getAs("sum_y2")).isCloseTo(900.0, within(1e-9));
        assertThat(stats.get("push/visited_store").<Double>getAs("sum_y")).isEqualTo(1.0);
    }

    static final StructType FEED = new StructType().add("experiment_id", DataTypes.StringType)
            .add("primary_metric", DataTypes.StringType).add("_run_id", DataTypes.StringType)
            .add("_file_order", DataTypes.IntegerType).add("_line", DataTypes.LongType);

    @Test
    void primaryMetricIsPublishedUnderTheResultNameAndAnUnknownOneIsKeptAsGiven() {
        Dataset<Row> feed = frame(spark, FEED, List.of(RowFactory.create("e1", "conversion", "r1", 0, 1L),
                RowFactory.create("e2", "Store-Visits", "r1", 0, 2L), RowFactory.create("e3", "Basket Size", "r1", 0, 3L),
                RowFactory.create("e4", null, "r1", 0, 4L), RowFactory.create("e5", "revenue", "r1", 0, 5L)));
        Map<String, String> primary = new TreeMap<>();
        for (Row r : ExperimentMetrics.latestExperiments(feed).collectAsList()) {
            primary.put(r.getAs("experiment_id"), r.getAs("primary_metric"));
        }
        assertThat(primary).containsEntry("e1", "converted").containsEntry("e2", "visited_store")
                .containsEntry("e3", "Basket Size").containsEntry("e4", null).containsEntry("e5", "revenue");
    }

    @Test
    void incrementalVisitsArePerExperimentAndTreatmentVariantWithTheHoldoutSaid() {
        Dataset<Row> stats = spark.createDataFrame(List.of(
                RowFactory.create("hold", "holdout", "visited_store", 300L, 30.0, 30.0, 0.0, 0.0, 0.0),
                RowFactory.create("hold", "push", "visited_store", 700L, 105.0, 105.0, 0.0, 0.0, 0.0),
                RowFactory.create("hold", "push", "converted", 700L, 500.0, 500.0, 0.0, 0.0, 0.0),
                RowFactory.create("host", "host_a", "visited_store", 100L, 10.0, 10.0, 0.0, 0.0, 0.0),
                RowFactory.create("host", "host_b", "visited_store", 200L, 40.0, 40.0, 0.0, 0.0, 0.0),
                RowFactory.create("host", "host_c", "visited_store", 100L, 10.0, 10.0, 0.0, 0.0, 0.0)),
                ExperimentMetrics.STATS_SCHEMA);
        Map<String, Row> rows = new TreeMap<>();
        for (Row r : StoreVisitMetrics.incrementalVisits(spark, stats, Map.of("hold", "holdout", "host", "host_a"))
                .collectAsList()) {
            rows.put(r.getAs("experiment_id") + "/" + r.getAs("variant"), r);
        }
        assertThat(rows).containsOnlyKeys("hold/push", "host/host_b", "host/host_c");
        assertThat(rows.get("hold/push").<Boolean>getAs("holdout")).isTrue();
        assertThat(rows.get("hold/push").<Double>getAs("visits")).isCloseTo(35.0, within(1e-9));
        assertThat(rows.get("hold/push").<Long>getAs("treated")).isEqualTo(700L);
        assertThat(rows.get("host/host_b").<Boolean>getAs("holdout")).isFalse();
        assertThat(rows.get("host/host_b").<String>getAs("control_variant")).isEqualTo("host_a");
        assertThat(rows.get("host/host_b").<Double>getAs("visits")).isCloseTo(20.0, within(1e-9));
    }

    static final StructType DECIDED = new StructType().add("experiment_id", DataTypes.StringType)
            .add("control_variant", DataTypes.StringType)
            .add("expected_split", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
            .add("primary_metric", DataTypes.StringType);

    /** Binary and continuous statistics of one arm without a pre-period: conversions of n, revenue sum and squares. */
    private static List<Row> arm(String experiment, String variant, long n, double conversions, double revenue,
            double revenue2) {
        return List.of(RowFactory.create(experiment, variant, "converted", n, conversions, conversions, 0.0, 0.0, 0.0),
                RowFactory.create(experiment, variant, "revenue", n, revenue, revenue2, 0.0, 0.0, 0.0),
                RowFactory.create(experiment, variant, "visited_store", n, n / 10.0, n / 10.0, 0.0, 0.0, 0.0));
    }

    @Test
    void everyTreatmentVariantGetsOneDecisionOnItsPrimaryMetric() {
        List<Row> stats = new java.util.ArrayList<>();
        stats.addAll(arm("win", "control", 5000, 250, 50_000, 2_000_000));
        stats.addAll(arm("win", "b", 5000, 400, 50_500, 2_010_000));
        stats.addAll(arm("skewed", "control", 5000, 250, 50_000, 2_000_000));
        stats.addAll(arm("skewed", "b", 4000, 400, 40_400, 1_610_000));
        Dataset<Row> experiments = frame(spark, DECIDED, List.of(RowFactory.create("win", "control", null, "conversion"),
                RowFactory.create("skewed", "control", null, null)));

        ExperimentMetrics.Results results = ExperimentMetrics.results(spark, experiments,
                spark.createDataFrame(stats, ExperimentMetrics.STATS_SCHEMA));

        Map<String, Row> decisions = new TreeMap<>();
        for (Row r : results.decisions().collectAsList()) {
            decisions.put(r.getAs("experiment_id") + "/" + r.getAs("variant"), r);
        }
        assertThat(decisions).containsOnlyKeys("win/b", "skewed/b");
        assertThat(decisions.get("win/b").<String>getAs("metric")).isEqualTo("converted");
        assertThat(decisions.get("win/b").<String>getAs("decision")).isEqualTo("ship");
        assertThat(decisions.get("win/b").<String>getAs("reason")).startsWith("Ship b: converted +60.0% against control");
        assertThat(decisions.get("win/b").<Double>getAs("power_10pct")).isBetween(0.0, 1.0);
        assertThat(decisions.get("skewed/b").<String>getAs("decision")).isEqualTo("srm_blocked");
    }
}
