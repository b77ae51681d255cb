package io.showmetrics.ingest;

import static io.showmetrics.ingest.spark.BronzeSchemas.FILE;
import static io.showmetrics.ingest.spark.ClassifyRecords.ACCEPTED;
import static io.showmetrics.ingest.spark.ClassifyRecords.DUPLICATE;
import static io.showmetrics.ingest.spark.ClassifyRecords.QUARANTINED;
import static io.showmetrics.ingest.spark.ClassifyRecords.STATUS;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_millis;

import io.showmetrics.ingest.spark.BronzeSchemas;
import io.showmetrics.ingest.spark.BronzeTables;
import io.showmetrics.ingest.spark.ClassifyRecords;
import io.showmetrics.ingest.spark.InterruptedRuns;
import io.showmetrics.ingest.read.LandingFile;
import io.showmetrics.ingest.spark.LandingScanner;
import io.showmetrics.ingest.spark.ReadAndValidate;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.IngestErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Loads new landing files into the bronze Delta tables (SPEC §1, §3): reads each file on the
 * executors with its line numbers, validates every record, drops duplicates, quarantines bad
 * records with a reason, appends the rest, and logs every file with its reconciliation.
 *
 * <p>Commits per run: at most one append per entity table, then one to {@code quarantine}, then one
 * to {@code _ingest_log}. The log is written last, so a run that dies half way loads its files
 * again next time; its appends name their run, and the next run deletes them first ({@link
 * InterruptedRuns}), so every record is counted once.
 */
public final class IngestJob {

  private static final String REASON = "_reason";

  private IngestJob() {}

  /** Ingests every landing file not yet in {@code _ingest_log}; see {@link IngestOptions}. */
  public static IngestReport run(SparkSession spark, IngestOptions options, IngestListener listener) {
    BronzeTables tables = new BronzeTables(spark, options.lakePath(), options.runId());
    tables.createMissing(Entities.ALL);
    InterruptedRuns.rollBack(tables, Entities.ALL);

    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    List<LandingFile> listed = LandingScanner.scan(hadoopConf, options.landingPath(), Entities.ALL);
    Set<String> loaded = loadedFiles(tables);
    List<LandingFile> newFiles = new ArrayList<>();
    for (LandingFile f : listed) {
      if (!loaded.contains(logKey(f.getPath(), f.getSize(), f.getModifiedAtMillis()))) {
        f.setFileOrder(newFiles.size());
        newFiles.add(f);
      }
    }
    int skipped = listed.size() - newFiles.size();

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    HashMap<String, String> confMap = new HashMap<>();
    hadoopConf.forEach(e -> confMap.put(e.getKey(), e.getValue()));
    Broadcast<HashMap<String, String>> confBroadcast = jsc.broadcast(confMap);

    List<FileReport> reports = new ArrayList<>();
    List<String> withNewRecords = new ArrayList<>();
    Map<String, Long> byReason = new TreeMap<>();
    List<Dataset<Row>> quarantines = new ArrayList<>();
    List<Dataset<Row>> persisted = new ArrayList<>();
    try {
      for (EntitySchema entity : Entities.ALL) {
        List<LandingFile> files = newFiles.stream().filter(f -> f.getEntity().equals(entity.name())).toList();
        listener.entityStarted(entity.name(), files.size());
        if (files.isEmpty()) {
          listener.entityFinished(entity.name(), List.of());
          continue;
        }
        EntityResult result = ingestEntity(spark, jsc, tables, entity, files, confBroadcast, options);
        persisted.add(result.persisted());
        reports.addAll(result.reports());
        quarantines.add(result.quarantine());
        result.quarantinedByReason().forEach((reason, n) -> byReason.merge(reason, n, Long::sum));
        if (result.reports().stream().anyMatch(r -> r.accepted() > 0)) {
          withNewRecords.add(entity.name());
        }
        listener.entityFinished(entity.name(), result.reports());
      }
      if (!byReason.isEmpty()) {
        Dataset<Row> all = quarantines.get(0);
        for (int i = 1; i < quarantines.size(); i++) {
          all = all.unionByName(quarantines.get(i));
        }
        tables.append(BronzeSchemas.QUARANTINE, all.coalesce(1));
      }
      if (!newFiles.isEmpty()) {
        tables.append(BronzeSchemas.INGEST_LOG, ingestLogRows(spark, newFiles, reports, options));
      }
    } finally {
      persisted.forEach(Dataset::unpersist);
      confBroadcast.destroy();
    }
    return new IngestReport(options.runId(), reports, withNewRecords, byReason, skipped);
  }

  private record EntityResult(List<FileReport> reports, Dataset<Row> quarantine, Map<String, Long> quarantinedByReason,
      Dataset<Row> persisted) {}

