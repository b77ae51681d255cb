package io.showmetrics.core.stats;

/**
 * CUPED (Controlled-experiment Using Pre-Experiment Data; Deng et al. 2013) from sufficient statistics,
 * as SPEC §2 and its precise rules define it. For the two arms being compared, pooled into one sample of
 * N = n_t + n_c units (arm membership ignored, as GrowthBook's {@code compute_theta} does):
 * <pre>
 *   θ        = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²            x̄, ȳ the pooled means
 *   Y′       = Y − θ·(X − x̄)                           per unit, x̄ pooled
 *   arm a:   mean(Y′_a) = ȳ_a − θ·(x̄_a − x̄)
 *            Σ(Y′ − mean)²_a = Σ(y − ȳ_a)² − 2θ·Σ(x − x̄_a)(y − ȳ_a) + θ²·Σ(x − x̄_a)²
 *   variance reduction = 1 − var(Y′)/var(Y), both over the pooled sample
 *                      = 1 − [S_yy − 2θ·S_xy + θ²·S_xx] / S_yy  (pooled centred sums; = corr(X, Y)²)
 * </pre>
 * The adjusted result is the raw test of the metric kind applied to Y′ (binary: population variance of
 * Y′ and the normal approximation; continuous: Welch with the sample variance of Y′), including the
 * relative lift, whose denominator is the control mean of Y′. When X has no variance over the pooled
 * sample, θ = 0 (GrowthBook's convention) and the adjusted result equals the raw one.
 */
public final class Cuped {
    private Cuped() {}

    /**
     * The raw and the CUPED-adjusted test of {@code kind} for treatment against control, with θ and the
     * variance reduction. Never throws for degenerate input: an empty arm gives {@code empty_arm} in every
     * part.
     */
    public static CupedResult analyse(MetricKind kind, RegressionStats treatment, RegressionStats control) {
        TwoSampleResult raw = TwoSampleTests.compute(kind, Moments.of(treatment.y()), Moments.of(control.y()),
                false, TwoSampleTests.DEFAULT_SEQUENTIAL_TUNING);
        Adjusted a = adjustMoments(treatment, control);
        TwoSampleResult adjusted = TwoSampleTests.compute(kind, a.treatment, a.control, false,
                TwoSampleTests.DEFAULT_SEQUENTIAL_TUNING);
        return new CupedResult(raw, adjusted, a.theta, a.varianceReduction, a.errorCode);
    }

    /**
     * The adjusted sufficient statistics of both arms, for tests other than the default (for example
     * {@link TwoSampleTests#sequential}). An empty arm gives {@code empty_arm} with the inputs' Y unchanged.
     */
    public static CupedAdjustment adjust(RegressionStats treatment, RegressionStats control) {
        Adjusted a = adjustMoments(treatment, control);
        return new CupedAdjustment(a.treatment.toSampleStats(), a.control.toSampleStats(), a.theta, a.pooledMeanX,
                a.varianceReduction, a.errorCode);
    }

    private record Adjusted(Moments treatment, Moments control, Double theta, Double pooledMeanX,
            Double varianceReduction, String errorCode) {}

    private static Adjusted adjustMoments(RegressionStats t, RegressionStats c) {
        if (t.n() == 0 || c.n() == 0) {
            return new Adjusted(Moments.of(t.y()), Moments.of(c.y()), null, null, null, StatsErrors.EMPTY_ARM);
        }
        RegressionStats pooled = t.plus(c);
        double sxx = pooled.x().centredSumOfSquares();
        double syy = pooled.y().centredSumOfSquares();
        double sxy = pooled.centredCrossProduct();
        double theta = sxx > 0 ? sxy / sxx : 0;
        double meanX = pooled.sumX() / pooled.n();

        Double reduction = null;
        if (syy > 0) {
            double syyAdjusted = withoutCancellation(syy - 2 * theta * sxy + theta * theta * sxx,
                    syy + theta * theta * sxx);
            reduction = 1 - syyAdjusted / syy;
        }
        String error = syy <= 0 ? StatsErrors.ZERO_VARIANCE
                : sxx <= 0 ? StatsErrors.ZERO_COVARIATE_VARIANCE : null;
        return new Adjusted(adjustArm(t, theta, meanX), adjustArm(c, theta, meanX), theta, meanX, reduction, error);
    }

    private static Moments adjustArm(RegressionStats arm, double theta, double pooledMeanX) {
        SampleStats y = arm.y();
        SampleStats x = arm.x();
        double mean = y.mean() - theta * (x.mean() - pooledMeanX);
        double scale = y.centredSumOfSquares() + theta * theta * x.centredSumOfSquares();
        double m2 = y.centredSumOfSquares() - 2 * theta * arm.centredCrossProduct()
                + theta * theta * x.centredSumOfSquares();
        return new Moments(arm.n(), mean, withoutCancellation(m2, scale));
    }

    /** A difference of sums of squares that is rounding noise relative to its terms counts as 0. */
    private static double withoutCancellation(double value, double scale) {
        return value <= SampleStats.CANCELLATION_EPSILON * scale ? 0 : value;
    }
}
