package io.showmetrics.ingest;

import static io.showmetrics.ingest.LakeFixtures.options;
import static io.showmetrics.ingest.LakeFixtures.table;
import static io.showmetrics.ingest.LakeFixtures.version;
import static io.showmetrics.ingest.LakeFixtures.write;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.runtime.TestSparkSession;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.TestRecords;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs over the same lake: idempotence, new files, duplicates and conflicts across runs. */
class IncrementalIngestIT {

  static final SparkSession spark = TestSparkSession.get();

  @TempDir
  Path tmp;

  Path landing() {
    return tmp.resolve("landing");
  }

  Path lake() {
    return tmp.resolve("lake");
  }

  @BeforeEach
  void startFromEmptyBronzeTables() {
    LakeFixtures.emptyLake(spark, lake());
  }

  IngestReport run(String runId) {
    return IngestJob.run(spark, options(landing(), lake(), runId), IngestListener.NONE);
  }

  static String lines(TestRecords... records) {
    StringBuilder b = new StringBuilder();
    for (TestRecords r : records) {
      b.append(r.json()).append('\n');
    }
    return b.toString();
  }

  Map<String, Long> versions() {
    Map<String, Long> v = new HashMap<>();
    for (EntitySchema e : Entities.ALL) {
      v.put(e.name(), version(spark, lake(), e.name()));
    }
    v.put("quarantine", version(spark, lake(), "quarantine"));
    v.put("_ingest_log", version(spark, lake(), "_ingest_log"));
    return v;
  }

  @Test
  void emptyLandingCreatesEveryTableAndLoadsNothing() {
    landing().toFile().mkdirs();
    Path freshLake = tmp.resolve("fresh-lake");
    IngestReport report = IngestJob.run(spark, options(landing(), freshLake, "r1"), IngestListener.NONE);
    assertThat(report.files()).isEmpty();
    assertThat(report.totals().read()).isZero();
    for (EntitySchema e : Entities.ALL) {
      assertThat(table(spark, freshLake, e.name()).count()).isZero();
      assertThat(version(spark, freshLake, e.name())).isZero();
    }
    assertThat(table(spark, freshLake, "quarantine").columns())
        .containsExactly("run_id", "entity", "file", "line", "field", "reason", "message", "raw", "ingested_at");
    assertThat(table(spark, freshLake, "_ingest_log").columns()).containsExactly("run_id", "entity", "file", "size",
        "modified_at", "records_read", "records_accepted", "records_quarantined", "records_duplicate", "loaded_at");
  }

  @Test
  void smallRunsCompileBronzeStatisticsAndSkipColumnEncodingsThenPutTheSessionsSettingsBack() {
    write(landing(), "viewer_events/a.jsonl", lines(TestRecords.viewerEvent()));
    String statistics = IngestJob.INTERPRETED_STATISTICS;
    String encodings = IngestJob.CACHE_ENCODINGS;
    Map<String, String> before = Map.of(statistics, spark.conf().get(statistics), encodings, spark.conf().get(encodings));
    assertThat(before).containsEntry(statistics, "true").containsEntry(encodings, "true");
    List<String> during = new java.util.concurrent.CopyOnWriteArrayList<>();
    IngestJob.run(spark, options(landing(), lake(), "r1"), new IngestListener() {
      @Override
      public void entityFinished(String entity, List<FileReport> files) {
        during.add(spark.conf().get(statistics) + "/" + spark.conf().get(encodings));
      }
    });
    assertThat(during).isNotEmpty().containsOnly("false/false");
    assertThat(Map.of(statistics, spark.conf().get(statistics), encodings, spark.conf().get(encodings))).isEqualTo(before);
    // Above what the heap holds, the cache goes to disk and keeps its column encodings.
    assertThat(IngestJob.settings(IngestJob.CACHE_IN_HEAP_BYTES)).containsEntry(encodings, "false");
    assertThat(IngestJob.settings(IngestJob.CACHE_IN_HEAP_BYTES + 1)).doesNotContainKey(encodings)
        .containsEntry(statistics, "false");
  }

