package io.showmetrics.dashboard.goals;

/** A goal as typed into a form, a CSV line or an API request, before validation; every field may be anything. */
record GoalDraft(String showId, String metric, String target, String direction) {
}
