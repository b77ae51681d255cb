package io.showmetrics.ingest.spark;

import io.delta.tables.DeltaTable;
import io.showmetrics.runtime.DeltaVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Locations of the bronze Delta tables under {@code <lake>/bronze}, their creation, and the appends of one ingest
 * run. Every bronze write goes through {@link #append}, which names the run in the Delta commit, so that
 * {@link InterruptedRuns} can find the appends of a run that died before writing its ingest log.
 */
public final class BronzeTables {

  /** The Delta setting that puts {@code userMetadata} on every commit of the session. */
  private static final String COMMIT_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  private final SparkSession spark;
  private final Path root;
  private final String runId;

  /** Tables to read and create; {@link #append} needs the run, see the other constructor. */
  public BronzeTables(SparkSession spark, String lakePath) {
    this(spark, lakePath, null);
  }

  /** Tables that the ingest run {@code runId} appends to. */
  public BronzeTables(SparkSession spark, String lakePath, String runId) {
    this.spark = spark;
    this.runId = runId;
    Path bronze = new Path(lakePath, "bronze");
    try {
      // Qualified (scheme and absolute path), as Delta needs for a relative local lake path.
      this.root = bronze.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(bronze);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the lake at " + lakePath + ": " + e.getMessage()
          + "; check the path and its file system settings", e);
    }
  }

  SparkSession spark() {
    return spark;
  }

  public String path(String table) {
    return new Path(root, table).toString();
  }

  /**
   * Creates {@code table} empty with {@code schema} if it has no Delta log yet.
   *
   * @return true if this call created it (so it holds no rows before this run)
   */
  public boolean createIfMissing(String table, StructType schema) {
    if (exists(table)) {
      return false;
    }
    DeltaTable.createIfNotExists(spark).location(path(table)).addColumns(schema).execute();
    return true;
  }

  /** Whether the table has been created (it has a Delta log). */
  public boolean exists(String table) {
    return hasDeltaLog(table);
  }

  private boolean hasDeltaLog(String table) {
    Path log = new Path(path(table), "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(log) && fs.listStatus(log).length > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check bronze table " + log + ": " + e.getMessage()
          + "; check that the lake path is reachable", e);
    }
  }

  /** The table as of now. */
  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(path(table));
  }

  /**
   * The table pinned to its current version, so a plan that is recomputed after this run's own
   * append still sees the table as it was before it.
   */
  public Dataset<Row> readCurrentVersion(String table) {
    long version = DeltaVersions.current(spark, path(table));
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  /**
   * Appends rows in one Delta commit whose {@code userMetadata} names this run. A column the table does not have
   * yet (a field added to the entity later, such as {@code shows.cost}) is added by the same commit (Delta schema
   * evolution, {@code mergeSchema}); older rows read it as NULL. The rows always have the entity's full layout
   * ({@link BronzeSchemas#tableColumns}), so evolution only ever adds such a column.
   */
  public void append(String table, Dataset<Row> rows) {
    if (runId == null) {
      throw new IllegalStateException("bronze/" + table + " was opened without a run id; appends must name their run");
    }
    rows.write().format("delta").mode("append").option("userMetadata", InterruptedRuns.appendTag(runId))
        .option("mergeSchema", "true").save(path(table));
  }

  /**
   * Runs a Delta command (such as a {@code DeltaTable} delete, which takes no write options) with {@code metadata}
   * as the {@code userMetadata} of its commit.
   */
  void withCommitMetadata(String metadata, Runnable command) {
    String before = spark.conf().getOption(COMMIT_METADATA).getOrElse(() -> null);
    spark.conf().set(COMMIT_METADATA, metadata);
    try {
      command.run();
    } finally {
      if (before == null) {
        spark.conf().unset(COMMIT_METADATA);
      } else {
        spark.conf().set(COMMIT_METADATA, before);
      }
    }
  }
}
