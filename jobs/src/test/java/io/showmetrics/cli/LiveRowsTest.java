package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.core.windows.Windows;
import io.showmetrics.ingest.IngestJob;
import io.showmetrics.ingest.IngestListener;
import io.showmetrics.ingest.IngestOptions;
import io.showmetrics.jobs.compute.LiveMetrics;
import io.showmetrics.jobs.compute.LiveRows;
import io.showmetrics.jobs.lake.Lake;
import io.showmetrics.runtime.TestSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live mode's rows held between cycles: read once, then grown by each ingest run's appends, they equal a fresh read
 * of bronze, and so do the live numbers computed from them; a write by anyone else makes them read again.
 */
class LiveRowsTest {
    private static final Path FIXTURE = Path.of("src/test/resources/landing_two_shows");
    private static final Instant START = Instant.parse("2026-03-01T19:00:00Z");
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = TestSparkSession.get();
    }

    private Path landing() {
        return dir.resolve("landing");
    }

    private Lake lake() {
        return new Lake(dir.resolve("lake").toString());
    }

    private void ingest(String runId) {
        IngestJob.run(spark, new IngestOptions(landing().toString(), lake().root(), runId,
                Instant.parse("2026-03-01T20:00:00Z"), "EUR"), IngestListener.NONE);
    }

    /** An order file of the show: a line during it, or (without the show) a cancel of that line. */
    private void order(String name, String line) throws IOException {
        Path f = landing().resolve("orders/dt=2026-03-01/" + name + ".jsonl");
        Files.createDirectories(f.getParent());
        Files.writeString(f, line + "\n");
    }

    private static List<String> sorted(Dataset<Row> ds) {
        return ds.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void rowsGrownByEachRunEqualAFreshReadOfBronzeAndGiveTheSameLiveNumbers() throws IOException {
        LiveReplay replay = LiveReplay.load(FIXTURE);
        replay.write(landing(), null, START.plusSeconds(60), "history");
        order("o7-placed", "{\"order_id\":\"o7\",\"line_no\":\"1\",\"ts\":\"2026-03-01T19:00:30Z\",\"channel\":\"live\","
                + "\"customer_id\":\"c1\",\"sku\":\"SKU-1\",\"quantity\":2,\"unit_price\":\"20.00\",\"currency\":\"EUR\","
                + "\"show_id\":\"s1\"}");
        order("o8-placed", "{\"order_id\":\"o8\",\"line_no\":\"1\",\"ts\":\"2026-03-01T19:00:40Z\",\"channel\":\"live\","
                + "\"customer_id\":\"c2\",\"sku\":\"SKU-2\",\"quantity\":1,\"unit_price\":\"30.00\",\"currency\":\"EUR\","
                + "\"show_id\":\"s1\"}");
        ingest("run-a");
        Set<String> shows = Set.of("s1");
        LiveRows held = LiveRows.load(spark, lake(), shows);
        long before = held.size();

        // The rest of the show, and a cancel of o7 that does not name the show: it counts only through its line.
        int added = replay.write(landing(), START.plusSeconds(60), START.plusSeconds(3600), "live-0001");
        order("o7-cancel", "{\"order_id\":\"o7\",\"line_no\":\"1\",\"ts\":\"2026-03-01T19:10:00Z\",\"channel\":\"live\","
                + "\"customer_id\":\"c1\",\"sku\":\"SKU-1\",\"quantity\":2,\"unit_price\":\"20.00\",\"currency\":\"EUR\","
                + "\"status\":\"cancelled\"}");
        ingest("run-b");
        assertThat(added).isPositive();
        assertThat(held.add(spark, lake(), "run-b")).isTrue();
        assertThat(held.size()).isGreaterThan(before);

        LiveRows fresh = LiveRows.load(spark, lake(), shows);
        assertThat(held.size()).isEqualTo(fresh.size());
        assertThat(sorted(held.viewerEvents(spark))).isEqualTo(sorted(fresh.viewerEvents(spark)));
        assertThat(sorted(held.chatEvents(spark))).isEqualTo(sorted(fresh.chatEvents(spark)));
        assertThat(sorted(held.playerEvents(spark))).isEqualTo(sorted(fresh.playerEvents(spark)));
        assertThat(sorted(held.showOrders(spark))).isEqualTo(sorted(fresh.showOrders(spark)))
                .anyMatch(r -> r.contains("cancelled"));
        assertThat(held.latestViewerEvent()).isEqualTo(fresh.latestViewerEvent());

        List<Row> inPlay = LiveMetrics.latestShows(spark, lake()).stream()
                .filter(r -> shows.contains(r.<String>getAs("show_id"))).toList();
        LiveMetrics.LiveShow fromHeld = LiveMetrics.compute(spark, held, inPlay, Windows.DEFAULTS).get(0);
        LiveMetrics.LiveShow fromBronze = LiveMetrics.compute(spark, fresh, inPlay, Windows.DEFAULTS).get(0);
        assertThat(fromHeld.kpis()).isEqualTo(fromBronze.kpis());
        assertThat(fromHeld.minutes()).isEqualTo(fromBronze.minutes()).isNotEmpty();
        assertThat(fromHeld.dataThrough()).isEqualTo(fromBronze.dataThrough()).isNotNull();
        // o7 was cancelled: only o8 is a live order.
        assertThat(fromHeld.kpis()).containsEntry("live_orders", 1L);
    }

    @Test
    void aWriteByAnotherRunMakesTheRowsReadAgain() throws IOException {
        LiveReplay replay = LiveReplay.load(FIXTURE);
        replay.write(landing(), null, START.plusSeconds(60), "history");
        ingest("run-a");
        LiveRows held = LiveRows.load(spark, lake(), Set.of("s1"));

        // Nothing appended: nothing to add, the rows stay complete.
        assertThat(held.add(spark, lake(), "run-nothing")).isTrue();

        replay.write(landing(), START.plusSeconds(60), START.plusSeconds(3600), "live-0001");
        ingest("run-other"); // a batch run on the same lake, say: not the live loop's run
        assertThat(held.add(spark, lake(), "run-b")).isFalse();
    }
}