  /**
   * Reads, validates and classifies one entity's new files, appends its accepted records and
   * returns the per-file reconciliation and the quarantine rows (backed by a persisted dataset the
   * caller unpersists once they are written).
   */
  private static EntityResult ingestEntity(SparkSession spark, JavaSparkContext jsc, BronzeTables tables,
      EntitySchema entity, List<LandingFile> files, Broadcast<HashMap<String, String>> conf, IngestOptions options) {
    Dataset<Row> staged = validated(spark, jsc, entity, files, conf, options.runStartedAt())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> classified = ClassifyRecords.classify(entity, staged, tables.readCurrentVersion(entity.name()),
            BronzeSchemas.isOrders(entity) ? tables.readCurrentVersion("fx_rates") : null,
            options.reportingCurrency())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Long> byReason = new TreeMap<>();
    try {
      // Two actions in sequence: the first materialises the staged cache (records read per file,
      // counted before classification), the second classifies from that cache. The outcomes are
      // an independent count, so the reconciliation below really checks the classification.
      for (Row r : staged.groupBy(FILE).count().collectAsList()) {
        counts.computeIfAbsent(r.getString(0), f -> new long[4])[0] = r.getLong(1);
      }
      for (Row r : classified.groupBy(FILE, STATUS, REASON).count().collectAsList()) {
        long[] c = counts.computeIfAbsent(r.getString(0), f -> new long[4]);
        String status = r.getString(1);
        long n = r.getLong(3);
        switch (status) {
          case ACCEPTED -> c[1] += n;
          case QUARANTINED -> {
            c[2] += n;
            byReason.merge(r.getString(2), n, Long::sum);
          }
          case DUPLICATE -> c[3] += n;
          default -> throw new IllegalStateException("Unknown record status " + status);
        }
      }
    } finally {
      staged.unpersist();
    }

    List<FileReport> reports = new ArrayList<>();
    for (LandingFile f : files) {
      long[] c = counts.getOrDefault(f.getPath(), new long[4]);
      FileReport report = new FileReport(entity.name(), f.getPath(), c[0], c[1], c[2], c[3]);
      if (report.read() != report.accepted() + report.quarantined() + report.duplicates()) {
        classified.unpersist();
        throw IngestErrors.reconciliationFailed(entity.name(), f.getPath(), report.read(), report.accepted(),
            report.quarantined(), report.duplicates());
      }
      reports.add(report);
    }

    if (reports.stream().anyMatch(r -> r.accepted() > 0)) {
      Dataset<Row> accepted = classified.filter(col(STATUS).equalTo(ACCEPTED))
          .select(BronzeSchemas.tableColumns(entity, options.runId(), options.runStartedAt()));
      tables.append(entity.name(), clustered(entity, accepted));
    }
    Dataset<Row> quarantine = classified.filter(col(STATUS).equalTo(QUARANTINED)).select(quarantineColumns(entity, options));
    return new EntityResult(reports, quarantine, byReason, classified);
  }

  /**
   * The staging rows of an entity's files: one partition per file, read on the executors and
   * validated record by record.
   */
  static Dataset<Row> validated(SparkSession spark, JavaSparkContext jsc, EntitySchema entity,
      List<LandingFile> files, Broadcast<HashMap<String, String>> conf, Instant runStartedAt) {
    Dataset<LandingFile> fileDs = spark.createDataset(jsc.parallelize(files, files.size()).rdd(), Encoders.bean(LandingFile.class));
    return fileDs.flatMap(new ReadAndValidate(conf, entity.name(), runStartedAt), Encoders.row(BronzeSchemas.staging(entity)));
  }

  /** Event tables are range-partitioned and sorted on the cluster column so files skip by show. */
  private static Dataset<Row> clustered(EntitySchema entity, Dataset<Row> rows) {
    if (entity.clusterBy() == null) {
      return rows;
    }
    return rows.repartitionByRange(col(entity.clusterBy())).sortWithinPartitions(col(entity.clusterBy()), col("ts"));
  }

  private static Column[] quarantineColumns(EntitySchema entity, IngestOptions options) {
    return new Column[] {
        lit(options.runId()).as("run_id"),
        lit(entity.name()).as("entity"),
        col(FILE).as("file"),
        col(BronzeSchemas.LINE).as("line"),
        col("_field").as("field"),
        col("_reason").as("reason"),
        col("_message").as("message"),
        col("_raw").as("raw"),
        BronzeSchemas.instant(options.runStartedAt()).as("ingested_at")
    };
  }

  private static Set<String> loadedFiles(BronzeTables tables) {
    Set<String> keys = new HashSet<>();
    for (Row r : tables.read(BronzeSchemas.INGEST_LOG)
        .select(col("file"), col("size"), expr("unix_millis(modified_at)")).collectAsList()) {
      keys.add(logKey(r.getString(0), r.getLong(1), r.getLong(2)));
    }
    return keys;
  }

  private static String logKey(String file, long size, long modifiedAtMillis) {
    return file + "\u0000" + size + "\u0000" + modifiedAtMillis;
  }

  private static Dataset<Row> ingestLogRows(SparkSession spark, List<LandingFile> files, List<FileReport> reports, IngestOptions options) {
    Map<String, FileReport> byFile = new HashMap<>();
    reports.forEach(r -> byFile.put(r.file(), r));
    StructType staging = new StructType()
        .add("entity", DataTypes.StringType)
        .add("file", DataTypes.StringType)
        .add("size", DataTypes.LongType)
        .add("modified_millis", DataTypes.LongType)
        .add("records_read", DataTypes.LongType)
        .add("records_accepted", DataTypes.LongType)
        .add("records_quarantined", DataTypes.LongType)
        .add("records_duplicate", DataTypes.LongType);
    List<Row> rows = new ArrayList<>();
    for (LandingFile f : files) {
      FileReport r = byFile.get(f.getPath());
      rows.add(RowFactory.create(f.getEntity(), f.getPath(), f.getSize(), f.getModifiedAtMillis(),
          r.read(), r.accepted(), r.quarantined(), r.duplicates()));
    }
    return spark.createDataFrame(rows, staging).select(
        lit(options.runId()).as("run_id"),
        col("entity"),
        col("file"),
        col("size"),
        timestamp_millis(col("modified_millis")).as("modified_at"),
        col("records_read"),
        col("records_accepted"),
        col("records_quarantined"),
        col("records_duplicate"),
        BronzeSchemas.instant(options.runStartedAt()).as("loaded_at"));
  }
}
