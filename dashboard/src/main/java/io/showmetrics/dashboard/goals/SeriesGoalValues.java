package io.showmetrics.dashboard.goals;

/** A validated series goal: a known kind, a pattern, a goal-allowed metric, a target and a valid direction. */
record SeriesGoalValues(String kind, String pattern, String metric, double target, String direction) {
}
