package io.showmetrics.runtime;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session showmetrics runs in, local or under spark-submit (the jobs, the command line and the
 * notebooks). The tests' shared session is test code: {@code TestSparkSession} in this module's test jar.
 */
public final class SparkSessions {

  private SparkSessions() {}

  /**
   * A session with Delta Lake and UTC session time. If a session is already active (for example
   * under spark-submit or a notebook) it is returned as is; if spark-submit set {@code
   * spark.master}, that master wins over {@code master}.
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
        .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
    if (effectiveMaster.startsWith("local")) {
      // Delta rebuilds table state with 50 tasks by default, far too many for one machine.
      builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.databricks.delta.snapshotPartitions", Integer.toString(Math.max(1, shufflePartitions)));
      for (var setting : NioLocalFileSystem.HADOOP_CONF.entrySet()) {
        builder = builder.config("spark.hadoop." + setting.getKey(), setting.getValue());
      }
    }
    return builder.getOrCreate();
  }
}
