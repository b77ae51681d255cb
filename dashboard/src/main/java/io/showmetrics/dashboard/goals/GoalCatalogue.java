package io.showmetrics.dashboard.goals;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a goal is validated against: the shows that exist and the metric catalogue.
 *
 * @param showIds every {@code show.show_id}
 * @param metrics every {@code metric_definition.name} with whether it may carry a goal
 */
record GoalCatalogue(Set<String> showIds, Map<String, Boolean> metrics) {

    /** The metrics that may carry a goal, in catalogue order. */
    List<String> allowedMetrics() {
        return metrics.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
