package io.showmetrics.dashboard.goals;

import java.time.Instant;

/** A row of {@code goal_audit}: who changed which goal when, with the values before and after. */
record GoalAudit(long auditId, long goalId, String showId, String metric, String action, Double oldTarget,
                 Double newTarget, String oldDirection, String newDirection, String changedBy, Instant changedAt) {
}
