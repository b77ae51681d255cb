package io.showmetrics.dashboard.goals;

import java.time.Instant;

/**
 * A row of {@code goal_audit}: who changed which goal when, with the values before and after. A row is about a show's
 * goal ({@code goalId}, {@code showId}) or a series goal ({@code seriesGoalId}, {@code series} in words), never both.
 */
record GoalAudit(long auditId, Long goalId, String showId, String metric, String action, Double oldTarget,
                 Double newTarget, String oldDirection, String newDirection, String changedBy, Instant changedAt,
                 Long seriesGoalId, String series) {
}
