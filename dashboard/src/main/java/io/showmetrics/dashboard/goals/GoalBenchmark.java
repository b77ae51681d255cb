package io.showmetrics.dashboard.goals;

import java.util.List;

/**
 * How far a target is from what comparable shows reached: the benchmark is the median of a metric over the (up to)
 * {@value #SHOWS} most recent comparable shows with a value, and a target is <i>far</i> from it when it is more than
 * {@value #FAR_ABOVE}× or less than {@value #FAR_BELOW}× of it. As SPEC section 6's {@code show_benchmark}: no
 * benchmark with fewer than {@value #MIN_SHOWS} shows. Plain Java.
 */
final class GoalBenchmark {
    /** The most recent shows a benchmark is taken over. */
    static final int SHOWS = 10;
    /** Fewer shows than this give no benchmark. */
    static final int MIN_SHOWS = io.showmetrics.core.benchmarks.ShowBenchmarks.MIN_HISTORY;
    static final double FAR_ABOVE = 2.0;
    static final double FAR_BELOW = 0.5;

    private GoalBenchmark() {
    }

    /**
     * A benchmark.
     *
     * @param median the median of the metric over {@code n} shows
     * @param n how many shows
     * @param basis what the shows are, in words ("the 10 shows before this one")
     */
    record Benchmark(double median, int n, String basis) {
    }

    /**
     * The median of {@code values} (the mean of the two middle ones for an even count); a benchmark needs at least
     * {@value #MIN_SHOWS} values, so fewer give {@code null}.
     */
    static Double median(List<Double> values) {
        if (values.size() < MIN_SHOWS) {
            return null;
        }
        return io.showmetrics.core.benchmarks.ShowBenchmarks.median(
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * target / median, or {@code null} when the median is not positive (then no ratio says how far a target is).
     */
    static Double ratio(double target, double median) {
        return median > 0 ? target / median : null;
    }

    /** Whether a target is far from the median: more than 2× or less than 0.5× of it (a positive median). */
    static boolean far(double target, double median) {
        Double ratio = ratio(target, median);
        return ratio != null && (ratio > FAR_ABOVE || ratio < FAR_BELOW);
    }
}
