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
        @ValueSource(strings = {"abc", "NaN", "Infinity", "1,500", "€20", "25%", "0x10", "12d", "1e999"})
        void targetMustBeAFiniteDecimalNumber(String target) {
            assertThat(messages(new GoalDraft("s-spring", "unique_viewers", target, "at_least")))
                    .containsExactly("Target '" + target + "' is not a finite number: write digits with an optional "
                            + "decimal point, such as 1500 or 0.25 (no thousands separators, currency signs or %).");
        }

        @Test
        void missingTargetAsksForANumber() {
            assertThat(messages(new GoalDraft("s-spring", "unique_viewers", " ", "at_least")))
                    .containsExactly("Target is missing: write a number such as 1500 or 0.25.");
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
