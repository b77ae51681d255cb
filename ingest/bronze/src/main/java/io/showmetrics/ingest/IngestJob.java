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
import io.showmetrics.ingest.spark.RecordsReadAccumulator;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.IngestErrors;
import io.showmetrics.runtime.DeltaVersions;
import io.showmetrics.runtime.SparkSessions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
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
 * <p>Entities are ingested concurrently (their tables are independent Delta tables; orders wait
 * for this run's fx rates). Per entity: one Spark action reads, validates and classifies the new
 * files into a cache and counts the outcomes per file, then the accepted rows are written from
 * that cache. Commits per run: at most one append per entity table, then one to {@code quarantine},
 * then one to {@code _ingest_log}. The log is written last, so a run that dies half way loads its
 * files again next time; its appends name their run, and the next run deletes them first ({@link
 * InterruptedRuns}), so every record is counted once.
 */
public final class IngestJob {

  private static final String REASON = "_reason";
  /** Entities ingested at once: enough to overlap one entity's driver work with another's tasks. */
  private static final int ENTITY_THREADS = 4;
  /** Landing bytes per read task; smaller files share a task (bin-packed). */
  static final long BYTES_PER_TASK = 64L << 20;
  /** Above this many landing bytes an entity's keys are not broadcast for the lookup in bronze. */
  static final long BROADCAST_BATCH_BYTES = 256L << 20;
  /** Rows per written bronze file; a table gets one file per this many accepted rows. */
  static final long ROWS_PER_FILE = 2_000_000L;
  /**
   * Above this many landing bytes an entity's cached rows are kept on disk only, not in the heap. Measured on
   * viewer events (gzipped JSON lines): the classified cache, serialized and compressed, is about 4.6 times
   * the landing bytes, so at most about 2.3 GB of heap per entity (a scale-1 folder's viewer events, 261 MB,
   * stay in the heap; scale 10's, 2.6 GB, go to disk).
   */
  static final long CACHE_IN_HEAP_BYTES = 512L << 20;

  private IngestJob() {}

  /** Ingests every landing file not yet in {@code _ingest_log}; see {@link IngestOptions}. */
  public static IngestReport run(SparkSession spark, IngestOptions options, IngestListener listener) {
    BronzeTables tables = new BronzeTables(spark, options.lakePath(), options.runId());
    InterruptedRuns.rollBack(tables, Entities.ALL);

    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    List<LandingFile> listed = LandingScanner.scan(hadoopConf, options.landingPath(), Entities.ALL);
    LoadedFiles loaded = LoadedFiles.of(spark, tables);
    List<LandingFile> newFiles = new ArrayList<>();
    for (LandingFile f : listed) {
      if (!loaded.keys().contains(logKey(f.getPath(), f.getSize(), f.getModifiedAtMillis()))) {
        f.setFileOrder(newFiles.size());
        newFiles.add(f);
      }
    }
    int skipped = listed.size() - newFiles.size();
    return SparkSessions.withSettings(spark, settings(bytes(newFiles)),
        () -> load(spark, options, listener, tables, hadoopConf, loaded, newFiles, skipped));
  }

  /** Delta's switch between compiled and interpreted updates of a written file's statistics. */
  static final String INTERPRETED_STATISTICS = "spark.databricks.delta.collectStats.fallbackToInterpretedProjection";
  /** Spark's switch for the per-column encodings of its columnar cache. */
  static final String CACHE_ENCODINGS = "spark.sql.inMemoryColumnarStorage.compressed";

  /**
   * The session settings a run loads its {@code newBytes} of files with (a profile of a first run on the demo's folder,
   * docs/benchmarks.md "Profile, part 3"):
   * <ul>
   *   <li>Delta's statistics of a written file (count, each column's nulls, minimum and maximum) are updated row by row
   *       by a projection that follows {@code spark.sql.codegen.factoryMode}. Interpreted (small input, {@code
   *       SparkSessions.sizeFor}), Spark's {@code InterpretedMutableProjection} indexes its expression list as a Scala
   *       {@code List}, so each row costs the square of the table's column count: 15 % of all CPU samples, most of it
   *       writing viewer events. Ingest writes few tables with many rows, so Delta compiles that projection, once per
   *       table schema and JVM (Spark caches the class).
   *   <li>The cached rows are always stored serialized and compressed (lz4, {@link #cacheLevel}); Spark's columnar
   *       cache also encodes each column (dictionary, run length), and choosing means inspecting every value: 6 % of
   *       all samples. Up to {@link #CACHE_IN_HEAP_BYTES} of new files, where the cache lives in the heap, lz4 alone
   *       is enough; above, the cache goes to disk, where space is the limit (scale 10), and keeps the encodings.
   * </ul>
   */
  static Map<String, String> settings(long newBytes) {
    return newBytes <= CACHE_IN_HEAP_BYTES
        ? Map.of(INTERPRETED_STATISTICS, "false", CACHE_ENCODINGS, "false")
        : Map.of(INTERPRETED_STATISTICS, "false");
  }

  private static IngestReport load(SparkSession spark, IngestOptions options, IngestListener listener,
      BronzeTables tables, Configuration hadoopConf, LoadedFiles loaded, List<LandingFile> newFiles, int skipped) {
    if (!newFiles.isEmpty()) {
      InterruptedRuns.begin(tables, options.runId());
    }

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    HashMap<String, String> confMap = new HashMap<>();
    hadoopConf.forEach(e -> confMap.put(e.getKey(), e.getValue()));
    Broadcast<HashMap<String, String>> confBroadcast = jsc.broadcast(confMap);

    List<FileReport> reports = new ArrayList<>();
    List<String> withNewRecords = new ArrayList<>();
    Map<String, Long> byReason = new TreeMap<>();
    List<Dataset<Row>> quarantines = new ArrayList<>();
    List<Dataset<Row>> persisted = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(ENTITY_THREADS, daemonThreads());
    try {
      Map<String, List<LandingFile>> byEntity = new LinkedHashMap<>();
      for (EntitySchema entity : Entities.ALL) {
        byEntity.put(entity.name(), newFiles.stream().filter(f -> f.getEntity().equals(entity.name())).toList());
        listener.entityStarted(entity.name(), byEntity.get(entity.name()).size());
      }
      // Biggest entities first so the small ones fill the gaps; orders wait for this run's fx rates.
      List<EntitySchema> order = new ArrayList<>(Entities.ALL);
      order.sort(Comparator.comparingLong((EntitySchema e) -> -bytes(byEntity.get(e.name())))
          .thenComparing(e -> Entities.ALL.indexOf(e)));
      order.remove(Entities.FX_RATES);
      order.add(0, Entities.FX_RATES);
      Map<String, Future<EntityResult>> results = new HashMap<>();
      for (EntitySchema entity : order) {
        Future<EntityResult> fx = results.get(Entities.FX_RATES.name());
        results.put(entity.name(), pool.submit(inSession(spark, () -> {
          if (BronzeSchemas.isOrders(entity) && !byEntity.get(entity.name()).isEmpty()) {
            fx.get();
          }
          return ingestEntity(spark, jsc, tables, entity, byEntity.get(entity.name()), confBroadcast, options, persisted);
        })));
      }
      Future<Boolean> quarantineCreated = pool.submit(inSession(spark,
          () -> tables.createIfMissing(BronzeSchemas.QUARANTINE, BronzeSchemas.QUARANTINE_SCHEMA)));
      Future<Boolean> logCreated = pool.submit(inSession(spark,
          () -> tables.createIfMissing(BronzeSchemas.INGEST_LOG, BronzeSchemas.INGEST_LOG_SCHEMA)));
      for (EntitySchema entity : Entities.ALL) {
        EntityResult result = await(results.get(entity.name()));
        reports.addAll(result.reports());
        if (result.quarantine() != null) {
          quarantines.add(result.quarantine());
        }
        result.quarantinedByReason().forEach((reason, n) -> byReason.merge(reason, n, Long::sum));
        if (result.reports().stream().anyMatch(r -> r.accepted() > 0)) {
          withNewRecords.add(entity.name());
        }
        listener.entityFinished(entity.name(), result.reports());
      }
      await(quarantineCreated);
      await(logCreated);
      if (!byReason.isEmpty()) {
        Dataset<Row> all = quarantines.get(0);
        for (int i = 1; i < quarantines.size(); i++) {
          all = all.unionByName(quarantines.get(i));
        }
        tables.append(BronzeSchemas.QUARANTINE, all.coalesce(1));
      }
      if (!newFiles.isEmpty()) {
        tables.append(BronzeSchemas.INGEST_LOG, ingestLogRows(spark, newFiles, reports, options));
        loaded.appended(spark, tables, options.runId(), newFiles);
        InterruptedRuns.finish(tables, options.runId());
      }
    } finally {
      pool.shutdownNow();
      persisted.forEach(Dataset::unpersist);
      confBroadcast.destroy();
    }
    return new IngestReport(options.runId(), reports, withNewRecords, byReason, skipped);
  }

  private record EntityResult(List<FileReport> reports, Dataset<Row> quarantine, Map<String, Long> quarantinedByReason) {}

  /**
   * Reads, validates and classifies one entity's new files (creating its table first if the lake
   * has none), appends its accepted records and returns the per-file reconciliation and the
   * quarantine rows (backed by a persisted dataset, added to {@code persisted} for the caller to
   * unpersist once they are written).
   */
  private static EntityResult ingestEntity(SparkSession spark, JavaSparkContext jsc, BronzeTables tables,
      EntitySchema entity, List<LandingFile> files, Broadcast<HashMap<String, String>> conf, IngestOptions options,
      List<Dataset<Row>> persisted) {
    boolean created = tables.createIfMissing(entity.name(), BronzeSchemas.table(entity));
    if (files.isEmpty()) {
      return new EntityResult(List.of(), null, Map.of());
    }
    RecordsReadAccumulator recordsRead = new RecordsReadAccumulator();
    spark.sparkContext().register(recordsRead, "records read: " + entity.name());
    StorageLevel level = cacheLevel(bytes(files));
    Dataset<Row> staged = validated(spark, jsc, entity, files, conf, options.runStartedAt(), recordsRead);
    if (!created) {
      // The lookup in bronze reads this run's keys apart from the classification: cache the staged rows (with
      // every raw text) until the classified rows are, rather than read and validate the files twice. A first
      // run (or a table created in this run) has no lookup and reads the files once, into the classified cache.
      staged = staged.persist(level);
      persisted.add(staged);
    }
    Dataset<Row> classified = ClassifyRecords.classify(entity, staged, created ? null : tables.readCurrentVersion(entity.name()),
            BronzeSchemas.isOrders(entity) ? tables.readCurrentVersion("fx_rates") : null,
            options.reportingCurrency(), bytes(files) <= BROADCAST_BATCH_BYTES)
        .persist(level);
    persisted.add(classified);
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Long> byReason = new TreeMap<>();
    // One action: reads, validates and classifies into the cache and counts the outcomes per file.
    // The records read per file come from the reader (the accumulator), apart from classification,
    // so the reconciliation below really checks it.
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
    recordsRead.value().forEach((file, n) -> counts.computeIfAbsent(file, f -> new long[4])[0] = n);
    if (!created) {
      staged.unpersist();
    }

    List<FileReport> reports = new ArrayList<>();
    long accepted = 0;
    for (LandingFile f : files) {
      long[] c = counts.getOrDefault(f.getPath(), new long[4]);
      FileReport report = new FileReport(entity.name(), f.getPath(), c[0], c[1], c[2], c[3]);
      if (report.read() != report.accepted() + report.quarantined() + report.duplicates()) {
        throw IngestErrors.reconciliationFailed(entity.name(), f.getPath(), report.read(), report.accepted(),
            report.quarantined(), report.duplicates());
      }
      accepted += report.accepted();
      reports.add(report);
    }

    if (accepted > 0) {
      Dataset<Row> rows = classified.filter(col(STATUS).equalTo(ACCEPTED))
          .select(BronzeSchemas.tableColumns(entity, options.runId(), options.runStartedAt()));
      tables.append(entity.name(), clustered(entity, rows, accepted));
    }
    Dataset<Row> quarantine = classified.filter(col(STATUS).equalTo(QUARANTINED)).select(quarantineColumns(entity, options));
    return new EntityResult(reports, quarantine, byReason);
  }

  /**
   * How an entity's rows are cached: serialized (and compressed, {@code spark.rdd.compress} in {@link
   * io.showmetrics.runtime.SparkSessions}), in the heap as far as it holds them and on disk beyond, for up to
   * {@link #CACHE_IN_HEAP_BYTES} of landing files; on disk only above, where they would crowd the heap that
   * the classification's sort and the write's sort need (the operating system's page cache still holds what it can).
   */
  static StorageLevel cacheLevel(long landingBytes) {
    return landingBytes <= CACHE_IN_HEAP_BYTES ? StorageLevel.MEMORY_AND_DISK_SER() : StorageLevel.DISK_ONLY();
  }

  /**
   * The staging rows of an entity's files, read on the executors and validated record by record;
   * files are bin-packed by size into tasks of about {@link #BYTES_PER_TASK}, at least one per core.
   */
  static Dataset<Row> validated(SparkSession spark, JavaSparkContext jsc, EntitySchema entity,
      List<LandingFile> files, Broadcast<HashMap<String, String>> conf, Instant runStartedAt,
      RecordsReadAccumulator recordsRead) {
    List<List<LandingFile>> bins = binPack(files, spark.sparkContext().defaultParallelism(), BYTES_PER_TASK);
    JavaRDD<Row> rows = jsc.parallelize(bins, bins.size())
        .flatMap(new ReadAndValidate(conf, entity.name(), runStartedAt, recordsRead));
    return spark.createDataFrame(rows, BronzeSchemas.staging(entity));
  }

  /**
   * Files in bins of similar total size: {@code max(minBins, total / bytesPerBin)} bins (never more
   * than files), largest file first into the lightest bin. Each file stays whole in one bin.
   */
  static List<List<LandingFile>> binPack(List<LandingFile> files, int minBins, long bytesPerBin) {
    long total = bytes(files);
    int n = (int) Math.min(files.size(), Math.max(Math.max(1, minBins), (total + bytesPerBin - 1) / bytesPerBin));
    List<List<LandingFile>> bins = new ArrayList<>();
    long[] load = new long[n];
    for (int i = 0; i < n; i++) {
      bins.add(new ArrayList<>());
    }
    List<LandingFile> bySize = new ArrayList<>(files);
    bySize.sort(Comparator.comparingLong(LandingFile::getSize).reversed().thenComparing(LandingFile::getPath));
    for (LandingFile f : bySize) {
      int lightest = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      bins.get(lightest).add(f);
      load[lightest] += f.getSize();
    }
    return bins;
  }

  private static long bytes(List<LandingFile> files) {
    return files.stream().mapToLong(LandingFile::getSize).sum();
  }

  /** Runs {@code task} with {@code spark} as the thread's active session (Delta looks it up). */
  private static <T> Callable<T> inSession(SparkSession spark, Callable<T> task) {
    return () -> {
      SparkSession.setActiveSession(spark);
      try {
        return task.call();
      } finally {
        SparkSession.clearActiveSession();
      }
    };
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "ingest-entity-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The task's result; its failure is rethrown as is (an ingest error keeps its message). */
  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while ingesting", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExecutionException nested && nested.getCause() != null) {
        cause = nested.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("Ingest failed: " + cause.getMessage(), cause);
    }
  }

  /**
   * One bronze file per {@link #ROWS_PER_FILE} accepted rows. Event tables are sorted on their
   * cluster column (show) and time, so files and row groups skip by show; above one file they are
   * range-partitioned on it first (the sampling job pays only where there are several files).
   */
  private static Dataset<Row> clustered(EntitySchema entity, Dataset<Row> rows, long count) {
    int files = (int) Math.max(1, (count + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
    if (entity.clusterBy() == null) {
      return rows.coalesce(files);
    }
    Dataset<Row> partitioned = files == 1 ? rows.coalesce(1) : rows.repartitionByRange(files, col(entity.clusterBy()));
    return partitioned.sortWithinPartitions(col(entity.clusterBy()), col("ts"));
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

  /**
   * The files {@code _ingest_log} names, as of one of its versions. Kept between the runs of one JVM (the live loop
   * runs one every few seconds): reading the log is a Delta snapshot and a scan, about 1.5 s here once the log has
   * many commits, so a run reuses the keys when the log has not moved, and a run's own append adds its files. Any
   * other change to the log (another process's run) makes the next run read it again.
   */
  private record LoadedFiles(String path, long version, Set<String> keys) {
    private static final Map<String, LoadedFiles> KEPT = new java.util.concurrent.ConcurrentHashMap<>();

    static LoadedFiles of(SparkSession spark, BronzeTables tables) {
      String path = tables.path(BronzeSchemas.INGEST_LOG);
      long version = DeltaVersions.current(spark, path);
      if (version < 0) {
        return new LoadedFiles(path, version, Set.of());
      }
      LoadedFiles kept = KEPT.get(path);
      if (kept != null && kept.version() == version) {
        return kept;
      }
      Set<String> keys = new HashSet<>();
      for (Row r : spark.read().format("delta").option("versionAsOf", version).load(path)
          .select(col("file"), col("size"), expr("unix_millis(modified_at)")).collectAsList()) {
        keys.add(logKey(r.getString(0), r.getLong(1), r.getLong(2)));
      }
      LoadedFiles read = new LoadedFiles(path, version, Set.copyOf(keys));
      KEPT.put(path, read);
      return read;
    }

    /** After the run {@code runId} appended {@code files} to the log: kept with them if that was its only change. */
    void appended(SparkSession spark, BronzeTables tables, String runId, List<LandingFile> files) {
      long now = DeltaVersions.current(spark, path);
      boolean onlyOurs = version >= 0 && now == version + 1
          && InterruptedRuns.appendTag(runId).equals(DeltaVersions.userMetadata(spark, path, now));
      if (!onlyOurs) {
        KEPT.remove(path);
        return;
      }
      Set<String> keys = new HashSet<>(this.keys);
      files.forEach(f -> keys.add(logKey(f.getPath(), f.getSize(), f.getModifiedAtMillis())));
      KEPT.put(path, new LoadedFiles(path, now, Set.copyOf(keys)));
    }
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
