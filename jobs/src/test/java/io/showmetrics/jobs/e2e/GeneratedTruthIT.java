package io.showmetrics.jobs.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.showmetrics.runtime.TestSparkSession;
import io.showmetrics.jobs.lake.Lake;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against an independent implementation: the generator computes every show's KPIs and
 * every experiment's counts from the records it wrote, with its own presence state machine and
 * net-line logic (see ingest/generator/README.md); the lake's gold tables must agree.
 */
class GeneratedTruthIT {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Generated data;

    @BeforeAll
    static void generateAndCompute() {
        spark = TestSparkSession.get();
        data = Generated.build(spark, dir, 0.02, 7);
    }

    private static final List<String> COUNTS = List.of("unique_viewers", "identified_viewers",
            "peak_concurrent_viewers", "engaged_viewers", "chat_messages", "reactions", "questions", "shares",
            "poll_votes", "product_clickers", "carters", "replay_viewers", "buyers_24h", "live_orders");

    @Test
    void everyShowsKpisMatchTheGeneratorsTruth() {
        Map<String, Row> kpis = new HashMap<>();
        for (Row r : Lake.read(spark, data.lake().gold("show_kpi")).collectAsList()) {
            kpis.put(r.getAs("show_id"), r);
        }
        JsonNode shows = data.truth().get("shows");
        assertThat(kpis).hasSize(shows.size());
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode t : shows) {
            String id = t.get("show_id").asText();
            Row k = kpis.get(id);
            for (String c : COUNTS) {
                soft.assertThat(k.<Long>getAs(c)).as("%s %s", id, c).isEqualTo(t.get(c).asLong());
            }
            soft.assertThat(k.<Double>getAs("avg_watch_seconds")).as("%s avg_watch_seconds", id)
                    .isCloseTo(t.get("avg_watch_seconds").asDouble(), within(0.001));
            soft.assertThat(k.<java.sql.Timestamp>getAs("peak_at").toInstant().toString()).as("%s peak_at", id)
                    .isEqualTo(java.time.Instant.parse(t.get("peak_at").asText()).toString());
            soft.assertThat(k.<BigDecimal>getAs("live_gmv").doubleValue()).as("%s live_gmv", id)
                    .isCloseTo(t.get("live_gmv").asDouble(), within(0.005));
            soft.assertThat(k.<BigDecimal>getAs("gmv_24h").doubleValue()).as("%s gmv_24h", id)
                    .isCloseTo(t.get("gmv_24h").asDouble(), within(0.005));
            for (String rate : List.of("returning_viewer_rate", "next_show_retention", "conversion_rate_24h")) {
                JsonNode expected = t.get(rate);
                Double actual = showRetention(id, rate, k);
                if (expected == null || expected.isNull()) {
                    soft.assertThat(actual).as("%s %s", id, rate).isNull();
                } else {
                    soft.assertThat(actual).as("%s %s", id, rate).isCloseTo(expected.asDouble(), within(1e-6));
                }
            }
            JsonNode stockout = t.get("stockout_minutes");
            if (stockout == null || stockout.isNull()) {
                soft.assertThat(k.<Double>getAs("stockout_minutes")).as("%s stockout", id).isNull();
            } else {
                soft.assertThat(k.<Double>getAs("stockout_minutes")).as("%s stockout", id)
                        .isCloseTo(stockout.asDouble(), within(1e-6));
            }
        }
        soft.assertAll();
    }

    /** A rate from gold show_kpi, or from the cross-show gold table show_retention. */
    private static Double showRetention(String showId, String rate, Row kpi) {
        if (rate.equals("conversion_rate_24h")) {
            return kpi.getAs(rate);
        }
        return Lake.read(spark, data.lake().gold("show_retention")).filter(col("show_id").equalTo(showId))
                .head().getAs(rate);
    }

    /** Cells of one viewer segment, keyed "cohort_week+k". */
    private static Map<String, Row> viewerCells(String segment) {
        Map<String, Row> cells = new HashMap<>();
        for (Row r : Lake.read(spark, data.lake().gold("retention_cohort"))
                .filter(col("kind").equalTo("viewer").and(col("segment").equalTo(segment))).collectAsList()) {
            cells.put(r.getAs("cohort_week").toString() + "+" + r.getAs("week_offset"), r);
        }
        return cells;
    }

    /** Pooled share retained in week cohort + k over every cohort that reaches k. */
    private static double pooledRate(Map<String, Row> cells, int k) {
        long size = 0;
        long retained = 0;
        for (Row r : cells.values()) {
            if (r.<Integer>getAs("week_offset") == k) {
                size += r.<Long>getAs("cohort_size");
                retained += r.<Long>getAs("retained");
            }
        }
        return (double) retained / size;
    }

    @Test
    void viewerRetentionCohortsMatchTheTruthAndRecoverThePlantedDecay() {
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        for (String[] segment : new String[][] {{"all", "all"}, {"generation:Gen Z", "gen_z"}}) {
            Map<String, Row> cells = viewerCells(segment[0]);
            for (JsonNode cohort : data.truth().at("/retention/realised/" + segment[1])) {
                String week = cohort.get("cohort_week").asText();
                JsonNode retained = cohort.get("retained");
                for (int k = 0; k < retained.size(); k++) {
                    Row cell = cells.get(week + "+" + k);
                    soft.assertThat(cell).as("%s cell %s+%d", segment[0], week, k).isNotNull();
                    if (cell != null) {
                        soft.assertThat(cell.<Long>getAs("cohort_size")).as("%s size %s", segment[0], week)
                                .isEqualTo(cohort.get("cohort_size").asLong());
                        soft.assertThat(cell.<Long>getAs("retained")).as("%s retained %s+%d", segment[0], week, k)
                                .isEqualTo(retained.get(k).asLong());
                        compared++;
                    }
                }
            }
        }
        soft.assertAll();
        assertThat(compared).isGreaterThan(20);
        // Planted: P(active in week cohort + k) = a * d^(k-1), a = 0.52 for Gen Z and 0.36 for the rest.
        double genZ = data.truth().at("/retention/expected_rate_by_week_offset/gen_z").get(1).asDouble();
        double rest = data.truth().at("/retention/expected_rate_by_week_offset/not_gen_z").get(1).asDouble();
        double genZWeek1 = pooledRate(viewerCells("generation:Gen Z"), 1);
        assertThat(genZWeek1).isCloseTo(genZ, within(0.1));
        assertThat(genZWeek1).isGreaterThan(pooledRate(viewerCells("generation:Millennials"), 1));
        assertThat(pooledRate(viewerCells("generation:Millennials"), 1)).isCloseTo(rest, within(0.1));
    }

    @Test
    void experimentCountsPerVariantMatchTheTruthAndTheMismatchIsFlagged() {
        List<Row> results = Lake.read(spark, data.lake().gold("experiment_result"))
                .filter(col("adjusted").equalTo(false)).collectAsList();
        SoftAssertions soft = new SoftAssertions();
        data.truth().get("experiments").fields().forEachRemaining(e -> {
            JsonNode variants = e.getValue().path("realised").path("variants");
            String control = e.getValue().get("control_variant").asText();
            for (Row r : results) {
                if (!r.<String>getAs("experiment_id").equals(e.getKey())) {
                    continue;
                }
                JsonNode t = variants.get(r.<String>getAs("variant"));
                JsonNode c = variants.get(control);
                String metric = r.getAs("metric");
                String what = e.getKey() + " " + r.getAs("variant") + " " + metric;
                soft.assertThat(r.<Long>getAs("n")).as(what + " n").isEqualTo(t.get("n").asLong());
                soft.assertThat(r.<Long>getAs("control_n")).as(what + " control n").isEqualTo(c.get("n").asLong());
                String field = switch (metric) {
                    case "converted" -> "conversion_rate";
                    case "visited_store" -> "visit_rate";
                    default -> "revenue_per_customer";
                };
                soft.assertThat(r.<Double>getAs("value")).as(what).isCloseTo(t.get(field).asDouble(), within(1e-5));
                soft.assertThat(r.<Double>getAs("control_value")).as(what + " control")
                        .isCloseTo(c.get(field).asDouble(), within(1e-5));
            }
        });
        soft.assertAll();
        Row srm = Lake.read(spark, data.lake().gold("experiment_summary"))
                .filter(col("experiment_id").equalTo("EXP-CHECKOUT-SRM")).head();
        assertThat(srm.<Boolean>getAs("srm_flagged")).isTrue();
        assertThat(srm.<Double>getAs("srm_p_value")).isCloseTo(
                data.truth().at("/experiments/EXP-CHECKOUT-SRM/realised/srm/p_value").asDouble(), within(1e-9));
    }
}
