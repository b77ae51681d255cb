package io.showmetrics.dashboard.shows;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShowDiagnosisTest {
    private static final Instant START = Instant.parse("2026-03-01T19:00:00Z");

    static ShowBenchmark bench(String metric, Double percentile) {
        return new ShowBenchmark(metric, metric, "count", 1.0, 2.0, 10, percentile);
    }

    static ShowMinute minute(int index, long viewers, long joined, long lost) {
        return new ShowMinute(index, START.plusSeconds(60L * index), viewers, 0, 0, 0, 0, 0, BigDecimal.ZERO, joined, lost);
    }

    static ShowMoment moment(long offsetSeconds, String label) {
        return ShowMoment.of(START.plusSeconds(offsetSeconds), offsetSeconds, "promo", null, label, null, null, null,
                null, null);
    }

    @Test
    void theThreeLowestPercentilesWeakestFirstTiesInCatalogueOrder() {
        ShowDiagnosis d = ShowDiagnosis.of(List.of(bench("a", 0.5), bench("b", 0.1), bench("c", null), bench("d", 0.1),
                bench("e", 0.05), bench("f", 0.9)), List.of(), List.of(), Map.of());

        assertThat(d.weakest()).extracting(w -> w.benchmark().metric()).containsExactly("e", "b", "d");
        assertThat(d.benchmarks()).hasSize(6);
    }

    @Test
    void fewerThanThreeMetricsWithAPercentileGiveFewerWeaknesses() {
        ShowDiagnosis d = ShowDiagnosis.of(List.of(bench("a", null), bench("b", 0.7)), List.of(), List.of(), Map.of());

        assertThat(d.weakest()).extracting(w -> w.benchmark().metric()).containsExactly("b");
        assertThat(d.weakest().get(0).rank()).isEqualTo("better than 70 % of the last 10 shows");
    }

    @Test
    void aMetricWhoseWindowIsStillOpenIsNotJudgedYet() {
        Instant closes = Instant.parse("2026-03-31T20:15:00Z");
        ShowDiagnosis d = ShowDiagnosis.of(List.of(bench("unique_viewers", 0.4), bench("next_show_retention", 0.0),
                        bench("conversion_rate_24h", 0.1), bench("aov", 0.3)), List.of(), List.of(),
                Map.of("next_show_retention", new MetricFinality("provisional", closes, false),
                        "conversion_rate_24h", new MetricFinality("final", START, false)));

        assertThat(d.weakest()).extracting(w -> w.benchmark().metric())
                .containsExactly("conversion_rate_24h", "aov", "unique_viewers");
        assertThat(d.notJudgedYet()).singleElement().satisfies(o -> {
            assertThat(o.metric()).isEqualTo("next_show_retention");
            assertThat(o.finalAt()).isEqualTo(closes);
        });
    }

    @Test
    void rankInWords() {
        assertThat(ShowDiagnosis.rank(0, 10)).isEqualTo("lowest of the last 10 shows");
        assertThat(ShowDiagnosis.rank(0.05, 10)).isEqualTo("lowest 10 % of the last 10 shows");
        assertThat(ShowDiagnosis.rank(0.2, 10)).isEqualTo("lowest 20 % of the last 10 shows");
        assertThat(ShowDiagnosis.rank(0.25, 4)).isEqualTo("lowest 30 % of the last 4 shows");
        assertThat(ShowDiagnosis.rank(0.5, 3)).isEqualTo("better than 50 % of the last 3 shows");
        assertThat(ShowDiagnosis.rank(1, 1)).isEqualTo("better than 100 % of the last show");
    }

    @Test
    void biggestDropsLargestFirstEachWithTheMomentClosestBefore() {
        List<ShowMinute> minutes = new ArrayList<>();
        long[] lost = {0, 5, 30, 0, 30, 10, 0};
        for (int i = 0; i < lost.length; i++) {
            minutes.add(minute(i, 100, i == 0 ? 100 : 3, lost[i]));
        }
        // A moment at exactly the start of minute 2 counts as before its drop; the one inside minute 4 does not.
        List<ShowMoment> moments = List.of(moment(60, "early"), moment(120, "at two"), moment(250, "in four"));

        ShowDiagnosis d = ShowDiagnosis.of(List.of(), minutes, moments, Map.of());

        assertThat(d.drops()).extracting(ShowDiagnosis.Drop::minuteIndex).containsExactly(2, 4, 5);
        assertThat(d.drops().get(0).moment().label()).isEqualTo("at two");
        assertThat(d.drops().get(1).moment().label()).isEqualTo("at two");
        assertThat(d.drops().get(2).moment().label()).isEqualTo("in four");
        assertThat(d.drops().get(0).viewersBefore()).isEqualTo(100);
    }

    @Test
    void aDropBeforeAnyMomentHasNone() {
        ShowDiagnosis d = ShowDiagnosis.of(List.of(), List.of(minute(0, 50, 50, 0), minute(1, 20, 0, 30)),
                List.of(moment(600, "later")), Map.of());

        assertThat(d.drops()).singleElement().satisfies(drop -> assertThat(drop.moment()).isNull());
    }

    @Test
    void theFirstMinuteIsNeverADrop() {
        ShowDiagnosis d = ShowDiagnosis.of(List.of(), List.of(minute(0, 50, 50, 7)), List.of(), Map.of());

        assertThat(d.drops()).isEmpty();
    }

    @Test
    void aShowOnAirIsNotRankedAgainstSettledShowsButItsDropsSoFarAreListed() {
        ShowDiagnosis d = ShowDiagnosis.of(List.of(bench("unique_viewers", 0.1), bench("live_gmv", 0.2)),
                List.of(minute(0, 50, 50, 0), minute(1, 20, 0, 30)), List.of(), Map.of(), true);

        assertThat(d.onAir()).isTrue();
        assertThat(d.weakest()).isEmpty();
        assertThat(d.notJudgedYet()).extracting(ShowDiagnosis.Open::metric).containsExactly("unique_viewers", "live_gmv");
        assertThat(d.drops()).extracting(ShowDiagnosis.Drop::viewersLost).containsExactly(30L);
        // The rows' value and percentile are a batch run's from before the show's data (p0 for a show that had no
        // viewer yet): on air only the earlier shows' median is shown.
        assertThat(d.benchmarks()).extracting(ShowBenchmark::percentile).containsOnlyNulls();
        assertThat(d.benchmarks()).extracting(ShowBenchmark::value).containsOnlyNulls();
        assertThat(d.benchmarks()).extracting(ShowBenchmark::benchmarkMedian).doesNotContainNull();
    }
}
