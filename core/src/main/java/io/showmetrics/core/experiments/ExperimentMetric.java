package io.showmetrics.core.experiments;

import io.showmetrics.core.stats.MetricKind;
import java.util.List;

/**
 * The metrics every experiment is read on (SPEC section 2, "Conversion uplift"), per assigned customer,
 * intention-to-treat.
 *
 * @param name the {@code experiment_result.metric} value
 * @param kind binary (z-test on rates) or continuous (Welch)
 */
public record ExperimentMetric(String name, MetricKind kind, String definition) {
    public static final ExperimentMetric CONVERTED = new ExperimentMetric("converted", MetricKind.BINARY,
            "Share of assigned customers with a net purchase in any channel in [assigned_at, last experiment show's "
                    + "ends_at + 24 h).");
    public static final ExperimentMetric REVENUE = new ExperimentMetric("revenue", MetricKind.CONTINUOUS,
            "Net revenue per assigned customer (reporting currency, zeros included) in [assigned_at, last "
                    + "experiment show's ends_at + 24 h).");
    public static final ExperimentMetric VISITED_STORE = new ExperimentMetric("visited_store", MetricKind.BINARY,
            "Share of assigned customers with a store visit in [assigned_at, last experiment show's ends_at + 7 d).");

    /** In the order the Experiments page lists them. */
    public static final List<ExperimentMetric> ALL = List.of(CONVERTED, REVENUE, VISITED_STORE);
}
