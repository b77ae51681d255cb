package io.showmetrics.runtime;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The Spark session of the tests (test code, shared with other modules through this module's test jar). */
public final class TestSparkSession {

  private static SparkSession session;

  private TestSparkSession() {}

  /**
   * The one shared {@code local[2]} session of a test JVM: two shuffle partitions, one Delta
   * snapshot partition, compressed serialized cache blocks (as {@link SparkSessions#local}), UI off,
   * driver on 127.0.0.1, {@link NioLocalFileSystem} for {@code file:}. Expressions are interpreted and whole-stage
   * code generation is off, as {@link SparkSessions#sizeFor} does for small input: the tests' data is tiny, and
   * compiling generated classes for each of their thousands of queries was most of their time. Compiled code
   * (input above {@link SparkSessions#INTERPRETED_INPUT_BYTES}) is what {@code bench/pipeline-benchmark}'s scale-1
   * run and {@code bench/compare-serving} exercise.
   */
  public static synchronized SparkSession get() {
    if (session == null) {
      SparkSession.Builder builder = SparkSession.builder()
          .appName("showmetrics-tests")
          .master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.databricks.delta.snapshotPartitions", "1")
          .config("spark.rdd.compress", "true")
          .config("spark.sql.codegen.wholeStage", "false")
          .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
          // Tests use path-based tables only; keep Spark from creating spark-warehouse/ in the module.
          .config("spark.sql.warehouse.dir", Path.of(System.getProperty("java.io.tmpdir"), "showmetrics-test-warehouse").toUri().toString());
      session = NioLocalFileSystem.register(builder).getOrCreate();
    }
    return session;
  }
}
