package io.showmetrics.dashboard.goals;

import java.time.Instant;

/** A row of {@code goal}. */
record StoredGoal(long goalId, String showId, String metric, double target, String direction, String updatedBy,
                  Instant updatedAt) {
}
