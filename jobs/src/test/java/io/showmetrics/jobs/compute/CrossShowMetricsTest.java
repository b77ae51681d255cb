package io.showmetrics.jobs.compute;

import static io.showmetrics.jobs.support.Rows.ORDERS;
import static io.showmetrics.jobs.support.Rows.T0;
import static io.showmetrics.jobs.support.Rows.at;
import static io.showmetrics.jobs.support.Rows.frame;
import static io.showmetrics.jobs.support.Rows.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.runtime.TestSparkSession;
import java.sql.Date;
import java.time.LocalDate;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Retention, store-visit attribution and omnichannel on hand-made tables. T0 = Sunday 2026-03-01
 * 19:00 UTC, so its ISO week starts Monday 2026-02-23.
 */
class CrossShowMetricsTest {
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    private static SparkSession spark;

    static final StructType PRESENCE = new StructType().add("show_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType).add("start_ms", DataTypes.LongType)
            .add("end_ms", DataTypes.LongType);
    static final StructType SHOWS = new StructType().add("show_id", DataTypes.StringType)
            .add("starts_at", DataTypes.TimestampType).add("ends_at", DataTypes.TimestampType);
    static final StructType SEGMENTS = new StructType().add("customer_id", DataTypes.StringType)
            .add("cohort_week", DataTypes.DateType).add("segment", DataTypes.StringType);
    static final StructType VISITS = new StructType().add("visit_id", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType).add("store_id", DataTypes.StringType)
            .add("ts", DataTypes.TimestampType).add("saw_show", DataTypes.BooleanType);
    static final StructType WATCHED = new StructType().add("customer_id", DataTypes.StringType)
            .add("show_id", DataTypes.StringType).add("end_ms", DataTypes.LongType);

    @BeforeAll
    static void startSpark() {
        spark = TestSparkSession.get();
    }

    private static long ms(long seconds) {
        return T0.toEpochMilli() + seconds * 1000;
    }

    private static Row presence(String show, String customer, long startSeconds) {
        return RowFactory.create(show, customer, ms(startSeconds), ms(startSeconds + 600));
    }

    @Nested
    class Retention {
        @Test
        void cohortCellsRunToTheLastActiveWeekAndCountZerosInside() {
            // c1 first seen week 0, again week 2; c2 first seen week 0 only; c3 first seen week 1.
            Dataset<Row> p = frame(spark, PRESENCE, List.of(presence("a", "c1", 0), presence("c", "c1", 2 * WEEK),
                    presence("a", "c2", 0), presence("b", "c3", WEEK)));
            Dataset<Row> activity = RetentionMetrics.viewerActivity(p);
            Dataset<Row> cohorts = RetentionMetrics.cohorts(activity);
            Dataset<Row> segments = cohorts.selectExpr("customer_id", "cohort_week", "'all' AS segment");
            Map<String, Row> cells = new TreeMap<>();
            for (Row r : RetentionMetrics.cohortCells("viewer", activity, segments).collectAsList()) {
                cells.put(r.getAs("cohort_week").toString() + "+" + r.getAs("week_offset"), r);
            }
            // cohort 2026-02-23: k = 0, 1, 2; cohort 2026-03-02: k = 0, 1; nothing after week 2.
            assertThat(cells.keySet()).containsExactly("2026-02-23+0", "2026-02-23+1", "2026-02-23+2",
                    "2026-03-02+0", "2026-03-02+1");
            assertThat(cells.get("2026-02-23+0").<Double>getAs("rate")).isEqualTo(1.0);
            assertThat(cells.get("2026-02-23+1").<Long>getAs("retained")).isZero();
            assertThat(cells.get("2026-02-23+2").<Double>getAs("rate")).isEqualTo(0.5);
            assertThat(cells.get("2026-03-02+1").<Double>getAs("rate")).isZero();
        }

        @Test
        void returningAndNextShowRetentionPerShow() {
            Dataset<Row> shows = frame(spark, SHOWS, List.of(
                    RowFactory.create("a", at(0), at(HOUR)),
                    RowFactory.create("b", at(10 * DAY), at(10 * DAY + HOUR)),
                    RowFactory.create("c", at(45 * DAY), at(45 * DAY + HOUR))));
            Dataset<Row> p = frame(spark, PRESENCE, List.of(presence("a", "c1", 0), presence("a", "c2", 0),
                    presence("b", "c1", 10 * DAY), presence("c", "c2", 45 * DAY)));
            Map<String, Row> r = new TreeMap<>();
            for (Row row : RetentionMetrics.showRetention(shows, p).collectAsList()) {
                r.put(row.getAs("show_id"), row);
            }
            assertThat(r.get("a").<Double>getAs("returning_viewer_rate")).isZero();
            assertThat(r.get("a").<Double>getAs("next_show_retention")).isEqualTo(0.5); // c1 within 30 d, c2 not
            assertThat(r.get("b").<Double>getAs("returning_viewer_rate")).isEqualTo(1.0);
            assertThat(r.get("c").<Double>getAs("returning_viewer_rate")).isEqualTo(1.0);
        }
    }

    @Nested
    class StoreVisits {
        @Test
        void aVisitIsInfluencedByTheShowsThatEndedInTheSevenDaysBeforeIt() {
            Dataset<Row> watched = frame(spark, WATCHED, List.of(
                    RowFactory.create("c1", "a", ms(0)), RowFactory.create("c1", "b", ms(3 * DAY)),
                    RowFactory.create("c2", "a", ms(0))));
            Dataset<Row> visits = frame(spark, VISITS, List.of(
                    RowFactory.create("v1", "c1", "s1", at(5 * DAY), true), // a and b
                    RowFactory.create("v2", "c2", "s1", at(7 * DAY), false), // a ended exactly 7 d before: out
                    RowFactory.create("v3", "c2", "s2", at(0), null))); // a ended at the visit instant: in
            Dataset<Row> journeys = StoreVisitMetrics.journeys(visits, watched).cache();
            assertThat(journeys.count()).isEqualTo(2);
            Map<String, Row> perShow = new TreeMap<>();
            for (Row r : StoreVisitMetrics.showVisits(journeys).collectAsList()) {
                perShow.put(r.getAs("show_id"), r);
            }
            assertThat(perShow.get("a").<Double>getAs("influenced_store_visits")).isEqualTo(2.0);
            assertThat(perShow.get("a").<Long>getAs("influenced_visitors")).isEqualTo(2L);
            assertThat(perShow.get("a").<Double>getAs("saw_show_share")).isEqualTo(1.0); // only v1 answered
            Dataset<Row> credits = StoreVisitMetrics.credits(spark, journeys,
                    StoreVisitMetrics.fitMarkov(StoreVisitMetrics.paths(visits, watched)));
            Map<String, Double> linear = new TreeMap<>();
            for (Row r : StoreVisitMetrics.storeAttribution(journeys, credits).filter("model = 'linear'")
                    .collectAsList()) {
                linear.put(r.getAs("show_id") + "@" + r.getAs("store_id"), r.getAs("visits"));
            }
            assertThat(linear).containsEntry("a@s1", 0.5).containsEntry("b@s1", 0.5).containsEntry("a@s2", 1.0);
            for (String model : List.of("last_touch", "first_touch", "linear", "time_decay", "markov")) {
                double total = credits.filter("model = '" + model + "'").groupBy().sum("credit").head().getDouble(0);
                assertThat(total).as(model).isCloseTo(2.0, within(1e-9));
            }
        }
    }

    @Nested
    class Omnichannel {
        @Test
        void multichannelShareCountsCustomersBuyingInTwoOrMoreChannelsPerMonth() {
            Dataset<Row> lines = SalesMetrics.netOrderLines(frame(spark, ORDERS, List.of(
                    order("o1", "A", 0, 1, "10.00", "c1", "s", "live"),
                    order("o2", "A", DAY, 1, "20.00", "c1", null, "web"),
                    order("o3", "A", DAY, 1, "30.00", "c2", null, "web"),
                    order("o4", "A", DAY, 1, "5.00", null, null, "store"))));
            Dataset<Row> visits = spark.emptyDataFrame().selectExpr("CAST(NULL AS string) visit_id",
                    "CAST(NULL AS timestamp) ts", "CAST(NULL AS boolean) influenced").limit(0);
            Row march = OmnichannelMetrics.periods(lines, visits, null)
                    .filter("period = 'month' AND period_start = DATE'2026-03-01'").head();
            assertThat(march.<Long>getAs("customers")).isEqualTo(2L);
            assertThat(march.<Long>getAs("multichannel_customers")).isEqualTo(1L);
            assertThat(march.<Double>getAs("multichannel_share")).isEqualTo(0.5);
            Map<String, Row> byChannel = new TreeMap<>();
            for (Row r : OmnichannelMetrics.channelMonth(lines, null).collectAsList()) {
                byChannel.put(r.getAs("channel"), r);
            }
            assertThat(byChannel.get("web").<java.math.BigDecimal>getAs("revenue")).isEqualByComparingTo("50.00");
            assertThat(byChannel.get("store").<Long>getAs("customers")).isZero(); // a guest
            assertThat(byChannel.get("web").<Date>getAs("month").toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        }

        @Test
        void influencedRevenueCountsWebAppStoreLinesInTheDayAfterAWatchedShowOnce() {
            Dataset<Row> lines = SalesMetrics.netOrderLines(frame(spark, ORDERS, List.of(
                    order("o1", "A", HOUR, 1, "10.00", "c1", null, "web"), // after show a ends (at T0)
                    order("o2", "A", -10, 1, "20.00", "c1", null, "app"), // before the end: out
                    order("o3", "A", HOUR, 1, "40.00", "c1", "a", "live"), // live: not counted
                    order("o4", "A", DAY, 1, "30.00", "c1", null, "store")))); // 24 h after: out
            Dataset<Row> watched = frame(spark, WATCHED, List.of(RowFactory.create("c1", "a", ms(0)),
                    RowFactory.create("c1", "b", ms(0))));
            List<Row> r = OmnichannelMetrics.influencedRevenue(lines, watched, null).collectAsList();
            assertThat(r).hasSize(1);
            assertThat(r.get(0).<java.math.BigDecimal>getAs("revenue")).isEqualByComparingTo("10.00");
        }
        @Test
        void theMonthHoldingTheDataThroughIsPartialAndComparesWithTheSameSpanOfThePreviousMonth() {
            // Data through 2026-03-02 19:00 (T0 + 1 day). February: 100 on 1 Feb, 1000 on 20 Feb (outside the span
            // 1 Feb .. 2 Feb 19:00); March: 30 on 1 Mar, and 50 on 5 Mar, after the data through (still counted:
            // channel_month is SPEC's month of the placed line; the month is marked partial).
            long feb1 = -28 * DAY; // 2026-02-01 19:00
            Dataset<Row> lines = SalesMetrics.netOrderLines(frame(spark, ORDERS, List.of(
                    order("f1", "A", feb1, 1, "100.00", "c1", null, "web"),
                    order("f2", "A", feb1 + 19 * DAY, 1, "1000.00", "c1", null, "web"),
                    order("f3", "A", feb1 + HOUR, 1, "7.00", "c2", null, "store"),
                    order("m1", "A", 0, 1, "30.00", "c1", null, "web"),
                    order("m2", "A", 4 * DAY, 1, "50.00", "c1", null, "web"))));
            java.time.Instant dataThrough = T0.plusSeconds(DAY);
            Map<String, Row> rows = new TreeMap<>();
            for (Row r : OmnichannelMetrics.channelMonth(lines, dataThrough).collectAsList()) {
                rows.put(r.getAs("month").toString() + "/" + r.getAs("channel"), r);
            }
            Row marchWeb = rows.get("2026-03-01/web");
            assertThat(marchWeb.<Boolean>getAs("partial")).isTrue();
            assertThat(marchWeb.<java.math.BigDecimal>getAs("revenue")).isEqualByComparingTo("80.00");
            assertThat(marchWeb.<java.math.BigDecimal>getAs("prev_span_revenue")).isEqualByComparingTo("100.00");
            // The store sold in February's span but not yet in March: a zero row keeps the totals comparable.
            Row marchStore = rows.get("2026-03-01/store");
            assertThat(marchStore.<java.math.BigDecimal>getAs("revenue")).isEqualByComparingTo("0");
            assertThat(marchStore.<java.math.BigDecimal>getAs("prev_span_revenue")).isEqualByComparingTo("7.00");
            Row februaryWeb = rows.get("2026-02-01/web");
            assertThat(februaryWeb.<Boolean>getAs("partial")).isFalse();
            assertThat(februaryWeb.<java.math.BigDecimal>getAs("revenue")).isEqualByComparingTo("1100.00");
            assertThat(februaryWeb.isNullAt(februaryWeb.fieldIndex("prev_span_revenue"))).isTrue();
        }

        @Test
        void thePartialMonthOfInfluencedVisitsComparesWithTheSameSpan() {
            Dataset<Row> lines = SalesMetrics.netOrderLines(frame(spark, ORDERS, List.of(
                    order("m1", "A", 0, 1, "30.00", "c1", null, "web"))));
            StructType flags = new StructType().add("visit_id", DataTypes.StringType)
                    .add("ts", DataTypes.TimestampType).add("influenced", DataTypes.BooleanType);
            Dataset<Row> visits = frame(spark, flags, List.of(
                    RowFactory.create("v1", at(-28 * DAY), true), // 1 Feb: in the span
                    RowFactory.create("v2", at(-10 * DAY), true), // 19 Feb: outside it
                    RowFactory.create("v3", at(HOUR), true), // 1 Mar 20:00: counted
                    RowFactory.create("v4", at(3 * DAY), true))); // after the data through: counted, month partial
            Map<String, Row> rows = new TreeMap<>();
            for (Row r : OmnichannelMetrics.periods(lines, visits, T0.plusSeconds(DAY)).collectAsList()) {
                rows.put(r.getAs("period") + "/" + r.getAs("period_start"), r);
            }
            Row march = rows.get("month/2026-03-01");
            assertThat(march.<Boolean>getAs("partial")).isTrue();
            assertThat(march.<Long>getAs("influenced_visits")).isEqualTo(2L);
            assertThat(march.<Long>getAs("prev_span_influenced_visits")).isEqualTo(1L);
            assertThat(rows.get("month/2026-02-01").<Boolean>getAs("partial")).isFalse();
            // The first quarter holds the data through too: compared with 1 Oct .. 2 Dec 19:00 (no visit).
            Row q1 = rows.get("quarter/2026-01-01");
            assertThat(q1.<Boolean>getAs("partial")).isTrue();
            assertThat(q1.<Long>getAs("influenced_visits")).isEqualTo(4L);
            assertThat(q1.<Long>getAs("prev_span_influenced_visits")).isZero();
        }
    }

    @Nested
    class ShowMonth {
        // Show ends: a 2026-01-31 23:00, b 2026-02-01 01:00, c 2026-02-10 00:00, e 2026-02-10 00:30, d 2026-03-05
        // 19:00 (T0 = 2026-03-01 19:00; 1 Feb 19:00 is T0 - 28 d).
        private final long aEnd = -(28 * DAY + 20 * HOUR);
        private final long bEnd = aEnd + 2 * HOUR;
        private final long cEnd = -20 * DAY + 5 * HOUR;
        private final long eEnd = cEnd + HOUR / 2;
        private final long dEnd = 4 * DAY;
        private final StructType attributionSchema = new StructType().add("show_id", DataTypes.StringType)
                .add("store_id", DataTypes.StringType).add("model", DataTypes.StringType)
                .add("visits", DataTypes.DoubleType);

        private Row show(String id, long end) {
            return RowFactory.create(id, at(end - HOUR), at(end));
        }

        private Map<String, Row> months(java.time.Instant dataThrough, java.time.Instant now) {
            Dataset<Row> shows = frame(spark, SHOWS, List.of(show("a", aEnd), show("b", bEnd), show("c", cEnd),
                    show("e", eEnd), show("d", dEnd)));
            Dataset<Row> lines = SalesMetrics.netOrderLines(frame(spark, ORDERS, List.of(
                    // 1 Feb 02:00: in the day after a (January) and after b (February): once in each month.
                    order("l1", "A", aEnd + 3 * HOUR, 1, "100.00", "c1", null, "web"),
                    // 2 Feb 00:00: 25 h after a (out of its day), 23 h after b: February only.
                    order("l9", "A", aEnd + 25 * HOUR, 1, "7.00", "c1", null, "app"),
                    // 10 Feb 02:00, after c and after e, both February: once.
                    order("l2", "A", cEnd + 2 * HOUR, 1, "50.00", "c2", null, "store"),
                    order("l3", "A", cEnd + HOUR, 1, "900.00", null, null, "web"), // a guest: nobody watched
                    order("l4", "A", cEnd - 600, 1, "25.00", "c2", "c", "live"), // live GMV of c, not influenced
                    order("l5", "A", aEnd - 600, 1, "30.00", null, "a", "live"),
                    order("l6", "A", bEnd - 600, 1, "40.00", null, "b", "live"),
                    order("l7", "A", dEnd - 600, 1, "5.00", null, "d", "live"),
                    order("l8", "A", dEnd - 600, 1, "99.00", null, "unknown", "live"))));
            Dataset<Row> watched = frame(spark, WATCHED, List.of(RowFactory.create("c1", "a", ms(aEnd)),
                    RowFactory.create("c1", "b", ms(bEnd)), RowFactory.create("c2", "c", ms(cEnd)),
                    RowFactory.create("c2", "e", ms(eEnd))));
            Dataset<Row> attribution = frame(spark, attributionSchema, List.of(
                    RowFactory.create("a", "st1", "linear", 0.5), RowFactory.create("b", "st1", "linear", 0.5),
                    RowFactory.create("c", "st2", "linear", 1.0), RowFactory.create("c", "st2", "last_touch", 1.0)));
            Map<String, Row> out = new TreeMap<>();
            for (Row r : OmnichannelMetrics.showMonth(shows, lines, watched, attribution, dataThrough, now)
                    .collectAsList()) {
                out.put(r.getAs("month").toString(), r);
            }
            return out;
        }

        @Test
        void perMonthOfTheShowsEndALineFollowingTwoShowsCountsOnceInEachMonth() {
            Map<String, Row> m = months(java.time.Instant.parse("2026-03-01T00:00:00Z"), T0);
            assertThat(m.keySet()).containsExactly("2026-01-01", "2026-02-01", "2026-03-01");
            Row jan = m.get("2026-01-01");
            assertThat(jan.<Long>getAs("shows")).isEqualTo(1L);
            assertThat(jan.<java.math.BigDecimal>getAs("live_gmv")).isEqualByComparingTo("30.00");
            assertThat(jan.<java.math.BigDecimal>getAs("influenced_revenue")).isEqualByComparingTo("100.00");
            assertThat(jan.<Double>getAs("influenced_store_visits")).isEqualTo(0.5);
            Row feb = m.get("2026-02-01");
            assertThat(feb.<Long>getAs("shows")).isEqualTo(3L);
            assertThat(feb.<java.math.BigDecimal>getAs("live_gmv")).isEqualByComparingTo("65.00"); // 40 + 25
            // l1 (after b) 100 + l9 7 + l2 50 once, though it follows c and e.
            assertThat(feb.<java.math.BigDecimal>getAs("influenced_revenue")).isEqualByComparingTo("157.00");
            assertThat(feb.<Double>getAs("influenced_store_visits")).isEqualTo(1.5); // linear credits only
            Row mar = m.get("2026-03-01");
            assertThat(mar.<java.math.BigDecimal>getAs("live_gmv")).isEqualByComparingTo("5.00");
            assertThat(mar.<java.math.BigDecimal>getAs("influenced_revenue")).isEqualByComparingTo("0");
            assertThat(mar.<Double>getAs("influenced_store_visits")).isZero();
            // Data through exactly at 1 March 00:00 covers February; March is partial.
            assertThat(List.of(jan.<Boolean>getAs("partial"), feb.<Boolean>getAs("partial"),
                    mar.<Boolean>getAs("partial"))).containsExactly(false, false, true);
        }

        @Test
        void theMonthToDateCarriesTheSameSpanOfTheMonthBefore() {
            // Data through 10 Feb 00:10: February is the month to date; the same span of January is
            // [1 Jan 00:00, 10 Jan 00:10], which holds no show (a ended 31 Jan).
            Map<String, Row> early = months(java.time.Instant.parse("2026-02-10T00:10:00Z"), T0);
            Row feb = early.get("2026-02-01");
            assertThat(feb.<Long>getAs("prev_span_shows")).isZero();
            assertThat(feb.<java.math.BigDecimal>getAs("prev_span_live_gmv")).isEqualByComparingTo("0");
            assertThat(early.get("2026-01-01").<Long>getAs("prev_span_shows")).as("a complete month").isNull();
            assertThat(early.get("2026-03-01").<Long>getAs("prev_span_shows")).as("a later month").isNull();
            // Data through 5 Mar 20:00: March is the month to date; the same span of February, [1 Feb 00:00,
            // 5 Feb 20:00], holds b (ends 1 Feb 01:00, live 40, influenced l1 100 + l9 7), not c or e (10 Feb).
            Map<String, Row> march = months(java.time.Instant.parse("2026-03-05T20:00:00Z"), T0);
            Row mar = march.get("2026-03-01");
            assertThat(mar.<Long>getAs("prev_span_shows")).isEqualTo(1L);
            assertThat(mar.<java.math.BigDecimal>getAs("prev_span_live_gmv")).isEqualByComparingTo("40.00");
            assertThat(mar.<java.math.BigDecimal>getAs("prev_span_influenced_revenue")).isEqualByComparingTo("107.00");
            assertThat(march.get("2026-02-01").<java.math.BigDecimal>getAs("prev_span_live_gmv")).isNull();
        }

        @Test
        void aMonthIsPartialUntilTheDataThroughReachesTheNextMonthAndWithoutDataTheClockDecides() {
            Map<String, Row> justBefore = months(java.time.Instant.parse("2026-02-28T23:59:59Z"), T0);
            assertThat(justBefore.get("2026-02-01").<Boolean>getAs("partial")).isTrue();
            assertThat(justBefore.get("2026-01-01").<Boolean>getAs("partial")).isFalse();
            Map<String, Row> noData = months(null, java.time.Instant.parse("2026-02-15T00:00:00Z"));
            assertThat(noData.get("2026-01-01").<Boolean>getAs("partial")).isFalse();
            assertThat(noData.get("2026-02-01").<Boolean>getAs("partial")).isTrue();
        }
    }

    @Nested
    class Benchmarks {
        @Test
        void everyShowGetsARowPerMetricFromTheServedKpisOfAnyNumericType() {
            StructType kpiSchema = new StructType().add("show_id", DataTypes.StringType);
            for (String metric : io.showmetrics.core.benchmarks.ShowBenchmarks.METRICS) {
                kpiSchema = kpiSchema.add(metric, metric.equals("unique_viewers") ? DataTypes.LongType
                        : metric.equals("live_gmv") ? DataTypes.createDecimalType(20, 4) : DataTypes.DoubleType);
            }
            List<Row> kpis = new java.util.ArrayList<>();
            long[] viewers = {10, 20, 30, 25};
            for (int i = 0; i < viewers.length; i++) {
                Object[] values = new Object[kpiSchema.size()];
                values[0] = "s" + i;
                values[kpiSchema.fieldIndex("unique_viewers")] = viewers[i];
                values[kpiSchema.fieldIndex("live_gmv")] = new java.math.BigDecimal("12.5000");
                kpis.add(RowFactory.create(values));
            }
            List<Row> shows = List.of(RowFactory.create("s0", at(0), at(HOUR)),
                    RowFactory.create("s1", at(DAY), at(DAY + HOUR)), RowFactory.create("s2", at(2 * DAY), at(2 * DAY + HOUR)),
                    RowFactory.create("s3", at(3 * DAY), at(3 * DAY + HOUR)));
            List<Row> rows = BenchmarkMetrics.benchmarks(spark, frame(spark, kpiSchema, kpis), frame(spark, SHOWS, shows))
                    .collectAsList();
            assertThat(rows).hasSize(4 * io.showmetrics.core.benchmarks.ShowBenchmarks.METRICS.size());
            Row s3 = rows.stream().filter(r -> r.getString(0).equals("s3") && r.getString(1).equals("unique_viewers"))
                    .findFirst().orElseThrow();
            // History 10, 20, 30: median 20; 25 is above two of three.
            assertThat(s3.<Double>getAs("value")).isEqualTo(25.0);
            assertThat(s3.<Double>getAs("benchmark_median")).isEqualTo(20.0);
            assertThat(s3.<Integer>getAs("benchmark_n")).isEqualTo(3);
            assertThat(s3.<Double>getAs("percentile")).isEqualTo(2.0 / 3);
            Row gmv = rows.stream().filter(r -> r.getString(0).equals("s3") && r.getString(1).equals("live_gmv"))
                    .findFirst().orElseThrow();
            assertThat(gmv.<Double>getAs("percentile")).isEqualTo(0.5);
            Row none = rows.stream().filter(r -> r.getString(0).equals("s3") && r.getString(1).equals("aov"))
                    .findFirst().orElseThrow();
            assertThat(none.isNullAt(none.fieldIndex("value"))).isTrue();
            assertThat(none.<Integer>getAs("benchmark_n")).isZero();
        }
    }
}
