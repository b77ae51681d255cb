package io.showmetrics.ingest;

import static io.showmetrics.ingest.LakeFixtures.table;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.showmetrics.runtime.TestSparkSession;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.Reason;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One ingest of {@code src/test/resources/landing_broken}: a fixture file per scenario, together
 * covering every reason code, with the exact counts each file must reconcile to.
 */
class BrokenLandingIT {

  /** Complete lines before the cut in truncated.jsonl.gz (400 lines, gzip cut at half its bytes). */
  static final long TRUNCATED_GOOD_LINES = 196;

  static final SparkSession spark = TestSparkSession.get();
  static Path root;
  static Path lake;
  static IngestReport report;
  static final List<String> started = new ArrayList<>();
  static final Map<String, List<FileReport>> finished = new HashMap<>();

  @BeforeAll
  static void ingestOnce() throws IOException {
    root = Files.createTempDirectory("broken-landing");
    Path landing = root.resolve("landing");
    lake = root.resolve("lake");
    LakeFixtures.copyResource("landing_broken", landing);
    report = IngestJob.run(spark, LakeFixtures.options(landing, lake, "20260305T000000Z-0001"), new IngestListener() {
      @Override
      public void entityStarted(String entity, int files) {
        started.add(entity + ":" + files);
      }

      @Override
      public void entityFinished(String entity, List<FileReport> files) {
        finished.put(entity, files);
      }
    });
  }

  @AfterAll
  static void cleanUp() {
    LakeFixtures.deleteTree(root);
  }

