package io.showmetrics.jobs.compute;

import static io.showmetrics.jobs.support.Rows.ORDERS;
import static io.showmetrics.jobs.support.Rows.T0;
import static io.showmetrics.jobs.support.Rows.VIEWER_EVENTS;
import static io.showmetrics.jobs.support.Rows.frame;
import static io.showmetrics.jobs.support.Rows.order;
import static io.showmetrics.jobs.support.Rows.replay;
import static io.showmetrics.jobs.support.Rows.viewer;
import static io.showmetrics.jobs.support.Rows.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.runtime.TestSparkSession;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data through: the earliest, over viewer events, orders and store visits, of each entity's latest ts. */
class DataThroughTest {
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final StructType VISITS = new StructType().add("visit_id", DataTypes.StringType)
            .add("ts", DataTypes.TimestampType);
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = TestSparkSession.get();
    }

    private static Dataset<Row> viewers(Row... rows) {
        return frame(spark, VIEWER_EVENTS, List.of(rows));
    }

    private static Dataset<Row> orders(Row... rows) {
        return frame(spark, ORDERS, List.of(rows));
    }

    private static Dataset<Row> visits(long... seconds) {
        return frame(spark, VISITS, java.util.Arrays.stream(seconds)
                .mapToObj(s -> RowFactory.create("v" + s, Timestamp.from(T0.plusSeconds(s)))).toList());
    }

    private static Row dataThrough(Dataset<Row> viewers, Dataset<Row> orders, Dataset<Row> visits) {
        List<Row> rows = DataThrough.dataThrough(viewers, orders, visits).collectAsList();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void isTheEarliestOfTheThreeLatestTimestamps() {
        // Orders run two days longer than the viewer events; store visits stop after one day.
        Row r = dataThrough(viewers(viewer("s", "v1", "join", 0), viewer("s", "v1", "leave", 3 * DAY)),
                orders(order("o1", "A", 0, 1, "1.00", "c1", null, "web"), order("o2", "A", 5 * DAY, 1, "1.00", "c1",
                        null, "web")),
                visits(HOUR, DAY));
        assertThat(DataThrough.instant(r)).isEqualTo(T0.plusSeconds(DAY));
        assertThat(r.<Timestamp>getAs("viewer_events_through").toInstant()).isEqualTo(T0.plusSeconds(3 * DAY));
        assertThat(r.<Timestamp>getAs("orders_through").toInstant()).isEqualTo(T0.plusSeconds(5 * DAY));
        assertThat(r.<Timestamp>getAs("store_visits_through").toInstant()).isEqualTo(T0.plusSeconds(DAY));
    }

    @Test
    void countsEveryAcceptedRowReplaysAndReturnsIncluded() {
        Row r = dataThrough(viewers(viewer("s", "v1", "join", 0), replay("s", "v2", "join", 4 * DAY)),
                orders(order("o1", "A", 0, 1, "1.00", "c1", null, "web"), withdrawn("o1", "A", 6 * DAY, "returned")),
                visits(5 * DAY));
        assertThat(DataThrough.instant(r)).isEqualTo(T0.plusSeconds(4 * DAY));
    }

    @Test
    void anEntityWithoutRowsDoesNotHoldTheDataThroughBack() {
        // A feed without store visits still has a data through: the earlier of its viewer events and orders.
        Row r = dataThrough(viewers(viewer("s", "v1", "join", 2 * DAY)),
                orders(order("o1", "A", DAY, 1, "1.00", "c1", null, "web")), visits());
        assertThat(DataThrough.instant(r)).isEqualTo(T0.plusSeconds(DAY));
        assertThat(r.isNullAt(r.fieldIndex("store_visits_through"))).isTrue();
    }

    @Test
    void isNullWithoutAnyRow() {
        assertThat(DataThrough.instant(dataThrough(viewers(), orders(), visits()))).isNull();
    }
}
