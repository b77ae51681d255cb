package io.showmetrics.ingest.spark;

import io.showmetrics.ingest.read.RawRecord;
import io.showmetrics.ingest.read.LandingFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.RecordValidator;
import io.showmetrics.ingest.validate.TestRecords;
import io.showmetrics.runtime.TestSparkSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@link ClassifyRecords} on small in-memory datasets: each case lists records as (file order,
 * line) in arrival order plus what bronze already holds, and the expected status per record.
 */
class ClassifyRecordsIT {

  static final SparkSession spark = TestSparkSession.get();
  static final Instant RUN = Instant.parse("2026-03-05T00:00:00Z");

  /** Staging rows of the given records, the i-th at file order 0, line i + 1. */
  static Dataset<Row> staged(EntitySchema entity, List<TestRecords> records) throws Exception {
    RecordValidator validator = new RecordValidator(entity, RUN);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String raw = records.get(i).json();
      RawRecord record = new RawRecord("file:/l/f.jsonl", 0, i + 1, LandingFile.JSONL, RawRecord.RECORD, null, raw);
      rows.add(ValidateRecord.toRow(entity, record, validator.validateJson(record.getFile(), record.getLine(), raw)));
    }
    return spark.createDataFrame(rows, BronzeSchemas.staging(entity));
  }

  /** A bronze table holding the given records (as an earlier run would have written them). */
  static Dataset<Row> bronze(EntitySchema entity, List<TestRecords> records) throws Exception {
    Dataset<Row> rows = staged(entity, records);
    if (BronzeSchemas.isOrders(entity)) {
      rows = rows.withColumn(BronzeSchemas.UNIT_PRICE_REPORTING, rows.col("unit_price"));
    }
    return rows.select(BronzeSchemas.tableColumns(entity, "r0", RUN));
  }

  static List<String> statuses(EntitySchema entity, List<TestRecords> batch, List<TestRecords> stored) throws Exception {
    Dataset<Row> noRates = bronze(TestRecords.fxRate().schema(), List.of());
    Dataset<Row> out = ClassifyRecords.classify(entity, staged(entity, batch), bronze(entity, stored), noRates, "EUR");
    return out.orderBy(BronzeSchemas.LINE).select(ClassifyRecords.STATUS, "_reason").collectAsList().stream()
        .map(r -> r.getString(1) == null ? r.getString(0) : r.getString(1)).toList();
  }

  @Test
  void eventsFirstCopyWinsRepeatsAreDuplicatesAndAlteredCopiesConflict() throws Exception {
    TestRecords e1 = TestRecords.viewerEvent();
    TestRecords e1Altered = TestRecords.viewerEvent().with("type", "leave");
    TestRecords e2 = TestRecords.viewerEvent().with("event_id", "e2");
    assertThat(statuses(e1.schema(), List.of(e1, e1Altered, e1, e1Altered, e2), List.of()))
        .containsExactly("accepted", "conflicting_id", "duplicate", "conflicting_id", "accepted");
  }

  @Test
  void eventsAreJudgedAgainstTheCopyInBronze() throws Exception {
    TestRecords e1 = TestRecords.viewerEvent();
    TestRecords e1Altered = TestRecords.viewerEvent().with("type", "leave");
    assertThat(statuses(e1.schema(), List.of(e1Altered, e1), List.of(e1)))
        .containsExactly("conflicting_id", "duplicate");
  }

  @Test
  void updatesAcceptNewContentAndDropRepeats() throws Exception {
    TestRecords placed = TestRecords.order();
    TestRecords cancelled = TestRecords.order().with("status", "cancelled");
    assertThat(statuses(placed.schema(), List.of(placed, cancelled, cancelled), List.of(placed)))
        .containsExactly("duplicate", "accepted", "duplicate");
  }

  @Test
  void keylessRecordsAreDuplicatesOnlyWhenIdentical() throws Exception {
    TestRecords pin = TestRecords.showMoment();
    TestRecords promo = TestRecords.showMoment().with("type", "promo");
    assertThat(statuses(pin.schema(), List.of(pin, promo, pin), List.of())).containsExactly("accepted", "accepted", "duplicate");
  }

  @Test
  void recordsRejectedByValidationStayQuarantined() throws Exception {
    TestRecords bad = TestRecords.stock().with("available_qty", "many");
    assertThat(statuses(bad.schema(), List.of(bad, bad), List.of())).containsExactly("bad_type", "bad_type");
  }

  @Test
  void aRejectedRecordNeitherSetsNorTakesTheContentOfItsId() throws Exception {
    TestRecords e1 = TestRecords.viewerEvent();
    TestRecords e1Bad = TestRecords.viewerEvent().with("type", "wave");
    TestRecords e1Altered = TestRecords.viewerEvent().with("type", "leave");
    // The rejected copy comes first and differs from both: it keeps its own reason, and the next copy is
    // still the first (accepted) one; with or without a bronze table to look the id up in.
    assertThat(statuses(e1.schema(), List.of(e1Bad, e1, e1Altered, e1Bad), List.of()))
        .containsExactly("unknown_value", "accepted", "conflicting_id", "unknown_value");
    EntitySchema events = e1.schema();
    List<Row> out = ClassifyRecords.classify(events, staged(events, List.of(e1Bad, e1, e1Altered)), null, null, "EUR")
        .orderBy(BronzeSchemas.LINE).select(ClassifyRecords.STATUS, "_reason", "_raw").collectAsList();
    assertThat(out).extracting(r -> r.getString(0) + "/" + r.getString(1))
        .containsExactly("quarantined/unknown_value", "accepted/null", "quarantined/conflicting_id");
    // Raw text only where a quarantine row needs it.
    assertThat(out).extracting(r -> r.getString(2) != null).containsExactly(true, false, true);
  }

  @Test
  void withoutABronzeTableTheStagedRowsAreReadOnce() throws Exception {
    EntitySchema events = TestRecords.viewerEvent().schema();
    Dataset<Row> local = staged(events, List.of(TestRecords.viewerEvent(), TestRecords.viewerEvent().with("type", "wave")));
    // As in a run: rows computed by an RDD (there, reading and validating the files), which Spark cannot fold.
    Dataset<Row> fromRdd = spark.createDataFrame(local.javaRDD(), local.schema());
    String plan = ClassifyRecords.classify(events, fromRdd, null, null, "EUR").queryExecution().executedPlan().toString();
    // One branch of the plan reads the staged rows, valid and rejected alike, so a first run needs no cache of
    // them (IngestJob).
    assertThat(plan.split("Scan ExistingRDD", -1)).as(plan).hasSize(2);
  }

  @Test
  void foreignOrdersNeedARateAndAConvertedPriceThatFitsTheColumn() throws Exception {
    EntitySchema orders = TestRecords.order().schema();
    Dataset<Row> fx = bronze(TestRecords.fxRate().schema(), List.of(
        TestRecords.fxRate().with("currency", "USD").with("rate_to_reporting", "0.5"),
        TestRecords.fxRate().with("currency", "IDR").with("rate_to_reporting", "99999")));
    List<TestRecords> batch = List.of(
        TestRecords.order().with("currency", "USD").with("unit_price", "3.3333"),
        TestRecords.order().with("order_id", "o2").with("currency", "GBP"),
        TestRecords.order().with("order_id", "o3").with("currency", "IDR").with("unit_price", "99999999999999"),
        TestRecords.order().with("order_id", "o4"));
    List<Row> out = ClassifyRecords.classify(orders, staged(orders, batch), bronze(orders, List.of()), fx, "EUR")
        .orderBy(BronzeSchemas.LINE).select("_status", "_reason", "_field", BronzeSchemas.UNIT_PRICE_REPORTING).collectAsList();
    assertThat(out).extracting(r -> r.getString(1) == null ? r.getString(0) : r.getString(1) + "/" + r.getString(2))
        .containsExactly("accepted", "no_fx_rate/currency", "bad_type/unit_price", "accepted");
    // 3.3333 x 0.5 = 1.66665, kept unrounded; the reporting currency passes through.
    assertThat(out.get(0).getDecimal(3)).isEqualByComparingTo("1.66665");
    assertThat(out.get(3).getDecimal(3)).isEqualByComparingTo("19.99");
  }
}
