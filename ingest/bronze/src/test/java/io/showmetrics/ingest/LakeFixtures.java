package io.showmetrics.ingest;

import io.delta.tables.DeltaTable;
import io.showmetrics.ingest.spark.BronzeSchemas;
import io.showmetrics.ingest.spark.BronzeTables;
import io.showmetrics.ingest.validate.Entities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Landing folders and lake reads for the Spark tests. */
final class LakeFixtures {

  static final Instant RUN_STARTED_AT = Instant.parse("2026-03-05T00:00:00Z");

  private LakeFixtures() {}

  static IngestOptions options(Path landing, Path lake, String runId) {
    return new IngestOptions(landing.toString(), lake.toString(), runId, RUN_STARTED_AT, "EUR");
  }

  /** Writes a landing file with a fixed modification time (the ingest log compares it). */
  static Path write(Path landing, String relative, String content) {
    try {
      Path file = landing.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-03-04T12:00:00Z")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a fixture folder from the test resources. */
  static void copyResource(String folder, Path target) {
    try {
      Path source = Paths.get(LakeFixtures.class.getResource("/" + folder).toURI());
      try (Stream<Path> files = Files.walk(source)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          Path to = target.resolve(source.relativize(p).toString());
          Files.createDirectories(to.getParent());
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path emptyLakeTemplate;

  /**
   * Fills {@code lake} with the empty bronze tables, copied from a template created once per JVM
   * (creating fourteen Delta tables costs seconds; copying their logs costs milliseconds).
   */
  static synchronized void emptyLake(SparkSession spark, Path lake) {
    try {
      if (emptyLakeTemplate == null) {
        Path template = Files.createTempDirectory("empty-lake");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(template)));
        // The tables a first ingest creates on first use (BronzeTables.createIfMissing), all of them, empty.
        BronzeTables tables = new BronzeTables(spark, template.toString());
        for (var entity : Entities.ALL) {
          DeltaTable.createIfNotExists(spark).location(tables.path(entity.name()))
              .addColumns(BronzeSchemas.table(entity)).execute();
        }
        DeltaTable.createIfNotExists(spark).location(tables.path(BronzeSchemas.QUARANTINE))
            .addColumns(BronzeSchemas.QUARANTINE_SCHEMA).execute();
        DeltaTable.createIfNotExists(spark).location(tables.path(BronzeSchemas.INGEST_LOG))
            .addColumns(BronzeSchemas.INGEST_LOG_SCHEMA).execute();
        emptyLakeTemplate = template;
      }
      try (Stream<Path> files = Files.walk(emptyLakeTemplate)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          Path to = lake.resolve(emptyLakeTemplate.relativize(p).toString());
          Files.createDirectories(to.getParent());
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder and everything below it. */
  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete test folder " + root, e);
    }
  }

  static Dataset<Row> table(SparkSession spark, Path lake, String name) {
    return spark.read().format("delta").load(lake.resolve("bronze").resolve(name).toString());
  }

  static long version(SparkSession spark, Path lake, String name) {
    return DeltaTable.forPath(spark, lake.resolve("bronze").resolve(name).toString())
        .history(1).select("version").head().getLong(0);
  }
}
