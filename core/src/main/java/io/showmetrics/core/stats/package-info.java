/**
 * The experiment statistics engine: plain Java, no Spark, no Spring. "Aggregate, then compute": a job
 * reduces events to sufficient statistics per (experiment, variant, metric) — {@link
 * io.showmetrics.core.stats.SampleStats} (n, Σy, Σy²) or, for CUPED, {@link
 * io.showmetrics.core.stats.RegressionStats} (n, Σy, Σy², Σx, Σx², Σxy) — and the pure classes here turn
 * them into estimates, 95% intervals and p-values (SPEC §2, "Conversion uplift"):
 * <ul>
 *   <li>{@link io.showmetrics.core.stats.TwoSampleTests}: difference of proportions (unpooled z) for binary
 *       metrics, Welch's t-test for revenue per assigned customer, relative lift with a delta-method CI,
 *       and GrowthBook's always-valid sequential intervals;</li>
 *   <li>{@link io.showmetrics.core.stats.Cuped}: θ and mean X pooled over the two arms compared, the raw
 *       test applied to Y′ = Y − θ(X − mean X), variance reduction 1 − var(Y′)/var(Y) over the pooled
 *       sample;</li>
 *   <li>{@link io.showmetrics.core.stats.SampleRatioMismatch}: chi-square goodness of fit of assigned counts
 *       against {@code expected_split}, flagged below p = 0.001;</li>
 *   <li>{@link io.showmetrics.core.stats.MultipleTesting}: Holm and Benjamini–Hochberg adjusted p-values.</li>
 * </ul>
 * Degenerate input (empty arm, n = 1, zero variance, zero control mean) never throws and never yields NaN:
 * results carry an error code from {@link io.showmetrics.core.stats.StatsErrors} and null for what cannot
 * be computed. Only contract violations (negative n, non-finite sums, p-values outside [0, 1]) throw
 * {@link java.lang.IllegalArgumentException}. Every formula is written out in {@code docs/statistics.md};
 * GrowthBook's {@code gbstats} is the model. The numbers are checked against SciPy/statsmodels reference
 * values ({@code core/src/test/resources/stats/make_reference.py}) to 1e-6.
 */
package io.showmetrics.core.stats;
