package io.showmetrics.dashboard.goals;

import java.time.Instant;

/**
 * A goal with its show, its metric and its evaluation at the server's time.
 *
 * @param status {@code pending}, {@code met} or {@code missed} ({@link GoalEvaluation})
 * @param actual the show's value of the metric, {@code null} while pending
 * @param attainment actual / target; {@code null} while pending or when the target is 0
 * @param provisional the metric's window is still open, so the status can still change until {@code finalAt}
 * @param finalAt the show's {@code ends_at} + the metric's {@code final_after_seconds}
 * @param dataThrough the data through of the run that computed the actual; when it is before {@code finalAt} the
 *     window waits for data, whatever the clock says
 */
public record GoalView(long goalId, String showId, String showTitle, Instant showStartsAt, Instant showEndsAt,
                       String metric, String metricLabel, String unit, boolean additive, double target,
                       String direction, Double actual, String status, Double attainment, boolean provisional,
                       Instant finalAt, String updatedBy, Instant updatedAt, Instant dataThrough) {
}
