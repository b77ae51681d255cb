package io.showmetrics.dashboard.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoalValidatorTest {
    private static final GoalCatalogue CATALOGUE;

    static {
        Map<String, Boolean> metrics = new LinkedHashMap<>();
        metrics.put("unique_viewers", true);
        metrics.put("peak_concurrent_viewers", true);
        metrics.put("peak_at", false);
        metrics.put("live_gmv", true);
        CATALOGUE = new GoalCatalogue(Set.of("s-spring", "s-mid"), metrics);
    }

    static GoalDraft draft() {
        return new GoalDraft("s-spring", "peak_concurrent_viewers", "900", "at_least");
    }

    static List<String> messages(GoalDraft draft) {
        return GoalValidator.validate(draft, CATALOGUE, null).errors().stream().map(GoalError::message).toList();
    }

    @Test
    void acceptsAValidGoalTrimmingTheFields() {
        GoalValidator.Result r = GoalValidator.validate(
                new GoalDraft(" s-spring ", "live_gmv", " 2500.50 ", "AT_MOST"), CATALOGUE, null);

        assertThat(r.ok()).isTrue();
        assertThat(r.values()).isEqualTo(new GoalValues("s-spring", "live_gmv", 2500.5, "at_most"));
    }

    @Nested
    class TypedTargets {
        private final GoalCatalogue typed = new GoalCatalogue(Set.of("s-spring"),
                Map.of("unique_viewers", true, "conversion_rate_24h", true, "live_gmv", true, "avg_watch_seconds", true),
                Map.of("unique_viewers", "count", "conversion_rate_24h", "ratio", "live_gmv", "currency",
                        "avg_watch_seconds", "seconds"));

        private double target(String metric, String text) {
            GoalValidator.Result r = GoalValidator.validate(new GoalDraft("s-spring", metric, text, "at_least"), typed, null);
            assertThat(r.errors()).isEmpty();
            return r.values().target();
        }

        @Test
        void areReadInTheMetricsUnit() {
            assertThat(target("unique_viewers", "1,000")).isEqualTo(1000);
            assertThat(target("conversion_rate_24h", "5 %")).isEqualTo(0.05);
            assertThat(target("live_gmv", "€600")).isEqualTo(600);
            assertThat(target("avg_watch_seconds", "12:30")).isEqualTo(750);
        }
    }

    @Nested
    class Messages {
        @Test
        void unknownShowSaysWhereToFindShowIds() {
            assertThat(messages(new GoalDraft("s-nope", "unique_viewers", "1", "at_least")))
                    .containsExactly("Show 's-nope' does not exist: use the show_id of a published show (see the Shows "
                            + "page or /api/shows).");
        }

        @Test
        void unknownMetricListsTheGoalMetrics() {
            assertThat(messages(new GoalDraft("s-spring", "viewers", "1", "at_least")))
                    .containsExactly("Metric 'viewers' is not in the metric catalogue: use one of unique_viewers, "
                            + "peak_concurrent_viewers, live_gmv.");
        }

        @Test
        void metricWithoutGoalAllowedIsRefused() {
            assertThat(messages(new GoalDraft("s-spring", "peak_at", "1", "at_least")).get(0))
                    .startsWith("Metric 'peak_at' cannot carry a goal");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "NaN", "Infinity", "0x10", "12d", "1e999"})
        void targetMustBeANumber(String target) {
            assertThat(messages(new GoalDraft("s-spring", "unique_viewers", target, "at_least")))
                    .containsExactly("Target '" + target + "' is not a number: write it as 1500, 1,500 or 2500.50; a "
                            + "rate also as 5 % (or 0.05), money as €600, watch time as mm:ss (12:30).");
        }

        @Test
        void missingTargetSaysHowToWriteOne() {
            assertThat(messages(new GoalDraft("s-spring", "unique_viewers", " ", "at_least")))
                    .containsExactly("Target is missing: write it as 1500, 1,500 or 2500.50; a rate also as 5 % (or "
                            + "0.05), money as €600, watch time as mm:ss (12:30).");
        }

        @Test
        void aTargetInAnotherUnitThanTheMetricsIsRefused() {
            assertThat(messages(new GoalDraft("s-spring", "unique_viewers", "25%", "at_least")))
                    .containsExactly("Target '25%' is a percentage, but unique_viewers is not a rate (a count): write "
                            + "it without %.");
        }

        @Test
        void theTargetOfAnUnknownMetricIsOnlyCheckedToBeReadable() {
            assertThat(messages(new GoalDraft("s-spring", "nope", "€20", "at_least"))).hasSize(1);
            assertThat(messages(new GoalDraft("s-spring", "nope", "abc", "at_least"))).hasSize(2);
        }

        @Test
        void directionMustBeAtLeastOrAtMost() {
            assertThat(messages(new GoalDraft("s-spring", "unique_viewers", "1", "above")))
                    .containsExactly("Direction 'above' is not valid: use at_least (met when the actual value reaches "
                            + "the target) or at_most (met when it stays at or below it).");
        }

        @Test
        void reportsEveryProblemAtOnceWithItsFieldAndLine() {
            List<GoalError> errors = GoalValidator.validate(new GoalDraft(null, null, null, null), CATALOGUE, 7).errors();

            assertThat(errors).extracting(GoalError::field).containsExactly("showId", "metric", "target", "direction");
            assertThat(errors).extracting(GoalError::line).containsOnly(7);
        }
    }
}
