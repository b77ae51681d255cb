package io.showmetrics.dashboard.goals;

/**
 * Goals on one metric across shows.
 *
 * @param hitRate met / (met + missed); {@code null} while no goal on the metric is evaluated
 * @param meanAttainment the mean attainment of evaluated goals with a non-zero target; {@code null} when none
 */
record GoalMetricSummary(String metric, String label, long goals, long met, long missed, long pending, Double hitRate,
                         Double meanAttainment) {
}
