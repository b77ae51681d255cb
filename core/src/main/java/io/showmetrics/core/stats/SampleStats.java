package io.showmetrics.core.stats;

/**
 * Sufficient statistics of one metric in one arm: the count of assigned units, the sum of their values
 * and the sum of their squared values. A Spark job reduces events to one {@code SampleStats} per
 * (experiment, variant, metric); everything else is computed from these three numbers.
 *
 * <p>A binary metric (converted, visited a store) is a {@code SampleStats} with
 * {@code sum = sumSquares = conversions}; see {@link #binary(long, long)}.
 *
 * <p>Contract: {@code n >= 0}; {@code sum} and {@code sumSquares} finite; {@code sumSquares >= 0}.
 * A violation is a programming error upstream and throws {@link IllegalArgumentException}; degenerate
 * but valid inputs (n = 0, n = 1, all values equal) are accepted and turned into error codes by the tests.
 *
 * @param n          number of units (assigned customers), {@code >= 0}
 * @param sum        sum of the unit values
 * @param sumSquares sum of the squared unit values
 */
public record SampleStats(long n, double sum, double sumSquares) {

    /** Validates the contract above. */
    public SampleStats {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (!Double.isFinite(sum) || !Double.isFinite(sumSquares)) {
            throw new IllegalArgumentException("sum and sumSquares must be finite, got " + sum + ", " + sumSquares);
        }
        if (sumSquares < 0) {
            throw new IllegalArgumentException("sumSquares must be >= 0, got " + sumSquares);
        }
        if (n == 0 && (sum != 0 || sumSquares != 0)) {
            throw new IllegalArgumentException("an empty sample must have sum = sumSquares = 0");
        }
    }

    /** The empty sample (n = 0). */
    public static final SampleStats EMPTY = new SampleStats(0, 0, 0);

    /**
     * A binary metric: {@code conversions} of {@code n} units have value 1, the rest 0.
     *
     * @throws IllegalArgumentException unless {@code 0 <= conversions <= n}
     */
    public static SampleStats binary(long n, long conversions) {
        if (conversions < 0 || conversions > n) {
            throw new IllegalArgumentException("conversions must be in [0, n], got " + conversions + " of " + n);
        }
        return new SampleStats(n, conversions, conversions);
    }

    /** The sufficient statistics of the given unit values (for tests and small in-memory samples). */
    public static SampleStats of(double... values) {
        double s = 0;
        double s2 = 0;
        for (double v : values) {
            s += v;
            s2 += v * v;
        }
        return new SampleStats(values.length, s, s2);
    }

    /** Merges two disjoint samples (the statistics are additive, so partial aggregates combine). */
    public SampleStats plus(SampleStats other) {
        return new SampleStats(n + other.n, sum + other.sum, sumSquares + other.sumSquares);
    }

    /** The mean {@code sum / n}; 0 for the empty sample (callers check {@link #n()} first). */
    public double mean() {
        return n == 0 ? 0 : sum / n;
    }

    /**
     * Below this share of {@code sumSquares}, a centred sum of squares is floating-point cancellation, not
     * variance (a standard deviation under 1e-6 of the mean), and counts as 0.
     */
    static final double CANCELLATION_EPSILON = 1e-12;

    /**
     * The centred sum of squares {@code Σ(v − mean)² = sumSquares − sum²/n}; 0 for the empty sample, and 0
     * when it is at most {@link #CANCELLATION_EPSILON}·sumSquares, so that a constant non-integer sample
     * (every customer spent 9.99) has exactly zero variance despite rounding.
     */
    public double centredSumOfSquares() {
        if (n == 0) {
            return 0;
        }
        double m2 = sumSquares - sum * sum / n;
        return m2 <= CANCELLATION_EPSILON * sumSquares ? 0 : m2;
    }

    /**
     * The population variance {@code Σ(v − mean)²/n} (for a binary metric {@code p(1 − p)}); 0 when n = 0.
     */
    public double populationVariance() {
        return n == 0 ? 0 : centredSumOfSquares() / n;
    }

    /**
     * The sample (Bessel-corrected) variance {@code Σ(v − mean)²/(n − 1)}; 0 when n ≤ 1, where it is
     * undefined (the tests report {@code too_few_samples} instead of using it).
     */
    public double sampleVariance() {
        return n <= 1 ? 0 : centredSumOfSquares() / (n - 1);
    }
}
