package io.showmetrics.dashboard.goals;

import io.showmetrics.core.goals.SeriesGoals;
import java.time.Instant;

/**
 * A row of {@code series_goal}: a goal for every show of a series that starts at or after {@code appliesFrom}.
 *
 * @param kind {@link #TITLE_PREFIX} (the show's title starts with {@code pattern}) or {@link #HOST} (the show's host
 *     is {@code pattern}); both compared without regard to case
 * @param appliesFrom when the series goal was set: it applies to the shows of the series that start then or later
 */
record SeriesGoal(long seriesGoalId, String kind, String pattern, String metric, double target, String direction,
                  Instant appliesFrom, String updatedBy, Instant updatedAt) {
    static final String TITLE_PREFIX = SeriesGoals.TITLE_PREFIX;
    static final String HOST = SeriesGoals.HOST;

    /** Whether the series covers a show with this title, host and start. */
    boolean covers(String title, String host, Instant startsAt) {
        return SeriesGoals.covers(kind, pattern, appliesFrom, title, host, startsAt);
    }

    /** The series in words: "titles starting with “Spring”" or "host Lena Park". */
    String describe() {
        return describe(kind, pattern);
    }

    static String describe(String kind, String pattern) {
        return HOST.equals(kind) ? "host " + pattern : "titles starting with “" + pattern + "”";
    }
}