  @Test
  void rerunOnTheSameFolderLoadsNothingAndCommitsNothing() {
    write(landing(), "viewer_events/a.jsonl", lines(TestRecords.viewerEvent(), TestRecords.viewerEvent().with("event_id", "e2")));
    write(landing(), "orders/o.csv", TestRecords.order().csvHeader() + "\n" + TestRecords.order().with("quantity", -3).csvRow() + "\n");
    IngestReport first = run("r1");
    assertThat(first.totals()).isEqualTo(new IngestReport.Totals(2, 3, 2, 1, 0));
    Map<String, Long> before = versions();

    IngestReport second = run("r2");

    assertThat(second.files()).isEmpty();
    assertThat(second.filesSkipped()).isEqualTo(2);
    assertThat(second.entitiesWithNewRecords()).isEmpty();
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void filesLoggedByAnotherProcessBetweenTwoRunsAreSkipped() throws java.io.IOException {
    // A run keeps the log's file keys for the next run of the same JVM (the live loop); a log entry written by
    // another process in between must still be seen.
    write(landing(), "viewer_events/a.jsonl", lines(TestRecords.viewerEvent()));
    run("r1");
    Path b = write(landing(), "viewer_events/b.jsonl", lines(TestRecords.viewerEvent().with("event_id", "e2")));
    String log = lake().resolve("bronze").resolve("_ingest_log").toString();
    Row a = spark.read().format("delta").load(log).head();
    String bFile = a.<String>getAs("file").replace("a.jsonl", "b.jsonl");
    spark.read().format("delta").load(log)
        .withColumn("file", org.apache.spark.sql.functions.lit(bFile))
        .withColumn("size", org.apache.spark.sql.functions.lit(java.nio.file.Files.size(b)))
        .withColumn("modified_at", org.apache.spark.sql.functions.timestamp_millis(
            org.apache.spark.sql.functions.lit(java.nio.file.Files.getLastModifiedTime(b).toMillis())))
        .withColumn("run_id", org.apache.spark.sql.functions.lit("other"))
        .write().format("delta").mode("append").option("userMetadata", "another process").save(log);

    IngestReport second = run("r2");

    assertThat(second.files()).isEmpty();
    assertThat(second.filesSkipped()).isEqualTo(2);
  }

  @Test
  void newFileIsPickedUpAloneAndItsDuplicatesAndConflictsAreJudgedAgainstBronze() {
    write(landing(), "viewer_events/dt=1/a.jsonl", lines(TestRecords.viewerEvent(), TestRecords.viewerEvent().with("event_id", "e2")));
    run("r1");

    write(landing(), "viewer_events/dt=2/b.jsonl", lines(
        TestRecords.viewerEvent(),                                           // same as run 1: duplicate
        TestRecords.viewerEvent().with("event_id", "e2").with("type", "leave"), // same id, new content: conflict
        TestRecords.viewerEvent().with("event_id", "e3")));                  // new
    IngestReport second = run("r2");

    assertThat(second.files()).singleElement().satisfies(f -> {
      assertThat(f.file()).endsWith("dt=2/b.jsonl");
      assertThat(List.of(f.read(), f.accepted(), f.quarantined(), f.duplicates())).containsExactly(3L, 1L, 1L, 1L);
    });
    assertThat(second.quarantinedByReason()).containsOnlyKeys("conflicting_id");
    assertThat(table(spark, lake(), "viewer_events").count()).isEqualTo(3);
    Row e3 = table(spark, lake(), "viewer_events").filter(col("event_id").equalTo("e3")).head();
    assertThat(e3.<String>getAs("_run_id")).isEqualTo("r2");
    assertThat(e3.<Integer>getAs("_file_order")).isZero();
  }

  @Test
  void changedFileIsLoadedAgainAndItsOldRecordsCountAsDuplicates() {
    write(landing(), "stock/s.jsonl", lines(TestRecords.stock()));
    run("r1");
    write(landing(), "stock/s.jsonl", lines(TestRecords.stock(), TestRecords.stock().with("available_qty", 0)));
    IngestReport second = run("r2");
    assertThat(second.files()).singleElement()
        .satisfies(f -> assertThat(List.of(f.read(), f.accepted(), f.duplicates())).containsExactly(2L, 1L, 1L));
  }

  @Test
  void sameRecordInJsonAndCsvHasTheSameHashSoTheSecondCopyIsADuplicate() {
    TestRecords record = TestRecords.order().with("line_no", "1").with("store_id", "st1");
    write(landing(), "orders/a.jsonl", lines(record));
    write(landing(), "orders/b.csv", record.csvHeader() + "\n" + record.csvRow() + "\n");
    IngestReport report = run("r1");
    assertThat(report.files()).extracting(FileReport::accepted).containsExactly(1L, 0L);
    assertThat(report.files()).extracting(FileReport::duplicates).containsExactly(0L, 1L);
  }

  @Test
  void updatesAreAcceptedAndExactRepeatsAcrossRunsAreDuplicates() {
    write(landing(), "shows/a.jsonl", lines(TestRecords.show()));
    run("r1");
    write(landing(), "shows/b.jsonl", lines(TestRecords.show(), TestRecords.show().with("title", "Spring drop (extended)")));
    IngestReport second = run("r2");
    assertThat(second.files()).singleElement()
        .satisfies(f -> assertThat(List.of(f.read(), f.accepted(), f.quarantined(), f.duplicates())).containsExactly(2L, 1L, 0L, 1L));
    assertThat(table(spark, lake(), "shows").count()).isEqualTo(2);
  }

  @Test
  void aShowsTableWrittenBeforeCostExistedGainsTheColumnAndItsShowsStayDuplicates() {
    write(landing(), "shows/a.jsonl", lines(TestRecords.show()));
    run("r1");
    // The lake as a version without shows.cost left it: no such column (the stored hash never counted it).
    String shows = lake().resolve("bronze").resolve("shows").toString();
    spark.read().format("delta").load(shows).drop("cost").write().format("delta").mode("overwrite")
        .option("overwriteSchema", "true").save(shows);
    assertThat(table(spark, lake(), "shows").columns()).doesNotContain("cost");

    write(landing(), "shows/b.jsonl", lines(TestRecords.show(),
        TestRecords.show().with("show_id", "s2").with("cost", "1500")));
    IngestReport second = run("r2");

    assertThat(second.files()).singleElement()
        .satisfies(f -> assertThat(List.of(f.read(), f.accepted(), f.duplicates())).containsExactly(2L, 1L, 1L));
    Map<String, Object> costs = new HashMap<>();
    table(spark, lake(), "shows").collectAsList().forEach(r -> costs.put(r.getAs("show_id"), r.getAs("cost")));
    assertThat(costs).containsEntry("s1", null).containsEntry("s2", new java.math.BigDecimal("1500.0000"));
  }

  @Test
  void ordersOfARunAreConvertedWithRatesLoadedInTheSameRunOrEarlier() {
    write(landing(), "fx_rates/r.csv", "currency,date,rate_to_reporting\nUSD,2026-03-01,0.9\n");
    run("r1");
    write(landing(), "fx_rates/r2.csv", "currency,date,rate_to_reporting\nUSD,2026-03-01,0.8\nGBP,2026-03-01,1.2\n");
    write(landing(), "orders/o.jsonl", lines(
        TestRecords.order().with("currency", "USD").with("unit_price", "10"),
        TestRecords.order().with("order_id", "o2").with("currency", "GBP").with("unit_price", "10"),
        TestRecords.order().with("order_id", "o3").with("currency", "JPY").with("unit_price", "10")));
    IngestReport second = run("r2");
    assertThat(second.quarantinedByReason()).containsOnlyKeys("no_fx_rate");
    Map<String, String> converted = new HashMap<>();
    table(spark, lake(), "orders").collectAsList().forEach(r -> converted.put(r.getAs("order_id"), r.getAs("unit_price_reporting").toString()));
    // The latest rate loaded for (USD, 2026-03-01) wins: run r2's 0.8.
    assertThat(converted).containsOnly(Map.entry("o1", "8.000000000000"), Map.entry("o2", "12.000000000000"));
  }

  @Test
  void filesReadInOneTaskKeepTheirOwnReconciliation() {
    // TestRecords.with changes the record in place: every variant below is built fresh.
    write(landing(), "viewer_events/dt=1/a.jsonl", lines(TestRecords.viewerEvent(), TestRecords.viewerEvent().with("event_id", "e2")));
    write(landing(), "viewer_events/dt=1/b.jsonl", lines(TestRecords.viewerEvent(),
        TestRecords.viewerEvent().with("event_id", "e2").with("type", "nap")));
    write(landing(), "viewer_events/dt=2/c.jsonl", lines(TestRecords.viewerEvent().with("event_id", "e3")));
    write(landing(), "viewer_events/dt=2/d.jsonl", lines(TestRecords.viewerEvent().with("event_id", "e2").with("type", "leave"),
        TestRecords.viewerEvent().with("event_id", "e2")));
    write(landing(), "viewer_events/dt=3/empty.jsonl", "");
    IngestReport report = run("r1");
    assertThat(report.files()).extracting(f -> f.file().substring(f.file().indexOf("dt=")),
            f -> List.of(f.read(), f.accepted(), f.quarantined(), f.duplicates()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dt=1/a.jsonl", List.of(2L, 2L, 0L, 0L)),
            org.assertj.core.groups.Tuple.tuple("dt=1/b.jsonl", List.of(2L, 0L, 1L, 1L)),
            org.assertj.core.groups.Tuple.tuple("dt=2/c.jsonl", List.of(1L, 1L, 0L, 0L)),
            org.assertj.core.groups.Tuple.tuple("dt=2/d.jsonl", List.of(2L, 0L, 1L, 1L)),
            org.assertj.core.groups.Tuple.tuple("dt=3/empty.jsonl", List.of(0L, 0L, 0L, 0L)));
    assertThat(report.quarantinedByReason()).containsOnly(Map.entry("unknown_value", 1L), Map.entry("conflicting_id", 1L));
    assertThat(table(spark, lake(), "viewer_events").count()).isEqualTo(3);
  }

  @Test
  void recordsLoadedRunsAgoAreStillFoundAmongUnrelatedHistory() {
    // TestRecords.with changes the record in place: every variant below is built fresh.
    write(landing(), "viewer_events/dt=1/a.jsonl", lines(TestRecords.viewerEvent().with("event_id", "old")));
    write(landing(), "stock/dt=1/a.jsonl", lines(TestRecords.stock()));
    run("r1");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      many.append(TestRecords.viewerEvent().with("event_id", "n" + i).json()).append('\n');
    }
    write(landing(), "viewer_events/dt=2/b.jsonl", many.toString());
    write(landing(), "stock/dt=2/b.jsonl", lines(TestRecords.stock().with("available_qty", 0)));
    run("r2");

    write(landing(), "viewer_events/dt=3/c.jsonl", lines(
        TestRecords.viewerEvent().with("event_id", "old"),                     // loaded two runs ago: duplicate
        TestRecords.viewerEvent().with("event_id", "old").with("type", "leave"), // same id, new content: conflict
        TestRecords.viewerEvent().with("event_id", "n7").with("type", "leave"), // conflicts with run 2
        TestRecords.viewerEvent().with("event_id", "fresh")));
    write(landing(), "stock/dt=3/c.jsonl", lines(TestRecords.stock(), TestRecords.stock().with("available_qty", 1)));
    IngestReport third = run("r3");

    assertThat(third.files()).extracting(f -> f.entity(), f -> List.of(f.read(), f.accepted(), f.quarantined(), f.duplicates()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("viewer_events", List.of(4L, 1L, 2L, 1L)),
            org.assertj.core.groups.Tuple.tuple("stock", List.of(2L, 1L, 0L, 1L)));
    assertThat(third.quarantinedByReason()).containsOnly(Map.entry("conflicting_id", 2L));
    assertThat(table(spark, lake(), "viewer_events").count()).isEqualTo(202);
  }

  @Test
  void aFirstRunCreatesTheTablesWithTheirDeclaredColumns() {
    write(landing(), "viewer_events/a.jsonl", lines(TestRecords.viewerEvent()));
    Path freshLake = tmp.resolve("fresh-lake");
    IngestReport report = IngestJob.run(spark, options(landing(), freshLake, "r1"), IngestListener.NONE);
    assertThat(report.totals()).isEqualTo(new IngestReport.Totals(1, 1, 1, 0, 0));
    for (EntitySchema e : Entities.ALL) {
      assertThat(table(spark, freshLake, e.name()).schema()).isEqualTo(io.showmetrics.ingest.spark.BronzeSchemas.table(e));
    }
    assertThat(table(spark, freshLake, "viewer_events").count()).isEqualTo(1);
    assertThat(version(spark, freshLake, "viewer_events")).isEqualTo(1);
  }
}
