package io.showmetrics.core.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Two-sample tests of one treatment arm against the control arm, from sufficient statistics (SPEC §2,
 * "Conversion uplift"). All intervals are two-sided at 95% ({@link #ALPHA} = 0.05).
 *
 * <p>Notation: for arm a, n_a units, mean m_a, variance v_a (population {@code Σ(y − m)²/n} for
 * {@link MetricKind#BINARY}, which is {@code p(1 − p)}; sample {@code Σ(y − m)²/(n − 1)} for
 * {@link MetricKind#CONTINUOUS}); t = treatment, c = control.
 * <ul>
 *   <li>absolute lift {@code d = m_t − m_c}, {@code SE = sqrt(v_t/n_t + v_c/n_c)} (unpooled),
 *       statistic {@code d / SE}, CI {@code d ± q·SE};</li>
 *   <li>relative lift {@code r = d / m_c}, delta-method variance
 *       {@code Var(r) = v_t/(n_t·m_c²) + v_c·m_t²/(n_c·m_c⁴)}, CI {@code r ± q·sqrt(Var(r))} with the
 *       <em>same</em> critical value q as the absolute CI;</li>
 *   <li>binary: q = z<sub>0.975</sub>, p = 2·(1 − Φ(|z|));</li>
 *   <li>continuous (Welch): Welch–Satterthwaite
 *       {@code df = (v_t/n_t + v_c/n_c)² / ((v_t/n_t)²/(n_t − 1) + (v_c/n_c)²/(n_c − 1))},
 *       q = t<sub>0.975, df</sub>, p = 2·(1 − T<sub>df</sub>(|t|));</li>
 *   <li>sequential: see {@link #sequential(MetricKind, SampleStats, SampleStats, double)}.</li>
 * </ul>
 *
 * <p>Degenerate input never throws and never yields NaN: see {@link StatsErrors} for the codes, checked
 * in this order: {@code empty_arm}, {@code too_few_samples} (continuous metric, an arm with n = 1),
 * {@code zero_variance} (SE = 0), {@code zero_control_mean} (relative fields only).
 */
public final class TwoSampleTests {
    private TwoSampleTests() {}

    /** Significance level of every interval: 95% two-sided. */
    public static final double ALPHA = 0.05;

    /** GrowthBook's default tuning parameter N* of the sequential test (gbstats {@code SequentialConfig}). */
    public static final double DEFAULT_SEQUENTIAL_TUNING = 5000;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final double Z_975 = STANDARD_NORMAL.inverseSurvivalProbability(ALPHA / 2);

    /** The test SPEC assigns to the metric kind: {@link #proportions} for binary, {@link #welch} otherwise. */
    public static TwoSampleResult test(MetricKind kind, SampleStats treatment, SampleStats control) {
        return compute(kind, Moments.of(treatment), Moments.of(control), false, DEFAULT_SEQUENTIAL_TUNING);
    }

    /**
     * Difference of proportions (binary metric): unpooled standard error from the population variances,
     * normal approximation, z = d / SE, two-sided p-value from z; relative lift with its delta-method CI.
     * For non-binary values (CUPED-adjusted) the population variance {@code Σ(y − m)²/n} takes the place of
     * {@code p(1 − p)}. Same as statsmodels {@code test_proportions_2indep(method='wald')}.
     */
    public static TwoSampleResult proportions(SampleStats treatment, SampleStats control) {
        return test(MetricKind.BINARY, treatment, control);
    }

    /**
     * Welch's unequal-variance t-test (revenue per assigned customer): sample variances, Welch–Satterthwaite
     * degrees of freedom, t distribution for the CI and p-value; relative CI with the same t quantile.
     * Same as statsmodels {@code CompareMeans.ttest_ind(usevar='unequal')} / SciPy
     * {@code ttest_ind(equal_var=False)}.
     */
    public static TwoSampleResult welch(SampleStats treatment, SampleStats control) {
        return test(MetricKind.CONTINUOUS, treatment, control);
    }

    /** {@link #sequential(MetricKind, SampleStats, SampleStats, double)} with N* = 5000. */
    public static TwoSampleResult sequential(MetricKind kind, SampleStats treatment, SampleStats control) {
        return sequential(kind, treatment, control, DEFAULT_SEQUENTIAL_TUNING);
    }

    /**
     * Always-valid (mSPRT-style, normal-mixture) confidence sequence and p-value, as GrowthBook's
     * {@code SequentialTwoSidedTTest} (Waudby-Smith et al., arXiv:2103.06476v7, eq. 9, 155, 161).
     * With N = n_t + n_c units, α = 0.05 and tuning parameter N* (the sample size at which the interval is
     * tightest relative to the fixed-horizon one):
     * <pre>
     *   ρ²        = (−2·ln α + ln(1 − 2·ln α)) / N*
     *   halfwidth = SE·sqrt(N) · sqrt( 2·(N·ρ² + 1) · ln( sqrt(N·ρ² + 1) / α ) / (N·ρ)² )
     *   p         = min(1, sqrt(N·ρ² + 1) · exp( −ρ²·N·z² / (2·(N·ρ² + 1)) )),  z = d / SE
     * </pre>
     * The absolute CI uses SE of d, the relative CI the delta-method SE of r (as gbstats does for its
     * relative mode); the p-value is for the absolute difference. Variances are those of
     * {@link #test}: population for binary, sample for continuous. {@code degreesOfFreedom} is null.
     *
     * @param tuningParameter N* &gt; 0 (gbstats default 5000)
     * @throws IllegalArgumentException if {@code tuningParameter} is not positive and finite
     */
    public static TwoSampleResult sequential(MetricKind kind, SampleStats treatment, SampleStats control,
            double tuningParameter) {
        if (!(tuningParameter > 0) || !Double.isFinite(tuningParameter)) {
            throw new IllegalArgumentException("tuningParameter must be positive, got " + tuningParameter);
        }
        return compute(kind, Moments.of(treatment), Moments.of(control), true, tuningParameter);
    }

    /** The mixture parameter ρ of the sequential test (gbstats {@code sequential_rho}, eq. 161). */
    public static double sequentialRho(double alpha, double tuningParameter) {
        return Math.sqrt((-2 * Math.log(alpha) + Math.log(-2 * Math.log(alpha) + 1)) / tuningParameter);
    }

    /**
     * The sequential halfwidth per unit standard error: {@code halfwidth = SE · sequentialMultiplier}, the
     * analogue of z<sub>0.975</sub> in a fixed-horizon interval; it grows like sqrt(ln N).
     */
    static double sequentialMultiplier(long totalN, double rho, double alpha) {
        double n = totalN;
        double nr2p1 = n * rho * rho + 1;
        return Math.sqrt(n) * Math.sqrt(2 * nr2p1 * Math.log(Math.sqrt(nr2p1) / alpha) / ((n * rho) * (n * rho)));
    }

    /** gbstats' two-sided always-valid p-value = min(1, 1/e-value), computed in log space. */
    static double sequentialPValue(double z, long totalN, double rho) {
        double n = totalN;
        double nr2p1 = n * rho * rho + 1;
        double logEvalue = rho * rho * n * z * z / (2 * nr2p1) - 0.5 * Math.log(nr2p1);
        return logEvalue <= 0 ? 1.0 : Math.exp(-logEvalue);
    }

    static TwoSampleResult compute(MetricKind kind, Moments t, Moments c, boolean sequential, double tuning) {
        Double value = t.n() == 0 ? null : t.mean();
        Double controlValue = c.n() == 0 ? null : c.mean();
        if (t.n() == 0 || c.n() == 0) {
            return pointOnly(t, c, value, controlValue, null, null, StatsErrors.EMPTY_ARM);
        }
        double mt = t.mean();
        double mc = c.mean();
        double diff = mt - mc;
        Double rel = mc != 0 && Double.isFinite(diff / mc) ? diff / mc : null;
        boolean sampleVariance = kind == MetricKind.CONTINUOUS;
        if (sampleVariance && (t.n() < 2 || c.n() < 2)) {
            return pointOnly(t, c, value, controlValue, diff, rel, StatsErrors.TOO_FEW_SAMPLES);
        }
        double vt = sampleVariance ? t.sampleVariance() : t.populationVariance();
        double vc = sampleVariance ? c.sampleVariance() : c.populationVariance();
        double at = vt / t.n();
        double ac = vc / c.n();
        double se2 = at + ac;
        if (!(se2 > 0)) {
            return pointOnly(t, c, value, controlValue, diff, rel, StatsErrors.ZERO_VARIANCE);
        }
        double se = Math.sqrt(se2);
        double statistic = diff / se;
        Double dof = null;
        double q;
        double p;
        if (sequential) {
            long totalN = t.n() + c.n();
            double rho = sequentialRho(ALPHA, tuning);
            q = sequentialMultiplier(totalN, rho, ALPHA);
            p = sequentialPValue(statistic, totalN, rho);
        } else if (sampleVariance) {
            // Welch–Satterthwaite degrees of freedom, written with the shares of SE² so it cannot overflow.
            double st = at / se2;
            double sc = ac / se2;
            double df = 1 / (st * st / (t.n() - 1) + sc * sc / (c.n() - 1));
            TDistribution dist = TDistribution.of(df);
            q = dist.inverseSurvivalProbability(ALPHA / 2);
            p = Math.min(1.0, 2 * dist.survivalProbability(Math.abs(statistic)));
            dof = df;
        } else {
            q = Z_975;
            p = Math.min(1.0, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(statistic)));
        }
        Double relLow = null;
        Double relHigh = null;
        String error = null;
        if (rel != null) {
            // Delta method for the ratio of two independent means:
            // v_t/(n_t·m_c²) + v_c·m_t²/(n_c·m_c⁴), factored by 1/m_c² to keep it in range.
            double ratio = mt / mc;
            double relVar = (vt / t.n() + vc * ratio * ratio / c.n()) / (mc * mc);
            double relHalf = q * Math.sqrt(relVar);
            if (Double.isFinite(rel) && Double.isFinite(relHalf)) {
                relLow = rel - relHalf;
                relHigh = rel + relHalf;
            } else {
                rel = null;
            }
        }
        if (rel == null) {
            error = StatsErrors.ZERO_CONTROL_MEAN;
        }
        double half = q * se;
        return new TwoSampleResult(t.n(), value, c.n(), controlValue, diff, diff - half, diff + half,
                rel, relLow, relHigh, p, statistic, dof, se, error);
    }

    private static TwoSampleResult pointOnly(Moments t, Moments c, Double value, Double controlValue,
            Double diff, Double rel, String error) {
        return new TwoSampleResult(t.n(), value, c.n(), controlValue, diff, null, null, rel, null, null,
                null, null, null, null, error);
    }
}
