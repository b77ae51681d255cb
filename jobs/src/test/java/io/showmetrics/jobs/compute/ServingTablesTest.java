package io.showmetrics.jobs.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.core.windows.Windows;
import io.showmetrics.runtime.TestSparkSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The serving-shaped gold tables: status and final_at are computed in compute, from the windows. */
class ServingTablesTest {
    private static final Instant END = Instant.parse("2026-03-01T20:00:00Z");
    private static final Instant FINAL = END.plus(Duration.ofDays(30));
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = TestSparkSession.get();
    }

    private static Dataset<Row> kpis() {
        return spark.createDataFrame(List.of(RowFactory.create("s1", 10L), RowFactory.create("s2", 20L),
                RowFactory.create("unknown", 1L)), new StructType().add("show_id", DataTypes.StringType)
                .add("unique_viewers", DataTypes.LongType));
    }

    private static Dataset<Row> shows(Instant end) {
        return spark.createDataFrame(List.of(RowFactory.create("s1", Timestamp.from(end)),
                RowFactory.create("s2", Timestamp.from(end.plusSeconds(3600)))),
                new StructType().add("show_id", DataTypes.StringType).add("ends_at", DataTypes.TimestampType));
    }

    private static Dataset<Row> perShow(String column) {
        return spark.createDataFrame(List.of(RowFactory.create("s1", 0.5)),
                new StructType().add("show_id", DataTypes.StringType).add(column, DataTypes.DoubleType));
    }

    private static List<Row> served(Instant now, Instant dataThrough, Windows windows) {
        return ServingTables.showKpis(kpis(), perShow("next_show_retention"), perShow("saw_show_share"),
                        shows(END), now, dataThrough, windows)
                .select("show_id", "unique_viewers", "next_show_retention", "saw_show_share", "status", "final_at",
                        "data_through")
                .orderBy("show_id").collectAsList();
    }

    @Test
    void showKpisJoinTheCrossShowTablesOfKnownShowsOnly() {
        List<Row> rows = served(FINAL, FINAL, Windows.DEFAULTS);
        assertThat(rows).extracting(r -> r.getString(0)).containsExactly("s1", "s2");
        assertThat(rows.get(0).getDouble(2)).isEqualTo(0.5);
        assertThat(rows.get(0).getDouble(3)).isEqualTo(0.5);
        assertThat(rows.get(1).isNullAt(2)).isTrue();
        assertThat(rows.get(0).getTimestamp(6).toInstant()).isEqualTo(FINAL);
    }

    @Test
    void aShowIsFinalOnceClockAndDataHavePassedThirtyDaysAfterItsEnd() {
        List<Row> atTheEnd = served(FINAL, FINAL, Windows.DEFAULTS);
        assertThat(atTheEnd.get(0).getString(4)).isEqualTo("final"); // closed at exactly the end
        assertThat(atTheEnd.get(0).getTimestamp(5).toInstant()).isEqualTo(FINAL);
        assertThat(atTheEnd.get(1).getString(4)).isEqualTo("provisional"); // ends an hour later
        assertThat(served(FINAL.minusNanos(1000), FINAL.plusSeconds(86400), Windows.DEFAULTS).get(0).getString(4))
                .as("clock before the end").isEqualTo("provisional");
        assertThat(served(FINAL.plusSeconds(86400), FINAL.minusNanos(1000), Windows.DEFAULTS).get(0).getString(4))
                .as("data before the end").isEqualTo("provisional");
        List<Row> noData = served(FINAL, null, Windows.DEFAULTS);
        assertThat(noData.get(0).getString(4)).as("no data: the clock decides").isEqualTo("final");
        assertThat(noData.get(0).isNullAt(6)).isTrue();
    }

    @Test
    void finalityFollowsTheConfiguredWindows() {
        Windows longerRetention = new Windows(Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofHours(24),
                Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofDays(2), Duration.ofDays(45), Duration.ofDays(28));
        Row r = served(FINAL, FINAL, longerRetention).get(0);
        assertThat(r.getString(4)).isEqualTo("provisional");
        assertThat(r.getTimestamp(5).toInstant()).isEqualTo(END.plus(Duration.ofDays(45)));
    }

    @Test
    void anExperimentIsFinalSevenDaysAfterItsLastShowOrItsEnd() {
        Instant lastShow = Instant.parse("2026-03-10T20:00:00Z");
        StructType schema = new StructType().add("experiment_id", DataTypes.StringType)
                .add("ends_at", DataTypes.TimestampType).add("last_show_end", DataTypes.TimestampType);
        Dataset<Row> summaries = spark.createDataFrame(List.of(
                RowFactory.create("with_show", Timestamp.from(lastShow.plusSeconds(86400 * 20)), Timestamp.from(lastShow)),
                RowFactory.create("no_show", Timestamp.from(lastShow), null),
                RowFactory.create("open_ended", null, null)), schema);
        Instant now = lastShow.plus(Duration.ofDays(7));
        List<Row> rows = ServingTables.experiments(summaries, now, now, Windows.DEFAULTS)
                .select("experiment_id", "status", "final_at").orderBy("experiment_id").collectAsList();
        assertThat(rows.get(0).getString(0)).isEqualTo("no_show");
        assertThat(rows.get(0).getString(1)).isEqualTo("final");
        assertThat(rows.get(1).getString(0)).isEqualTo("open_ended");
        assertThat(rows.get(1).getString(1)).isEqualTo("provisional");
        assertThat(rows.get(1).isNullAt(2)).isTrue();
        assertThat(rows.get(2).getString(1)).isEqualTo("final");
        assertThat(rows.get(2).getTimestamp(2).toInstant()).isEqualTo(now);
        assertThat(ServingTables.experiments(summaries, now.minusSeconds(1), now, Windows.DEFAULTS)
                .filter("experiment_id = 'with_show'").select("status").head().getString(0)).isEqualTo("provisional");
    }
}
