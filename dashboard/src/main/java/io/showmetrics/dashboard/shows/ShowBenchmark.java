package io.showmetrics.dashboard.shows;

/**
 * A row of {@code show_benchmark} (SPEC section 6) with the metric's label and unit from {@code metric_definition}:
 * the show's value of one show-level metric against the median of the (up to) 10 most recent earlier shows that
 * have a value for it.
 *
 * @param value the show's value; {@code null} when the show has none
 * @param benchmarkMedian {@code null} with fewer than 3 earlier shows ({@code benchmarkN < 3})
 * @param percentile share of those shows the show beat (ties count half) in [0, 1]; for {@code stockout_minutes}
 *     on the negated values (fewer minutes is better); {@code null} without a benchmark or without a value
 * @param unit count, ratio, seconds, minutes or currency
 */
record ShowBenchmark(String metric, String label, String unit, Double value, Double benchmarkMedian, int benchmarkN,
                     Double percentile) {
    /**
     * The row without the show's value and percentile, for a show on air: those were computed by the last batch run,
     * before the show's data (so a show without viewers yet stands at p0), while the page shows the live numbers so
     * far; the median of the earlier shows is still the right yardstick.
     */
    ShowBenchmark againstEarlierShowsOnly() {
        return new ShowBenchmark(metric, label, unit, null, benchmarkMedian, benchmarkN, null);
    }
}
