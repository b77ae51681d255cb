package io.showmetrics.dashboard.alerts;

import io.showmetrics.core.live.LiveAlerts;
import java.util.List;
import java.util.Map;

/** The kinds of {@code alert} (migration V8's check constraint) and how the pages say them. */
final class AlertKind {
    static final String GOAL_BEHIND_PACE = LiveAlerts.GOAL_BEHIND_PACE;
    static final String VIEWERS_FALLING = LiveAlerts.VIEWERS_FALLING;
    /** Every kind, in the order the filters offer them. */
    static final List<String> ALL = List.of(GOAL_BEHIND_PACE, VIEWERS_FALLING);
    /** Labels of the paced metrics, for when {@code metric_definition} has none (a fresh database). */
    private static final Map<String, String> METRIC_LABELS = Map.of("unique_viewers", "Unique viewers",
            "live_orders", "Live orders", "live_gmv", "Live GMV");

    private AlertKind() {
    }

    /** A kind in words without its metric: "Behind pace", "Viewers falling"; an unknown kind as it is. */
    static String label(String kind) {
        return switch (kind) {
            case GOAL_BEHIND_PACE -> "Behind pace";
            case VIEWERS_FALLING -> "Viewers falling";
            default -> kind;
        };
    }

    /**
     * The alert's kind in words: "Behind pace: Live orders" (the metric's catalogue label, else a built-in one, else
     * its name), "Viewers falling".
     */
    static String headline(String kind, String metric, String metricLabel) {
        if (!GOAL_BEHIND_PACE.equals(kind) || metric == null) {
            return label(kind);
        }
        String name = metricLabel != null ? metricLabel : METRIC_LABELS.getOrDefault(metric, metric);
        return label(kind) + ": " + name;
    }
}
