package io.showmetrics.core.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.core.benchmarks.ShowBenchmarks.Benchmark;
import io.showmetrics.core.benchmarks.ShowBenchmarks.ShowValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Benchmarks computed by hand: shows are one day apart unless a test says otherwise. */
class ShowBenchmarksTest {
    private static final Instant DAY0 = Instant.parse("2026-03-01T19:00:00Z");
    private static final String M = "unique_viewers";

    /** Show {@code id} on day {@code day} with {@code unique_viewers} = value (null: no value). */
    private static ShowValues show(String id, int day, Double value) {
        Map<String, Double> values = new HashMap<>();
        values.put(M, value);
        return new ShowValues(id, DAY0.plusSeconds(86_400L * day), values);
    }

    /** Shows s01, s02, ... on days 1, 2, ... with the given values. */
    private static List<ShowValues> series(Double... values) {
        List<ShowValues> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(show(String.format("s%02d", i + 1), i + 1, values[i]));
        }
        return out;
    }

    private static Benchmark of(List<ShowValues> shows, String showId) {
        return of(shows, showId, M);
    }

    private static Benchmark of(List<ShowValues> shows, String showId, String metric) {
        return ShowBenchmarks.compute(shows, List.of(metric)).stream().filter(b -> b.showId().equals(showId))
                .findFirst().orElseThrow();
    }

    @Nested
    class History {
        @Test
        void fewerThanThreeEarlierShowsGiveNoMedianNorPercentileButCountThem() {
            List<ShowValues> shows = series(10.0, 20.0, 30.0, 40.0);
            assertThat(of(shows, "s01")).isEqualTo(new Benchmark("s01", M, 10.0, null, 0, null));
            assertThat(of(shows, "s02")).isEqualTo(new Benchmark("s02", M, 20.0, null, 1, null));
            assertThat(of(shows, "s03")).isEqualTo(new Benchmark("s03", M, 30.0, null, 2, null));
            // Three earlier shows (10, 20, 30): median 20, all three lower than 40.
            assertThat(of(shows, "s04")).isEqualTo(new Benchmark("s04", M, 40.0, 20.0, 3, 1.0));
        }

        @Test
        void onlyTheTenMostRecentEarlierShowsCount() {
            // s01..s12 with values 1..12, s13 with 8: history = s03..s12 = 3..12, median (7 + 8) / 2 = 7.5;
            // 3..7 lower (5), 8 equal (1): (5 + 0.5) / 10.
            List<ShowValues> shows = series(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 8.0);
            Benchmark b = of(shows, "s13");
            assertThat(b.n()).isEqualTo(10);
            assertThat(b.median()).isEqualTo(7.5);
            assertThat(b.percentile()).isEqualTo(0.55);
        }

        @Test
        void showsWithoutAValueAreSkippedAndTheWindowReachesFurtherBack() {
            // s05 has no value: s06's history is s04, s03, s02, s01 = 4, 3, 2, 1 -> median 2.5, n 4.
            List<ShowValues> shows = series(1.0, 2.0, 3.0, 4.0, null, 2.0);
            Benchmark b = of(shows, "s06");
            assertThat(b.n()).isEqualTo(4);
            assertThat(b.median()).isEqualTo(2.5);
            // lower: 1 (1); equal: 2 (1) -> (1 + 0.5) / 4.
            assertThat(b.percentile()).isEqualTo(0.375);
            // Eleven shows back, of which one without a value: still ten with a value.
            List<ShowValues> longer = series(1.0, 2.0, 3.0, 4.0, 5.0, null, 6.0, 7.0, 8.0, 9.0, 10.0, 0.0);
            assertThat(of(longer, "s12").n()).isEqualTo(10);
            assertThat(of(longer, "s12").median()).isEqualTo(5.5);
        }

        @Test
        void aShowWithoutAValueHasItsBenchmarkButNoPercentile() {
            Benchmark b = of(series(1.0, 2.0, 3.0, null), "s04");
            assertThat(b).isEqualTo(new Benchmark("s04", M, null, 2.0, 3, null));
        }

        @Test
        void nonFiniteValuesCountAsNoValue() {
            Benchmark b = of(series(1.0, Double.NaN, 3.0, Double.POSITIVE_INFINITY, 5.0, 4.0), "s06");
            assertThat(b.n()).isEqualTo(3);
            assertThat(b.median()).isEqualTo(3.0);
        }

        @Test
        void aShowStartingAtTheSameInstantIsNotEarlier() {
            List<ShowValues> shows = new ArrayList<>(series(1.0, 2.0, 3.0));
            shows.add(show("b", 4, 100.0));
            shows.add(show("a", 4, 50.0)); // same starts_at as b: neither is history of the other
            assertThat(of(shows, "a")).isEqualTo(new Benchmark("a", M, 50.0, 2.0, 3, 1.0));
            assertThat(of(shows, "b")).isEqualTo(new Benchmark("b", M, 100.0, 2.0, 3, 1.0));
        }

        @Test
        void equalStartsAtAtTheTenthPlaceAreTakenByShowIdDescending() {
            // Nine shows on days 3..11 with value 10, and two on day 2: "x" (value 0) and "y" (value 1000).
            // The tenth place goes to "y" (show ids descending), so the history is nine 10s and 1000.
            List<ShowValues> shows = new ArrayList<>();
            shows.add(show("x", 2, 0.0));
            shows.add(show("y", 2, 1000.0));
            for (int d = 3; d <= 11; d++) {
                shows.add(show("d" + d, d, 10.0));
            }
            shows.add(show("now", 12, 10.0));
            Benchmark b = of(shows, "now");
            assertThat(b.n()).isEqualTo(10);
            // Lower: none; equal: nine 10s -> 4.5 / 10. With "x" instead it would be (1 + 4.5) / 10.
            assertThat(b.percentile()).isEqualTo(0.45);
            assertThat(b.median()).isEqualTo(10.0);
            // The input order does not matter.
            List<ShowValues> reversed = new ArrayList<>(shows);
            java.util.Collections.reverse(reversed);
            assertThat(of(reversed, "now")).isEqualTo(b);
        }
    }

    @Nested
    class Percentile {
        @Test
        void tiesCountHalf() {
            // History 10, 20, 20, 30; value 20: one lower, two equal -> (1 + 1) / 4; median (20 + 20) / 2.
            Benchmark b = of(series(10.0, 20.0, 20.0, 30.0, 20.0), "s05");
            assertThat(b.median()).isEqualTo(20.0);
            assertThat(b.percentile()).isEqualTo(0.5);
        }

        @Test
        void aValueBelowEveryEarlierShowIsZeroAndEqualToAllIsOneHalf() {
            assertThat(of(series(5.0, 6.0, 7.0, 1.0), "s04").percentile()).isZero();
            assertThat(of(series(5.0, 5.0, 5.0, 5.0), "s04").percentile()).isEqualTo(0.5);
        }

        @Test
        void stockoutMinutesAreRankedOnTheNegatedValuesAndTheMedianIsOfTheValues() {
            String stockout = "stockout_minutes";
            List<ShowValues> shows = new ArrayList<>();
            double[] minutes = {0, 5, 10, 0};
            for (int i = 0; i < minutes.length; i++) {
                shows.add(new ShowValues("s" + i, DAY0.plusSeconds(86_400L * i), Map.of(stockout, minutes[i])));
            }
            // History 0, 5, 10; value 0. Negated: -0, -5, -10 vs -0 -> two lower (better), one equal: 2.5 / 3.
            Benchmark b = of(shows, "s3", stockout);
            assertThat(b.median()).isEqualTo(5.0);
            assertThat(b.percentile()).isEqualTo(2.5 / 3);
            // Without the negation a show with no stock-out would rank lowest; the same history ranks 10 minutes last.
            shows.set(3, new ShowValues("s3", DAY0.plusSeconds(86_400L * 3), Map.of(stockout, 10.0)));
            assertThat(of(shows, "s3", stockout).percentile()).isEqualTo(0.5 / 3);
        }
    }

    @Test
    void everyShowGetsARowForEveryMetricEvenWithoutAnyValue() {
        List<Benchmark> rows = ShowBenchmarks.compute(List.of(
                new ShowValues("a", DAY0, Map.of()), new ShowValues("b", DAY0.plusSeconds(60), Map.of("aov", 12.5))));
        assertThat(rows).hasSize(2 * ShowBenchmarks.METRICS.size());
        assertThat(rows).filteredOn(r -> r.showId().equals("b") && r.metric().equals("aov")).singleElement()
                .isEqualTo(new Benchmark("b", "aov", 12.5, null, 0, null));
        assertThat(rows).filteredOn(r -> r.showId().equals("b") && r.metric().equals("unique_viewers"))
                .singleElement().isEqualTo(new Benchmark("b", "unique_viewers", null, null, 0, null));
    }

    @Test
    void theMetricsAreTheTwentySixShowLevelMetricsOfSectionTwo() {
        assertThat(ShowBenchmarks.METRICS).hasSize(26).doesNotHaveDuplicates()
                .doesNotContain("peak_at", "poll_votes", "roas_live", "roas_24h");
    }
}
