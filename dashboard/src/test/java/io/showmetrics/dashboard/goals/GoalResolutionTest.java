package io.showmetrics.dashboard.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GoalResolutionTest {
    private static final Instant SET = Instant.parse("2026-03-10T09:00:00Z");
    private static final GoalResolution.ShowFacts NEXT_SPRING = new GoalResolution.ShowFacts("s-next",
            "Spring Collection: Linen", "Lena Park", Instant.parse("2026-03-20T19:00:00Z"));

    /** A series goal on {@code metric} set at {@link #SET}, target 1000 at least. */
    private static SeriesGoal series(long id, String kind, String pattern, String metric) {
        return new SeriesGoal(id, kind, pattern, metric, 1000, "at_least", SET, "maria", SET);
    }

    private static StoredGoal own(String showId, String metric) {
        return new StoredGoal(7, showId, metric, 500, "at_least", "maria", SET);
    }

    private static List<GoalResolution.Applied> resolve(GoalResolution.ShowFacts show, List<StoredGoal> own,
                                                        SeriesGoal... series) {
        return GoalResolution.resolve(show, own, List.of(series));
    }

    @Nested
    class ASeriesGoal {
        @Test
        void appliesToAShowWhoseTitleStartsWithThePrefixInAnyCase() {
            List<GoalResolution.Applied> goals = resolve(NEXT_SPRING, List.of(),
                    series(1, SeriesGoal.TITLE_PREFIX, "spring", "live_gmv"));

            assertThat(goals).singleElement().satisfies(g -> {
                assertThat(g.source()).isEqualTo("series");
                assertThat(g.goalId()).isNull();
                assertThat(g.series().seriesGoalId()).isEqualTo(1);
                assertThat(g.showId()).isEqualTo("s-next");
                assertThat(g.target()).isEqualTo(1000);
            });
        }

        @Test
        void appliesToEveryShowOfAHost() {
            assertThat(resolve(NEXT_SPRING, List.of(), series(1, SeriesGoal.HOST, " lena park ", "live_gmv"))).hasSize(1);
            assertThat(resolve(NEXT_SPRING, List.of(), series(1, SeriesGoal.HOST, "Lena", "live_gmv"))).isEmpty();
        }

        @Test
        void doesNotApplyToAShowOfAnotherSeries() {
            assertThat(resolve(NEXT_SPRING, List.of(), series(1, SeriesGoal.TITLE_PREFIX, "Collection", "live_gmv")))
                    .isEmpty();
        }

        @Test
        void appliesOnlyToShowsThatStartAfterItWasSet() {
            GoalResolution.ShowFacts earlier = new GoalResolution.ShowFacts("s-old", "Spring Warm-up", "Lena Park",
                    SET.minusSeconds(1));
            GoalResolution.ShowFacts atOnce = new GoalResolution.ShowFacts("s-now", "Spring Warm-up", "Lena Park", SET);

            assertThat(resolve(earlier, List.of(), series(1, SeriesGoal.TITLE_PREFIX, "Spring", "live_gmv"))).isEmpty();
            assertThat(resolve(atOnce, List.of(), series(1, SeriesGoal.TITLE_PREFIX, "Spring", "live_gmv"))).hasSize(1);
        }
    }

    @Nested
    class WhenGoalsCompete {
        @Test
        void theShowsOwnGoalWinsOnItsMetricAndTheSeriesFillsTheOthers() {
            List<GoalResolution.Applied> goals = resolve(NEXT_SPRING, List.of(own("s-next", "live_gmv")),
                    series(1, SeriesGoal.TITLE_PREFIX, "Spring", "live_gmv"),
                    series(2, SeriesGoal.TITLE_PREFIX, "Spring", "unique_viewers"));

            assertThat(goals).extracting(GoalResolution.Applied::metric, GoalResolution.Applied::source,
                    GoalResolution.Applied::target).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("live_gmv", "show", 500.0),
                    org.assertj.core.groups.Tuple.tuple("unique_viewers", "series", 1000.0));
        }

        @Test
        void aTitlePrefixWinsOverAHostAndALongerPrefixOverAShorterOne() {
            SeriesGoal host = series(1, SeriesGoal.HOST, "Lena Park", "live_gmv");
            SeriesGoal shortPrefix = series(2, SeriesGoal.TITLE_PREFIX, "Spring", "live_gmv");
            SeriesGoal longPrefix = series(3, SeriesGoal.TITLE_PREFIX, "Spring Collection", "live_gmv");

            assertThat(resolve(NEXT_SPRING, List.of(), host, shortPrefix)).singleElement()
                    .extracting(g -> g.series().seriesGoalId()).isEqualTo(2L);
            assertThat(resolve(NEXT_SPRING, List.of(), longPrefix, host, shortPrefix)).singleElement()
                    .extracting(g -> g.series().seriesGoalId()).isEqualTo(3L);
            assertThat(GoalResolution.seriesGoal(NEXT_SPRING, "live_gmv", List.of(host, shortPrefix, longPrefix)))
                    .get().extracting(SeriesGoal::seriesGoalId).isEqualTo(3L);
        }

        @Test
        void anotherShowsOwnGoalDoesNotCount() {
            assertThat(resolve(NEXT_SPRING, List.of(own("s-other", "live_gmv")),
                    series(1, SeriesGoal.TITLE_PREFIX, "Spring", "live_gmv")))
                    .singleElement().extracting(GoalResolution.Applied::source).isEqualTo("series");
        }
    }

    @Test
    void aSeriesIsDescribedInWords() {
        assertThat(series(1, SeriesGoal.TITLE_PREFIX, "Spring", "m").describe()).isEqualTo("titles starting with “Spring”");
        assertThat(series(1, SeriesGoal.HOST, "Lena Park", "m").describe()).isEqualTo("host Lena Park");
    }
}
