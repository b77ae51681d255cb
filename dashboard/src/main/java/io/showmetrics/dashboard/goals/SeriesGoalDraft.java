package io.showmetrics.dashboard.goals;

/**
 * A series goal as typed into the form or an API request, before validation; every field may be anything.
 *
 * @param kind {@code title_prefix} or {@code host}
 * @param pattern the title's start or the host's name
 */
record SeriesGoalDraft(String kind, String pattern, String metric, String target, String direction) {
}
