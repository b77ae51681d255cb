package io.showmetrics.dashboard.goals;

import java.time.Instant;

/**
 * A goal as it applies to a show, with its show, its metric and its evaluation at the server's time.
 *
 * @param goalId the show's own goal ({@code goal}); {@code null} when the goal comes from a series
 * @param targetText the target as it can be typed back in the metric's unit ({@link GoalTarget#format}): "1,500",
 *     "5%", "€600.00", "12:30"
 * @param status {@code pending}, {@code in_progress} (the show is on air), {@code met} or {@code missed}
 *     ({@link GoalEvaluation})
 * @param actual the show's value of the metric, {@code null} while pending
 * @param attainment actual / target; {@code null} while pending or when the target is 0
 * @param provisional the metric's window is still open, so the status can still change until {@code finalAt}
 * @param finalAt the show's {@code ends_at} + the metric's {@code final_after_seconds}
 * @param dataThrough the data through of the run that computed the actual; when it is before {@code finalAt} the
 *     window waits for data, whatever the clock says
 * @param source where the goal comes from: {@code show} (set for this show) or {@code series} (a series goal that
 *     covers the show and that the show does not override; {@link GoalResolution})
 * @param seriesGoalId the series goal, {@code null} for a show's own goal
 * @param series the series in words ("titles starting with “Spring”", "host Lena Park"), {@code null} for a show's own
 */
public record GoalView(Long goalId, String showId, String showTitle, Instant showStartsAt, Instant showEndsAt,
                       String metric, String metricLabel, String unit, boolean additive, double target,
                       String targetText, String direction, Double actual, String status, Double attainment,
                       boolean provisional, Instant finalAt, String updatedBy, Instant updatedAt, Instant dataThrough,
                       String source, Long seriesGoalId, String series) {
}
