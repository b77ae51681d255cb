package io.showmetrics.jobs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.showmetrics.generator.Generator;
import io.showmetrics.generator.GenerationListener;
import io.showmetrics.generator.GeneratorOptions;
import io.showmetrics.ingest.IngestJob;
import io.showmetrics.ingest.IngestListener;
import io.showmetrics.ingest.IngestOptions;
import io.showmetrics.jobs.compute.ComputeJob;
import io.showmetrics.jobs.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;

/** A generated landing folder taken through ingest and compute into a lake, with the generator's truth. */
record Generated(Path landing, Lake lake, JsonNode truth) {
    /** The run clock: after the generated data (which ends 2026-11-01), so every window is closed. */
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    static Generated build(SparkSession spark, Path dir, double scale, long seed) {
        Path landing = dir.resolve("landing-" + seed);
        GeneratorOptions d = GeneratorOptions.defaults(landing);
        Generator.generate(new GeneratorOptions(landing, scale, seed, d.start(), d.days(), d.badRate()),
                GenerationListener.NONE);
        Lake lake = new Lake(dir.resolve("lake-" + seed).toString());
        String runId = "20261120T000000Z-" + seed;
        IngestJob.run(spark, new IngestOptions(landing.toString(), lake.root(), runId, NOW, "EUR"), IngestListener.NONE);
        ComputeJob.run(spark, lake, runId, NOW, false, step -> { });
        try {
            return new Generated(landing, lake, new ObjectMapper().readTree(landing.resolve("truth.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
