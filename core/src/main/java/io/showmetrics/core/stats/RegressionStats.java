package io.showmetrics.core.stats;

/**
 * Sufficient statistics for CUPED in one arm: the metric Y (in the analysis window) and its pre-period
 * covariate X (the same metric over the 28 days before {@code assigned_at}) with their cross-product.
 * Units without pre-period activity carry X = 0, so every assigned unit is counted in {@code n}.
 *
 * <p>Contract: {@code n >= 0}, all sums finite, {@code sumY2 >= 0}, {@code sumX2 >= 0}; violations throw
 * {@link IllegalArgumentException}.
 *
 * @param n     number of units
 * @param sumY  Σ y
 * @param sumY2 Σ y²
 * @param sumX  Σ x
 * @param sumX2 Σ x²
 * @param sumXY Σ x·y
 */
public record RegressionStats(long n, double sumY, double sumY2, double sumX, double sumX2, double sumXY) {

    /** Validates the contract above. */
    public RegressionStats {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (!Double.isFinite(sumY) || !Double.isFinite(sumY2) || !Double.isFinite(sumX)
                || !Double.isFinite(sumX2) || !Double.isFinite(sumXY)) {
            throw new IllegalArgumentException("all sums must be finite");
        }
        if (sumY2 < 0 || sumX2 < 0) {
            throw new IllegalArgumentException("sums of squares must be >= 0");
        }
        if (n == 0 && (sumY != 0 || sumY2 != 0 || sumX != 0 || sumX2 != 0 || sumXY != 0)) {
            throw new IllegalArgumentException("an empty sample must have all sums = 0");
        }
    }

    /** The empty sample (n = 0). */
    public static final RegressionStats EMPTY = new RegressionStats(0, 0, 0, 0, 0, 0);

    /**
     * The sufficient statistics of paired unit values {@code (y[i], x[i])} (for tests and small samples).
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static RegressionStats of(double[] y, double[] x) {
        if (y.length != x.length) {
            throw new IllegalArgumentException("y and x must have the same length");
        }
        double sy = 0;
        double sy2 = 0;
        double sx = 0;
        double sx2 = 0;
        double sxy = 0;
        for (int i = 0; i < y.length; i++) {
            sy += y[i];
            sy2 += y[i] * y[i];
            sx += x[i];
            sx2 += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        return new RegressionStats(y.length, sy, sy2, sx, sx2, sxy);
    }

    /** Merges two disjoint samples. */
    public RegressionStats plus(RegressionStats o) {
        return new RegressionStats(n + o.n, sumY + o.sumY, sumY2 + o.sumY2, sumX + o.sumX, sumX2 + o.sumX2,
                sumXY + o.sumXY);
    }

    /** The metric alone, for the unadjusted test. */
    public SampleStats y() {
        return new SampleStats(n, sumY, sumY2);
    }

    /** The covariate alone. */
    public SampleStats x() {
        return new SampleStats(n, sumX, sumX2);
    }

    /** The centred cross-product {@code Σ(x − mean x)(y − mean y) = sumXY − sumX·sumY/n}; 0 when n = 0. */
    public double centredCrossProduct() {
        return n == 0 ? 0 : sumXY - sumX * sumY / n;
    }
}
