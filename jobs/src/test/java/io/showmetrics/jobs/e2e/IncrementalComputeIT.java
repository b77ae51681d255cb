package io.showmetrics.jobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.generator.GenerationListener;
import io.showmetrics.generator.Generator;
import io.showmetrics.generator.GeneratorOptions;
import io.showmetrics.ingest.IngestJob;
import io.showmetrics.ingest.IngestListener;
import io.showmetrics.ingest.IngestOptions;
import io.showmetrics.runtime.TestSparkSession;
import io.showmetrics.jobs.compute.ComputeJob;
import io.showmetrics.jobs.lake.Lake;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new day computed on top of history gives exactly the silver and gold tables a full recompute of the same
 * lake gives ({@code full = true} is the oracle): every row, every column but the run id and clock.
 */
class IncrementalComputeIT {
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final int DAYS = 21;

    @TempDir
    static Path dir;

    @Test
    void aNewDayOnTopOfHistoryGivesTheTablesOfAFullRecompute() throws IOException {
        SparkSession spark = TestSparkSession.get();
        Path landing = dir.resolve("landing");
        Path next = dir.resolve("next");
        GeneratorOptions d = GeneratorOptions.defaults(landing);
        Generator.generate(new GeneratorOptions(landing, 0.01, 11, d.start(), DAYS, d.badRate()),
                GenerationListener.NONE);
        Generator.generate(new GeneratorOptions(next, 0.01, 11, d.start(), DAYS + 1, d.badRate()),
                GenerationListener.NONE);
        Lake lake = new Lake(dir.resolve("lake").toString());
        ingest(spark, landing, lake, "20261120T000001Z-a");
        ComputeJob.Result history = ComputeJob.run(spark, lake, "20261120T000001Z-a", NOW, false, s -> { });
        assertThat(history.full()).isTrue();

        copyDay(next, landing, d.start().plusDays(DAYS).toString());
        ingest(spark, landing, lake, "20261120T000002Z-b");
        ComputeJob.Result day = ComputeJob.run(spark, lake, "20261120T000002Z-b", NOW, false, s -> { });
        assertThat(day.full()).isFalse();
        assertThat(day.shows()).isNotEmpty().hasSizeLessThan(history.shows().size());
        Map<String, List<String>> incremental = tables(spark, lake);

        ComputeJob.run(spark, lake, "20261120T000003Z-c", NOW, true, s -> { });
        Map<String, List<String>> full = tables(spark, lake);

        assertThat(incremental.keySet()).isEqualTo(full.keySet());
        for (String table : full.keySet()) {
            assertThat(incremental.get(table)).as(table).isNotEmpty().isEqualTo(full.get(table));
        }
    }

    private static void ingest(SparkSession spark, Path landing, Lake lake, String runId) {
        IngestJob.run(spark, new IngestOptions(landing.toString(), lake.root(), runId, NOW, "EUR"), IngestListener.NONE);
    }

    /** Copies the {@code dt=DAY} and {@code signup_dt=DAY} folders of {@code from} into {@code to}. */
    private static void copyDay(Path from, Path to, String day) throws IOException {
        List<Path> folders;
        try (Stream<Path> all = Files.walk(from)) {
            folders = all.filter(p -> Files.isDirectory(p) && (p.getFileName().toString().equals("dt=" + day)
                    || p.getFileName().toString().equals("signup_dt=" + day))).toList();
        }
        assertThat(folders).as("folders of the new day " + day).isNotEmpty();
        for (Path folder : folders) {
            Path target = to.resolve(from.relativize(folder).toString());
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, target.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Every silver and gold table (but the compute log) as sorted row strings, without run id and clock. */
    private static Map<String, List<String>> tables(SparkSession spark, Lake lake) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String layer : List.of("silver", "gold")) {
            String[] names = new File(lake.root() + "/" + layer).list();
            for (String name : names == null ? new String[0] : names) {
                if (name.startsWith("_")) {
                    continue;
                }
                Dataset<Row> t = Lake.read(spark, lake.root() + "/" + layer + "/" + name).drop("run_id", "computed_at");
                List<String> rows = new ArrayList<>();
                for (Row r : t.collectAsList()) {
                    rows.add(r.toString());
                }
                rows.sort(null);
                rows.add(0, Arrays.toString(t.columns()));
                out.put(layer + "/" + name, rows);
            }
        }
        return out;
    }
}
