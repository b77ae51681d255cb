package io.showmetrics.core.experiments;

import io.showmetrics.core.stats.MetricKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics every experiment is read on (SPEC section 2, "Conversion uplift"), per assigned customer,
 * intention-to-treat.
 *
 * <p>{@link #name()} is the one name of the metric everywhere: {@code experiment_result.metric},
 * {@code experiment.primary_metric} once published, the dashboard and the Definitions page. An experiments
 * feed may name its {@code primary_metric} by one of the {@link #aliases()}; {@link #canonicalName} maps it.
 *
 * @param name the {@code experiment_result.metric} value
 * @param kind binary (z-test on rates) or continuous (Welch)
 * @param aliases other names a feed's {@code primary_metric} may use for this metric (lower case, {@code _})
 */
public record ExperimentMetric(String name, MetricKind kind, String definition, List<String> aliases) {
    public static final ExperimentMetric CONVERTED = new ExperimentMetric("converted", MetricKind.BINARY,
            "Share of assigned customers with a net purchase in any channel in [assigned_at, last experiment show's "
                    + "ends_at + 24 h).", List.of("conversion", "conversion_rate", "conversion_rate_24h", "conversions",
                    "convert", "purchase", "purchased"));
    public static final ExperimentMetric REVENUE = new ExperimentMetric("revenue", MetricKind.CONTINUOUS,
            "Net revenue per assigned customer (reporting currency, zeros included) in [assigned_at, last "
                    + "experiment show's ends_at + 24 h).", List.of("revenue_per_customer", "revenue_per_assigned_customer",
                    "revenue_per_user", "net_revenue", "gmv", "arpu"));
    public static final ExperimentMetric VISITED_STORE = new ExperimentMetric("visited_store", MetricKind.BINARY,
            "Share of assigned customers with a store visit in [assigned_at, last experiment show's ends_at + 7 d).",
            List.of("store_visit", "store_visits", "store_visit_rate", "visit_rate", "visits", "visited"));

    /** In the order the Experiments page lists them. */
    public static final List<ExperimentMetric> ALL = List.of(CONVERTED, REVENUE, VISITED_STORE);

    private static final Map<String, ExperimentMetric> BY_NAME = byName();

    private static Map<String, ExperimentMetric> byName() {
        Map<String, ExperimentMetric> out = new java.util.HashMap<>();
        for (ExperimentMetric m : ALL) {
            out.put(m.name(), m);
            m.aliases().forEach(a -> out.put(a, m));
        }
        return Map.copyOf(out);
    }

    /** The metric a feed's name (canonical or alias, any case, {@code -} or space for {@code _}) stands for. */
    public static Optional<ExperimentMetric> find(String given) {
        return given == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(key(given)));
    }

    /**
     * The canonical name for a feed's {@code primary_metric}: {@code conversion} → {@code converted}; a name
     * that is no metric's name or alias is kept exactly as given (the dashboard says it has no results), so
     * nothing is silently lost; {@code null} stays {@code null}.
     */
    public static String canonicalName(String given) {
        return find(given).map(ExperimentMetric::name).orElse(given);
    }

    /** The lookup key: trimmed, lower case, {@code -} and spaces as {@code _}. */
    public static String key(String given) {
        return given.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
