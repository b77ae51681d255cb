package io.showmetrics.dashboard.goals;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a goal is validated against: the shows that exist and the metric catalogue.
 *
 * @param showIds every {@code show.show_id}
 * @param metrics every {@code metric_definition.name} with whether it may carry a goal
 * @param units every {@code metric_definition.name} with its unit (how a typed target is read, {@link GoalTarget})
 */
record GoalCatalogue(Set<String> showIds, Map<String, Boolean> metrics, Map<String, String> units) {

    /** A catalogue whose metrics are all counts. */
    GoalCatalogue(Set<String> showIds, Map<String, Boolean> metrics) {
        this(showIds, metrics, Map.of());
    }

    /** The metric's unit, {@code null} for a metric not in the catalogue. */
    String unit(String metric) {
        return metrics.containsKey(metric) ? units.getOrDefault(metric, "count") : null;
    }

    /** The metrics that may carry a goal, in catalogue order. */
    List<String> allowedMetrics() {
        return metrics.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