  static FileReport file(String suffix) {
    return report.files().stream().filter(f -> f.file().endsWith(suffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no report for " + suffix + " in " + report.files()));
  }

  static List<Object> counts(FileReport f) {
    return List.of(f.read(), f.accepted(), f.quarantined(), f.duplicates());
  }

  @Test
  void everyFileReconcilesToItsExactCounts() {
    assertThat(counts(file("dt=2026-03-01/bad_timestamps.jsonl"))).containsExactly(5L, 2L, 3L, 0L);
    assertThat(counts(file("dt=2026-03-01/bad_values.jsonl"))).containsExactly(7L, 1L, 6L, 0L);
    assertThat(counts(file("dt=2026-03-02/duplicates_and_conflicts.jsonl"))).containsExactly(4L, 1L, 1L, 2L);
    assertThat(counts(file("dt=2026-03-03/ok.jsonl.gz"))).containsExactly(2L, 2L, 0L, 0L);
    assertThat(counts(file("dt=2026-03-03/truncated.jsonl.gz")))
        .containsExactly(TRUNCATED_GOOD_LINES + 1, TRUNCATED_GOOD_LINES, 1L, 0L);
    assertThat(counts(file("chat_events/bad_quotes.csv"))).containsExactly(6L, 3L, 3L, 0L);
    assertThat(counts(file("fx_rates/rates.jsonl"))).containsExactly(3L, 2L, 1L, 0L);
    assertThat(counts(file("orders/orders.csv"))).containsExactly(10L, 3L, 6L, 1L);
    assertThat(counts(file("shows/shows.jsonl"))).containsExactly(2L, 1L, 1L, 0L);
    assertThat(counts(file("experiments/experiments.jsonl"))).containsExactly(1L, 1L, 0L, 0L);
    // sv2 comes from an unseen source ("billboard"): an open label, accepted as given.
    assertThat(counts(file("store_visits/visits.jsonl"))).containsExactly(2L, 2L, 0L, 0L);
    assertThat(report.files()).hasSize(11);
    assertThat(report.files()).allSatisfy(f -> assertThat(f.read()).isEqualTo(f.accepted() + f.quarantined() + f.duplicates()));
  }

  @Test
  void everyReasonCodeAppearsWithItsExactCount() {
    Map<String, Long> expected = new HashMap<>();
    expected.put("malformed_json", 1L);
    expected.put("malformed_csv", 3L);
    expected.put("missing_field", 1L);
    expected.put("bad_type", 2L);
    expected.put("bad_timestamp", 2L);
    expected.put("unknown_value", 2L);
    expected.put("negative_value", 3L);
    expected.put("unknown_currency", 1L);
    expected.put("bad_identifier", 1L);
    expected.put("future_timestamp", 1L);
    expected.put("bad_range", 1L);
    expected.put("conflicting_id", 1L);
    expected.put("no_fx_rate", 2L);
    expected.put("unreadable_file", 1L);
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(Reason.values()).map(Reason::code).toList());
    assertThat(report.quarantinedByReason()).isEqualTo(expected);

    Map<String, Long> stored = new HashMap<>();
    table(spark, lake, "quarantine").groupBy("reason").count().collectAsList()
        .forEach(r -> stored.put(r.getString(0), r.getLong(1)));
    assertThat(stored).isEqualTo(expected);
  }

  @Test
  void quarantineRowsNameFileLineFieldAndKeepTheRawText() {
    Row row = table(spark, lake, "quarantine").filter(col("reason").equalTo("bad_timestamp").and(col("line").equalTo(2))).head();
    assertThat(row.<String>getAs("file")).endsWith("viewer_events/dt=2026-03-01/bad_timestamps.jsonl");
    assertThat(row.<String>getAs("field")).isEqualTo("ts");
    assertThat(row.<String>getAs("entity")).isEqualTo("viewer_events");
    assertThat(row.<String>getAs("run_id")).isEqualTo("20260305T000000Z-0001");
    assertThat(row.<String>getAs("raw")).contains("\"event_id\":\"e10\"");
    assertThat(row.<String>getAs("message")).contains("bad_timestamps.jsonl:2").contains("'ts'").contains("has no UTC offset");

    Row unreadable = table(spark, lake, "quarantine").filter(col("reason").equalTo("unreadable_file")).head();
    assertThat(unreadable.<Long>getAs("line")).isEqualTo(TRUNCATED_GOOD_LINES + 1);
    assertThat(unreadable.<String>getAs("file")).endsWith("truncated.jsonl.gz");

    Row conflict = table(spark, lake, "quarantine").filter(col("reason").equalTo("conflicting_id")).head();
    assertThat(conflict.<String>getAs("field")).isEqualTo("event_id");
    assertThat(conflict.<String>getAs("message")).contains("duplicates_and_conflicts.jsonl:2").contains("'e2'");

    List<Long> csvLines = table(spark, lake, "quarantine").filter(col("reason").equalTo("malformed_csv"))
        .select("line").orderBy("line").as(org.apache.spark.sql.Encoders.LONG()).collectAsList();
    assertThat(csvLines).containsExactly(3L, 4L, 5L);

    Row noRate = table(spark, lake, "quarantine").filter(col("reason").equalTo("no_fx_rate").and(col("line").equalTo(9))).head();
    assertThat(noRate.<String>getAs("message")).contains("USD on 2026-03-02");
  }

  @Test
  void acceptedRecordsAreTypedWithMetadata() {
    Row e3 = table(spark, lake, "viewer_events").filter(col("event_id").equalTo("e3")).head();
    assertThat(e3.<String>getAs("_extra")).isEqualTo("{\"campaign\":\"spring\",\"utm\":{\"medium\":null,\"source\":\"mail\"}}");
    assertThat(e3.<Boolean>getAs("replay")).isFalse();
    assertThat(e3.<Long>getAs("_line")).isEqualTo(7L);
    assertThat(e3.<String>getAs("_run_id")).isEqualTo("20260305T000000Z-0001");
    assertThat(e3.<String>getAs("_hash")).hasSize(64);
    assertThat(table(spark, lake, "viewer_events").count()).isEqualTo(2 + 1 + 1 + 2 + TRUNCATED_GOOD_LINES);

    Row c5 = table(spark, lake, "chat_events").filter(col("event_id").equalTo("c5")).head();
    assertThat(c5.<String>getAs("text")).isEqualTo("line one\nline two, with \"quotes\"");
    assertThat(c5.<Long>getAs("_line")).isEqualTo(6L);

    Row show = table(spark, lake, "shows").head();
    assertThat(show.getList(show.fieldIndex("featured_skus"))).containsExactly("sku1", "sku2");
    Row experiment = table(spark, lake, "experiments").head();
    assertThat(experiment.getJavaMap(experiment.fieldIndex("expected_split"))).containsOnly(entry("holdout", 0.2), entry("push", 0.8));
  }

  @Test
  void fileOrderFollowsThePathOrderOfTheRun() {
    List<Row> rows = table(spark, lake, "viewer_events").select("_file", "_file_order").distinct().orderBy("_file").collectAsList();
    assertThat(rows).extracting(r -> r.getInt(1)).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void foreignCurrencyOrdersAreConvertedWithTheRateOfTheirUtcDate() {
    Row o5 = table(spark, lake, "orders").filter(col("order_id").equalTo("o5")).head();
    assertThat(o5.<String>getAs("currency")).isEqualTo("USD");
    assertThat(o5.<BigDecimal>getAs("unit_price")).isEqualByComparingTo("1.0001");
    // 1.0001 x 0.5 = 0.50005, kept unrounded (quantity x price x rate is summed at full precision).
    assertThat(o5.<BigDecimal>getAs("unit_price_reporting")).isEqualByComparingTo("0.50005");
    assertThat(o5.<String>getAs("line_no")).isEqualTo("1");

    List<Row> o1 = table(spark, lake, "orders").filter(col("order_id").equalTo("o1")).orderBy("_line").collectAsList();
    assertThat(o1).extracting(r -> r.<String>getAs("status")).containsExactly("placed", "cancelled");
    assertThat(o1).extracting(r -> r.<String>getAs("line_no")).containsExactly("sku1", "sku1");
    assertThat(o1.get(0).<BigDecimal>getAs("unit_price_reporting")).isEqualByComparingTo("19.99");
  }

  @Test
  void everyTableExistsWithTheContractSchema() {
    for (EntitySchema entity : Entities.ALL) {
      assertThat(table(spark, lake, entity.name()).columns()).startsWith(entity.fields().stream().map(f -> f.name()).toArray(String[]::new))
          .endsWith("_extra", "_file", "_line", "_file_order", "_run_id", "_ingested_at", "_hash");
    }
    assertThat(table(spark, lake, "customers").count()).isZero();
    assertThat(table(spark, lake, "viewer_events").schema().apply("replay").nullable()).isFalse();
    assertThat(table(spark, lake, "viewer_events").schema().apply("ts").dataType().typeName()).isEqualTo("timestamp");
    assertThat(table(spark, lake, "orders").schema().apply("unit_price_reporting").dataType().simpleString()).isEqualTo("decimal(30,12)");
  }

  @Test
  void ingestLogHoldsEveryFileWithItsCounts() {
    List<Row> log = table(spark, lake, "_ingest_log").collectAsList();
    assertThat(log).hasSize(11);
    Row orders = log.stream().filter(r -> r.<String>getAs("file").endsWith("orders.csv")).findFirst().orElseThrow();
    assertThat(List.of(orders.<Long>getAs("records_read"), orders.<Long>getAs("records_accepted"),
        orders.<Long>getAs("records_quarantined"), orders.<Long>getAs("records_duplicate"))).containsExactly(10L, 3L, 6L, 1L);
    assertThat(orders.<Long>getAs("size")).isPositive();
  }

  @Test
  void listenerHearsEveryEntityAndReportCarriesEntitiesWithNewRecords() {
    assertThat(started).hasSize(12).contains("viewer_events:5", "customers:0", "fx_rates:1");
    assertThat(finished.get("viewer_events")).hasSize(5);
    assertThat(report.entitiesWithNewRecords())
        .containsExactlyInAnyOrder("fx_rates", "shows", "viewer_events", "chat_events", "orders", "store_visits", "experiments");
    assertThat(report.reconciliationTable()).contains("orders.csv");
  }
}
