package io.showmetrics.dashboard.retention;

import java.time.LocalDate;

/**
 * A cell of {@code retention_cohort}: of the customers whose first activity fell in ISO week {@code cohortWeek}
 * (its Monday, UTC), {@code retained} were active again in week {@code cohortWeek + weekOffset}.
 *
 * @param rate retained / cohort size; {@code null} for an empty cohort
 * @param partial the week this cell measures is still running at the data through (the data does not cover it
 *     yet), so the share can still grow; for {@code weekOffset} 0 the cohort itself can still grow
 */
record RetentionCell(LocalDate cohortWeek, int weekOffset, long cohortSize, long retained, Double rate,
                     boolean partial) {

    /**
     * The Monday (UTC) of the ISO week that holds the data through: that week and any later one are still running
     * (the data does not cover them); {@code null} without a data through (nothing is marked).
     */
    static LocalDate runningWeek(java.time.Instant dataThrough) {
        return dataThrough == null ? null : dataThrough.atZone(java.time.ZoneOffset.UTC).toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    /** Whether week {@code cohortWeek + weekOffset} is not before {@code runningWeek}. */
    static boolean partial(LocalDate cohortWeek, int weekOffset, LocalDate runningWeek) {
        return runningWeek != null && !cohortWeek.plusWeeks(weekOffset).isBefore(runningWeek);
    }
}
