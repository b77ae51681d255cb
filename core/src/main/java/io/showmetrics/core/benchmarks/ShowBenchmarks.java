package io.showmetrics.core.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Each show against the shows before it (SPEC section 6, "Benchmarks"): for every show and show-level metric, the
 * median of the metric over the (up to) {@value #HISTORY} most recent earlier shows that have a value for it, how many
 * those are ({@code benchmark_n}), and the show's percentile among them.
 *
 * <p>Rules, including where SPEC is silent:
 * <ul>
 *   <li><b>Earlier</b> means a strictly earlier {@code starts_at}: a show starting at the same instant is not
 *       history (neither is before the other).
 *   <li><b>Most recent</b> is by {@code starts_at}, latest first; candidates with the same {@code starts_at} are
 *       taken in descending {@code show_id} order, so when they straddle the tenth place the result does not depend
 *       on the order the shows were read in.
 *   <li>A show <b>has a value</b> when the metric is not NULL (and finite) for it; shows without one are skipped, and
 *       the window reaches further back to find up to ten that have one.
 *   <li>With fewer than {@value #MIN_HISTORY} such shows the median and the percentile are NULL;
 *       {@code benchmark_n} still says how many there were (0, 1 or 2).
 *   <li>{@code percentile} = (earlier shows with a lower value + half of those with an equal value) / n, in [0, 1];
 *       NULL when the show itself has no value. For the metrics of {@link #LOWER_IS_BETTER} ({@code stockout_minutes})
 *       it is computed on the negated values, so a high percentile always means better than history; the median is
 *       of the values as they are.
 *   <li>The median of an even count is the mean of the two middle values.
 * </ul>
 */
public final class ShowBenchmarks {
    /** How many earlier shows a benchmark looks at, at most. */
    public static final int HISTORY = 10;
    /** Fewer earlier shows with a value than this give no median and no percentile. */
    public static final int MIN_HISTORY = 3;

    /** The show-level metrics of SPEC section 2 that are benchmarked, as named in {@code show_kpi}. */
    public static final List<String> METRICS = List.of("unique_viewers", "identified_viewers",
            "peak_concurrent_viewers", "avg_watch_seconds", "replay_viewers", "engaged_viewers", "engagement_rate",
            "chat_messages", "reactions", "questions", "shares", "product_clickers", "carters", "live_orders",
            "live_gmv", "buyers_24h", "conversion_rate_24h", "gmv_24h", "aov", "revenue_per_viewer",
            "returning_viewer_rate", "next_show_retention", "stockout_minutes", "influenced_store_visits",
            "influenced_visitors", "saw_show_share");

    /** Metrics where a lower value is better: their percentile is computed on the negated values. */
    public static final Set<String> LOWER_IS_BETTER = Set.of("stockout_minutes");

    private ShowBenchmarks() {}

    /**
     * One show's metric values.
     *
     * @param values metric name to value; a missing key or a null value means the show has no value for it
     */
    public record ShowValues(String showId, Instant startsAt, Map<String, Double> values) {
        public ShowValues {
            Objects.requireNonNull(showId, "showId");
            Objects.requireNonNull(startsAt, "startsAt");
            values = values == null ? Map.of() : values;
        }

        /** The metric's value, or null when the show has none (NULL, missing, NaN or infinite). */
        Double value(String metric) {
            Double v = values.get(metric);
            return v == null || !Double.isFinite(v) ? null : v;
        }
    }

    /**
     * One row of {@code show_benchmark}.
     *
     * @param value the show's own value (null when it has none)
     * @param median the median over the earlier shows used (null below {@link #MIN_HISTORY})
     * @param n the number of earlier shows used, 0 to {@link #HISTORY}
     * @param percentile the show's percentile among them (null below {@link #MIN_HISTORY} or without a value)
     */
    public record Benchmark(String showId, String metric, Double value, Double median, int n, Double percentile) {}

    /** Every show × every metric of {@link #METRICS}, shows in the given order, metrics in list order. */
    public static List<Benchmark> compute(List<ShowValues> shows) {
        return compute(shows, METRICS);
    }

    /** As {@link #compute(List)} for the given metrics. */
    public static List<Benchmark> compute(List<ShowValues> shows, List<String> metrics) {
        // Most recent first: starts_at descending, then show_id descending (the documented tie-break).
        List<ShowValues> byRecency = new ArrayList<>(shows);
        byRecency.sort(Comparator.comparing(ShowValues::startsAt).thenComparing(ShowValues::showId).reversed());
        List<Benchmark> out = new ArrayList<>(shows.size() * metrics.size());
        for (ShowValues show : shows) {
            for (String metric : metrics) {
                out.add(benchmark(show, metric, byRecency));
            }
        }
        return out;
    }

    private static Benchmark benchmark(ShowValues show, String metric, List<ShowValues> byRecency) {
        double[] history = new double[HISTORY];
        int n = 0;
        for (ShowValues other : byRecency) {
            if (n == HISTORY) {
                break;
            }
            Double v = other.value(metric);
            if (v != null && other.startsAt().isBefore(show.startsAt())) {
                history[n++] = v;
            }
        }
        Double value = show.value(metric);
        if (n < MIN_HISTORY) {
            return new Benchmark(show.showId(), metric, value, null, n, null);
        }
        double[] used = Arrays.copyOf(history, n);
        Double percentile = value == null ? null : percentile(value, used, LOWER_IS_BETTER.contains(metric));
        return new Benchmark(show.showId(), metric, value, median(used), n, percentile);
    }

    /** The median of the values (the mean of the two middle ones for an even count); the array is not changed. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /**
     * (count of {@code history} below {@code value} + half the count equal to it) / its size; with
     * {@code lowerIsBetter}, on the negated values (count above + half equal).
     */
    static double percentile(double value, double[] history, boolean lowerIsBetter) {
        double below = 0;
        double equal = 0;
        for (double h : history) {
            double a = lowerIsBetter ? -h : h;
            double b = lowerIsBetter ? -value : value;
            if (a < b) {
                below++;
            } else if (a == b) {
                equal++;
            }
        }
        return (below + equal / 2) / history.length;
    }
}
