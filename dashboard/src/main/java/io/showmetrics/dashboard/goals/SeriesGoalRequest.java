package io.showmetrics.dashboard.goals;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/goals/series} and {@code PUT /api/goals/series/{id}}.
 *
 * @param kind {@code title_prefix} or {@code host}
 * @param pattern the start the series' titles share, or the host's name (compared without regard to case)
 * @param target a JSON number in the metric's unit, or a string typed as on the form ({@link GoalTarget})
 */
record SeriesGoalRequest(
        @Schema(allowableValues = {"title_prefix", "host"}) String kind,
        @Schema(example = "Spring") String pattern,
        @Schema(example = "live_gmv") String metric,
        @Schema(type = "string", example = "€5,000") Object target,
        @Schema(allowableValues = {"at_least", "at_most"}) String direction) {

    SeriesGoalDraft draft() {
        return new SeriesGoalDraft(kind, pattern, metric, target == null ? null : String.valueOf(target), direction);
    }
}
