package io.showmetrics.dashboard.goals;

import java.time.Instant;

/**
 * A series goal with the shows it applies to now.
 *
 * @param series the series in words ("titles starting with “Spring”", "host Lena Park")
 * @param appliesFrom it applies to the series' shows that start at or after this instant (when it was set)
 * @param shows the shows it is the goal of now: covered by the series and without a goal of their own (or of a more
 *     specific series) on the metric
 * @param upcomingShows those of {@code shows} that have not started yet
 */
record SeriesGoalView(long seriesGoalId, String kind, String pattern, String series, String metric, String metricLabel,
                      String unit, double target, String targetText, String direction, Instant appliesFrom,
                      String updatedBy, Instant updatedAt, long shows, long upcomingShows) {
}
