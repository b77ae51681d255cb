package io.showmetrics.ingest;

import static io.showmetrics.ingest.LakeFixtures.options;
import static io.showmetrics.ingest.LakeFixtures.table;
import static io.showmetrics.ingest.LakeFixtures.version;
import static io.showmetrics.ingest.LakeFixtures.write;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import io.showmetrics.ingest.spark.BronzeTables;
import io.showmetrics.ingest.spark.InterruptedRuns;
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

/** A run that dies after some of its appends: the next run deletes them first, so every record counts once. */
class InterruptedRunsIT {

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

  IngestReport run(String runId, IngestListener listener) {
    return IngestJob.run(spark, options(landing(), lake(), runId), listener);
  }

  /** Stands for kill -9 right after an entity's append committed: nothing after it runs. */
  static IngestListener dieAfter(String entity) {
    return new IngestListener() {
      @Override
      public void entityFinished(String finished, List<FileReport> files) {
        if (finished.equals(entity)) {
          throw new IllegalStateException("killed after " + entity);
        }
      }
    };
  }

  static String lines(TestRecords... records) {
    StringBuilder b = new StringBuilder();
    for (TestRecords r : records) {
      b.append(r.json()).append('\n');
    }
    return b.toString();
  }

  long rowsOfRun(String table, String column, String runId) {
    return table(spark, lake(), table).filter(col(column).equalTo(runId)).count();
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
  void theAppendsOfARunWithoutIngestLogAreDeletedBeforeItsFilesAreLoadedAgain() {
    write(landing(), "viewer_events/dt=1/a.jsonl", lines(TestRecords.viewerEvent(), TestRecords.viewerEvent().with("event_id", "e2")));
    run("r1", IngestListener.NONE);

    // Day 2: r2 appends viewer events and orders, then dies (before quarantine and the ingest log).
    write(landing(), "viewer_events/dt=2/b.jsonl", lines(TestRecords.viewerEvent().with("event_id", "e3"),
        TestRecords.viewerEvent().with("event_id", "e4")));
    write(landing(), "orders/dt=2/o.csv", TestRecords.order().csvHeader() + "\n" + TestRecords.order().csvRow() + "\n"
        + TestRecords.order().with("order_id", "o2").with("quantity", -3).csvRow() + "\n");
    assertThatThrownBy(() -> run("r2", dieAfter("orders"))).hasMessage("killed after orders");
    assertThat(rowsOfRun("viewer_events", "_run_id", "r2")).isEqualTo(2);
    assertThat(rowsOfRun("orders", "_run_id", "r2")).isEqualTo(1);
    // ... and as if it had died between the quarantine append and the ingest log: a quarantine row of r2.
    new BronzeTables(spark, lake().toString(), "r2").append("quarantine",
        table(spark, lake(), "quarantine").limit(0).unionByName(spark.sql("SELECT 'r2' AS run_id, 'orders' AS entity, "
            + "'o.csv' AS file, 3L AS line, 'quantity' AS field, 'bad_value' AS reason, 'm' AS message, 'raw' AS raw, "
            + "TIMESTAMP'2026-03-05 00:00:00' AS ingested_at")));

    IngestReport r3 = run("r3", IngestListener.NONE);

    // Counted as an uninterrupted second run would count them: nothing is a duplicate of the dead run's copy.
    assertThat(r3.files()).extracting(f -> List.of(f.entity(), f.read(), f.accepted(), f.quarantined(), f.duplicates()))
        .containsExactly(List.of("viewer_events", 2L, 2L, 0L, 0L), List.of("orders", 2L, 1L, 1L, 0L));
    assertThat(rowsOfRun("viewer_events", "_run_id", "r2")).isZero();
    assertThat(rowsOfRun("orders", "_run_id", "r2")).isZero();
    assertThat(rowsOfRun("quarantine", "run_id", "r2")).isZero();
    assertThat(table(spark, lake(), "viewer_events").count()).isEqualTo(4);
    assertThat(rowsOfRun("viewer_events", "_run_id", "r1")).isEqualTo(2);
    List<Row> history = DeltaTable.forPath(spark, lake().resolve("bronze/viewer_events").toString()).history(2)
        .orderBy(col("version").desc()).select("operation", "userMetadata").collectAsList();
    assertThat(history).extracting(r -> r.getString(0) + " " + r.getString(1))
        .containsExactly("WRITE showmetrics-run:r3", "DELETE showmetrics-rollback:r2");

    // The next run finds nothing to roll back, and with nothing new commits nothing.
    Map<String, Long> before = versions();
    assertThat(run("r4", IngestListener.NONE).files()).isEmpty();
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  void appendsThatNameNoRunAreLeftAlone() {
    // A lake written before appends named their run: its rows are never taken for a dead run's.
    write(landing(), "shows/a.jsonl", lines(TestRecords.show()));
    run("r1", IngestListener.NONE);
    table(spark, lake(), "shows").withColumn("_run_id", lit("old")).write().format("delta").mode("append")
        .save(lake().resolve("bronze/shows").toString());

    assertThat(InterruptedRuns.rollBack(new BronzeTables(spark, lake().toString(), "r2"), Entities.ALL)).isEmpty();
    assertThat(rowsOfRun("shows", "_run_id", "old")).isEqualTo(1);
  }
}
