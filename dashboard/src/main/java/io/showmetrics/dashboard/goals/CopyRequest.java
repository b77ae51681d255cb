package io.showmetrics.dashboard.goals;

/**
 * The body of {@code POST /api/goals/copy}.
 *
 * @param fromShowId the show whose goals are copied; {@code null} for the show that started last before the target
 * @param toShowId the show that receives them
 */
record CopyRequest(String fromShowId, String toShowId) {
}
