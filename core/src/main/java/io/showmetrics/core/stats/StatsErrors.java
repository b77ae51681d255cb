package io.showmetrics.core.stats;

/**
 * The error codes carried by results when the input is degenerate. A result with an error code still
 * carries every field that can be computed; the others are {@code null} (never NaN or infinite).
 */
public final class StatsErrors {
    private StatsErrors() {}

    /** An arm has no units (n = 0): nothing about the difference can be computed. */
    public static final String EMPTY_ARM = "empty_arm";
    /**
     * An arm of a {@link MetricKind#CONTINUOUS} metric has a single unit, so its sample variance is
     * undefined; the means and the lifts are given, intervals and p-value are null.
     */
    public static final String TOO_FEW_SAMPLES = "too_few_samples";
    /**
     * The standard error of the difference is 0 (every unit in both arms has its arm's value): the point
     * estimates are given, the statistic, intervals and p-value are null.
     */
    public static final String ZERO_VARIANCE = "zero_variance";
    /**
     * The control mean is 0 (or so close to 0 that the ratio overflows): the absolute result is complete,
     * the relative lift and its CI are null.
     */
    public static final String ZERO_CONTROL_MEAN = "zero_control_mean";
    /**
     * CUPED: the pre-period covariate has no variance over the two arms, so θ = 0 and the adjusted result
     * equals the raw one (as in GrowthBook's {@code compute_theta}).
     */
    public static final String ZERO_COVARIATE_VARIANCE = "zero_covariate_variance";
    /** SRM: no assignments at all. */
    public static final String NO_ASSIGNMENTS = "no_assignments";
    /** SRM: fewer than two variants with a positive expected share; a chi-square test needs at least two. */
    public static final String TOO_FEW_VARIANTS = "too_few_variants";
    /** SRM: an expected share is negative or not finite, or all shares are 0. */
    public static final String INVALID_EXPECTED_SPLIT = "invalid_expected_split";
    /**
     * SRM: units were assigned to a variant whose expected share is 0 (or that is missing from
     * {@code expected_split}): a certain mismatch, reported with p = 0 and the flag set.
     */
    public static final String UNEXPECTED_VARIANT = "unexpected_variant";
}
