package io.showmetrics.dashboard.retention;

import java.time.LocalDate;

/**
 * A cell of {@code retention_cohort}: of the customers whose first activity fell in ISO week {@code cohortWeek}
 * (its Monday, UTC), {@code retained} were active again in week {@code cohortWeek + weekOffset}.
 *
 * @param rate retained / cohort size; {@code null} for an empty cohort
 */
record RetentionCell(LocalDate cohortWeek, int weekOffset, long cohortSize, long retained, Double rate) {
}
