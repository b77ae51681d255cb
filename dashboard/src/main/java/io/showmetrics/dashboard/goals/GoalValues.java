package io.showmetrics.dashboard.goals;

/** A validated goal: an existing show, a goal-allowed metric, a finite target and a valid direction. */
record GoalValues(String showId, String metric, double target, String direction) {
}
