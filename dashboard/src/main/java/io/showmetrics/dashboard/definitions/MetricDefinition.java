package io.showmetrics.dashboard.definitions;

/**
 * A row of {@code metric_definition}, written by publish from the jobs' own metric catalogue.
 *
 * @param level show, minute, experiment, attribution, retention or omnichannel
 * @param unit count, ratio, seconds, minutes, currency or timestamp
 * @param additive whether per-minute values add up to the show value (for pacing lines)
 * @param goalAllowed whether a goal may be set on the metric
 */
record MetricDefinition(String name, String label, String level, String definition, String window, String unit,
                        boolean additive, boolean goalAllowed, int sortOrder) {
}
