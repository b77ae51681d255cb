package io.showmetrics.core.stats;

/**
 * Internal form of one arm: count, mean and centred sum of squares {@code m2 = Σ(v − mean)²}. The tests
 * work on this form so that CUPED's adjusted arms (built from centred quantities) need no round trip
 * through raw sums of squares.
 */
record Moments(long n, double mean, double m2) {

    static Moments of(SampleStats s) {
        return new Moments(s.n(), s.mean(), s.centredSumOfSquares());
    }

    double populationVariance() {
        return n == 0 ? 0 : m2 / n;
    }

    double sampleVariance() {
        return n <= 1 ? 0 : m2 / (n - 1);
    }

    SampleStats toSampleStats() {
        double sum = mean * n;
        return new SampleStats(n, sum, n == 0 ? 0 : Math.max(0, m2 + sum * mean));
    }
}
