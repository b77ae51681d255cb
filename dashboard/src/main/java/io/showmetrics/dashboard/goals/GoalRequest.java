package io.showmetrics.dashboard.goals;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/goals} and {@code PUT /api/goals/{id}}.
 *
 * @param target a JSON number in the metric's unit, or a string typed as on the form ("1,500", "5 %", "€600", "12:30"; {@link GoalTarget})
 * @param direction {@code at_least} or {@code at_most}
 */
record GoalRequest(
        @Schema(example = "s-spring") String showId,
        @Schema(example = "peak_concurrent_viewers") String metric,
        @Schema(type = "number", example = "900") Object target,
        @Schema(allowableValues = {"at_least", "at_most"}) String direction) {

    GoalDraft draft() {
        return new GoalDraft(showId, metric, target == null ? null : String.valueOf(target), direction);
    }
}
