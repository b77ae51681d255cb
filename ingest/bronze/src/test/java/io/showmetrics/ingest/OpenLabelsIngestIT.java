package io.showmetrics.ingest;

import static io.showmetrics.ingest.LakeFixtures.table;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.runtime.TestSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One ingest of {@code src/test/resources/landing_open_labels}: shows streamed to {@code multistream},
 * {@code whatnot} and a brand's own site, viewers from unseen channels and devices, a store visit from an
 * unseen source, customers from unseen regions, an unusual host and moment label (SPEC §1 "Closed and open
 * vocabularies"). Every record is accepted and every label kept exactly as given.
 */
class OpenLabelsIngestIT {

  static final SparkSession spark = TestSparkSession.get();
  static Path root;
  static Path lake;
  static IngestReport report;

  @BeforeAll
  static void ingestOnce() throws IOException {
    root = Files.createTempDirectory("open-labels");
    Path landing = root.resolve("landing");
    lake = root.resolve("lake");
    LakeFixtures.copyResource("landing_open_labels", landing);
    report = IngestJob.run(spark, LakeFixtures.options(landing, lake, "20260305T000000Z-0002"), IngestListener.NONE);
  }

  @AfterAll
  static void cleanUp() {
    LakeFixtures.deleteTree(root);
  }

  /** {@code key column -> label column} of one bronze table. */
  static Map<String, String> labels(String entity, String key, String label) {
    Map<String, String> byKey = new HashMap<>();
    for (Row r : table(spark, lake, entity).select(key, label).collectAsList()) {
      byKey.put(r.getString(0), r.getString(1));
    }
    return byKey;
  }

  @Test
  void everyRecordIsAcceptedAndNoneQuarantined() {
    assertThat(report.totals()).isEqualTo(new IngestReport.Totals(6, 16, 16, 0, 0));
    assertThat(report.quarantinedByReason()).isEmpty();
    assertThat(table(spark, lake, "quarantine").count()).isZero();
    assertThat(report.entitiesWithNewRecords())
        .containsExactlyInAnyOrder("shows", "customers", "viewer_events", "store_visits", "show_moments");
  }

  @Test
  void showChannelsAndHostsAreKeptAsGiven() {
    assertThat(labels("shows", "show_id", "channel")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "s1", "multistream",
        "s2", "whatnot",
        "s3", "shop.brand.example",
        // 87 characters: longer than SPEC's 64, still kept in full.
        "s4", "https://shop.brand.example/live/spring-collection-2026/episode-04?utm_source=newsletter"));
    Map<String, String> hosts = labels("shows", "show_id", "host");
    assertThat(hosts.get("s2")).isEqualTo("DJ Zoë & the Crew (guest: @maya_k) 🎧");
    assertThat(hosts).as("a blank host is absent").containsEntry("s4", null);
  }

  @Test
  void viewerChannelsAndDevicesAreKeptAsGivenFromJsonAndCsv() {
    assertThat(labels("viewer_events", "event_id", "channel")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "e1", "multistream", "e2", "whatnot", "e3", "Instagram", "e4", "shop.brand.example", "e5", "twitch-clips"));
    Map<String, String> devices = labels("viewer_events", "event_id", "device");
    assertThat(devices).containsEntry("e1", "smart-fridge").containsEntry("e2", "Vision Pro")
        .containsEntry("e4", "car-display").containsEntry("e5", "kiosk screen");
    assertThat(devices).as("an empty device is absent").containsEntry("e3", null);
  }

  @Test
  void visitSourcesRegionsAndMomentLabelsAreKeptAsGiven() {
    assertThat(labels("store_visits", "visit_id", "source"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("sv1", "billboard-qr", "sv2", "tiktok shop referral"));
    Map<String, String> regions = labels("customers", "customer_id", "region");
    assertThat(regions).containsEntry("c1", "Île-de-France").containsEntry("c2", "atlantis, sector 7").containsEntry("c3", null);
    List<String> moments = table(spark, lake, "show_moments").orderBy(col("ts")).select("label")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(moments).containsExactly("🔥 Flash deal: 2 for 1 – today only!", "Surprise guest: @maya_k");
  }
}
