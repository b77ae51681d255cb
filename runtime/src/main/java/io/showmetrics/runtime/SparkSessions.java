package io.showmetrics.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session showmetrics runs in, local or under spark-submit (the jobs, the command line and the
 * notebooks). The tests' shared session is test code: {@code TestSparkSession} in this module's test jar.
 */
public final class SparkSessions {

  private SparkSessions() {}

  /**
   * A session with Delta Lake, UTC session time and compressed serialized cache blocks ({@code
   * spark.rdd.compress}). If a session is already active (for example under spark-submit or a
   * notebook) it is returned as is; if spark-submit set {@code spark.master}, that master wins over
   * {@code master}.
   *
   * @param master e.g. {@code local[*]}; when local, binds the driver to 127.0.0.1 and uses {@link
   *     NioLocalFileSystem} for {@code file:} paths
   * @param shufflePartitions {@code spark.sql.shuffle.partitions}
   */
  public static SparkSession local(String master, int shufflePartitions) {
    SparkSession active = SparkSession.getActiveSession().getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> null));
    if (active != null) {
      return active;
    }
    SparkConf submitted = new SparkConf();
    String effectiveMaster = submitted.contains("spark.master") ? submitted.get("spark.master") : master;
    SparkSession.Builder builder = SparkSession.builder()
        .appName("showmetrics")
        .master(effectiveMaster)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
        // Cached blocks stored serialized, or spilled to disk, are compressed like shuffle files (lz4): ingest
        // caches an entity's classified rows serialized, on disk only for large input (IngestJob.cacheLevel).
        .config("spark.rdd.compress", "true");
    if (effectiveMaster.startsWith("local")) {
      // Delta rebuilds table state with 50 tasks by default, far too many for one machine.
      builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.databricks.delta.snapshotPartitions", Integer.toString(Math.max(1, shufflePartitions)));
      builder = NioLocalFileSystem.register(builder);
    }
    return builder.getOrCreate();
  }

  /**
   * Settings for queries over a few thousand to some hundred thousand rows (a live cycle): one shuffle partition,
   * no adaptive re-planning, sort-merge rather than broadcast joins, and expressions interpreted rather than compiled.
   * Each of those is a fixed cost per query that only large data earns back: every adaptive stage and every broadcast
   * is a Spark job of its own, and Janino compiles new classes for every plan. Measured on a live cycle's KPI and
   * minute queries (18,000 rows held, 2 cores, warm JVM): 3.6 s with the defaults, 3.0 s without broadcasts, 1.4 s
   * with interpreted expressions too ({@code bench/live-latency}; docs/benchmarks.md "Live latency").
   * {@code spark.sql.codegen.factoryMode} is Spark's switch between generated and interpreted expressions, which
   * Spark's own tests use to hold the two equal.
   */
  public static final Map<String, String> SMALL_QUERIES = Map.of(
      "spark.sql.shuffle.partitions", "1",
      "spark.sql.adaptive.enabled", "false",
      "spark.sql.autoBroadcastJoinThreshold", "-1",
      "spark.sql.codegen.wholeStage", "false",
      "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  /**
   * Runs {@code body} with {@code settings} on the session, and puts back what was set before (or unsets what was
   * not), even if it fails. The session's settings are shared by its threads: use it where nothing else runs queries
   * at the same time (the live loop's steps, ingest).
   */
  public static <T> T withSettings(SparkSession spark, Map<String, String> settings, Supplier<T> body) {
    Map<String, String> before = new HashMap<>();
    settings.forEach((k, v) -> {
      before.put(k, spark.conf().getOption(k).getOrElse(() -> null));
      spark.conf().set(k, v);
    });
    try {
      return body.get();
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          spark.conf().unset(k);
        } else {
          spark.conf().set(k, v);
        }
      });
    }
  }

  /** Input up to this size (landing bytes, as they land, compressed or not) counts as small. */
  public static final long SMALL_INPUT_BYTES = 1L << 30;

  /**
   * Sizes the session's queries to the input. Small input (at most {@link #SMALL_INPUT_BYTES}: the demo, a
   * scale-1 folder) runs without adaptive query execution, with one shuffle partition per core: adaptive
   * execution re-plans every query stage as its own Spark job, a fixed cost that small data never earns back.
   * Larger input keeps adaptive execution, starting from a partition per 64 MB that it coalesces as it goes.
   * Delta's snapshot partitions follow. Input up to {@link #INTERPRETED_INPUT_BYTES} also interprets its expressions.
   *
   * @param inputBytes the landing folder's size
   */
  public static void sizeFor(SparkSession spark, long inputBytes) {
    int cores = Math.max(2, spark.sparkContext().defaultParallelism());
    boolean small = inputBytes <= SMALL_INPUT_BYTES;
    spark.conf().set("spark.sql.adaptive.enabled", Boolean.toString(!small));
    long partitions = small ? cores : Math.max(8, Math.min(4000, inputBytes / (64L << 20)));
    spark.conf().set("spark.sql.shuffle.partitions", Long.toString(partitions));
    // Delta rebuilds a table's state (its list of files) with this many tasks, for every table it reads.
    spark.conf().set("spark.databricks.delta.snapshotPartitions", Long.toString(small ? cores : Math.min(partitions, 64)));
    boolean interpreted = inputBytes <= INTERPRETED_INPUT_BYTES;
    spark.conf().set("spark.sql.codegen.wholeStage", Boolean.toString(!interpreted));
    spark.conf().set("spark.sql.codegen.factoryMode", interpreted ? "NO_CODEGEN" : "FALLBACK");
  }

  /**
   * Input up to this size runs with interpreted expressions and without whole-stage code generation: compiling the
   * generated classes of each of the run's hundreds of queries costs more than it saves on this little data.
   * Measured on a {@code generate --scale 0.05} folder (37 MB, 532,481 records, 2 cores, two runs each, alternating):
   * {@code run} took 165 and 144 s compiled, 131 and 103 s interpreted (compute 94/75 s against 60/44 s), with
   * identical serving tables ({@code bench/compare-serving}). Larger input (scale 1 is about 310 MB) keeps the
   * compiled code, not measured against it here.
   */
  public static final long INTERPRETED_INPUT_BYTES = 128L << 20;
}
