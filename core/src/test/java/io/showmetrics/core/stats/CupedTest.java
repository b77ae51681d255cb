package io.showmetrics.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CupedTest {
    /** Rows of one arm: metric y and pre-period covariate x, with defaults so a test sets what it is about. */
    private record Rows(double[] y, double[] x) {
        RegressionStats stats() {
            return RegressionStats.of(y, x);
        }

        static Rows correlated(long seed, int n, double lift) {
            Random r = new Random(seed);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextDouble() < 0.3 ? Math.round(r.nextDouble() * 8000) / 100.0 : 0;
                y[i] = Math.max(0, 0.7 * x[i] + 10 * r.nextGaussian() + 20 * lift + 5);
            }
            return new Rows(y, x);
        }

        static Rows binaryCorrelated(long seed, int n, double lift) {
            Random r = new Random(seed);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextDouble() < 0.2 ? 1 : 0;
                y[i] = r.nextDouble() < (x[i] == 1 ? 0.4 : 0.05) * (1 + lift) ? 1 : 0;
            }
            return new Rows(y, x);
        }
    }

    private final Rows treatment = Rows.correlated(1, 800, 0.1);
    private final Rows control = Rows.correlated(2, 900, 0);

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** θ over the pooled rows, two-pass. */
    private static double pooledTheta(Rows t, Rows c) {
        double[] y = concat(t.y, c.y);
        double[] x = concat(t.x, c.x);
        double my = mean(y);
        double mx = mean(x);
        double cov = 0;
        double var = 0;
        for (int i = 0; i < y.length; i++) {
            cov += (x[i] - mx) * (y[i] - my);
            var += (x[i] - mx) * (x[i] - mx);
        }
        return cov / var;
    }

    private static double[] adjustRows(Rows arm, double theta, double pooledMeanX) {
        double[] out = new double[arm.y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = arm.y[i] - theta * (arm.x[i] - pooledMeanX);
        }
        return out;
    }

    @Nested
    class Theta {
        @Test
        void thetaIsPooledCovarianceOverPooledVarianceOfTheCovariate() {
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, treatment.stats(), control.stats());
            assertThat(r.theta()).isCloseTo(pooledTheta(treatment, control), within(1e-10));
            assertThat(r.errorCode()).isNull();
        }

        @Test
        void constantCovariateGivesThetaZeroAndTheRawResult() {
            Rows t = new Rows(treatment.y, new double[treatment.y.length]);
            Rows c = new Rows(control.y, new double[control.y.length]);
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, t.stats(), c.stats());
            assertThat(r.theta()).isZero();
            assertThat(r.varianceReduction()).isZero();
            assertThat(r.errorCode()).isEqualTo(StatsErrors.ZERO_COVARIATE_VARIANCE);
            assertThat(r.adjusted()).isEqualTo(r.raw());
        }
    }

    @Nested
    class AdjustedResult {
        @Test
        void equalsTheRawTestOnRowLevelAdjustedValues() {
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, treatment.stats(), control.stats());
            double theta = pooledTheta(treatment, control);
            double meanX = mean(concat(treatment.x, control.x));
            TwoSampleResult rows = TwoSampleTests.welch(SampleStats.of(adjustRows(treatment, theta, meanX)),
                    SampleStats.of(adjustRows(control, theta, meanX)));
            assertClose(r.adjusted(), rows, 1e-9);
        }

        @Test
        void binaryMetricUsesThePopulationVarianceOfTheAdjustedValues() {
            Rows t = Rows.binaryCorrelated(3, 4000, 0.1);
            Rows c = Rows.binaryCorrelated(4, 4000, 0);
            CupedResult r = Cuped.analyse(MetricKind.BINARY, t.stats(), c.stats());
            double theta = pooledTheta(t, c);
            double meanX = mean(concat(t.x, c.x));
            TwoSampleResult rows = TwoSampleTests.proportions(SampleStats.of(adjustRows(t, theta, meanX)),
                    SampleStats.of(adjustRows(c, theta, meanX)));
            assertClose(r.adjusted(), rows, 1e-9);
            assertThat(r.adjusted().degreesOfFreedom()).isNull();
        }

        @Test
        void armMeansAreShiftedByThetaTimesTheirDistanceFromThePooledMeanOfX() {
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, treatment.stats(), control.stats());
            double meanX = mean(concat(treatment.x, control.x));
            assertThat(r.adjusted().value())
                    .isCloseTo(mean(treatment.y) - r.theta() * (mean(treatment.x) - meanX), within(1e-9));
            assertThat(r.adjusted().controlValue())
                    .isCloseTo(mean(control.y) - r.theta() * (mean(control.x) - meanX), within(1e-9));
        }

        @Test
        void correlatedCovariateNarrowsTheInterval() {
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, treatment.stats(), control.stats());
            assertThat(r.adjusted().absCiHigh() - r.adjusted().absCiLow())
                    .isLessThan(r.raw().absCiHigh() - r.raw().absCiLow());
        }

        @Test
        void rawResultIsTheUnadjustedTest() {
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, treatment.stats(), control.stats());
            assertThat(r.raw()).isEqualTo(TwoSampleTests.welch(treatment.stats().y(), control.stats().y()));
        }
    }

    @Nested
    class VarianceReduction {
        @Test
        void isOneMinusPooledVarianceOfAdjustedOverPooledVarianceOfMetric() {
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, treatment.stats(), control.stats());
            double theta = pooledTheta(treatment, control);
            double meanX = mean(concat(treatment.x, control.x));
            double[] adjusted = concat(adjustRows(treatment, theta, meanX), adjustRows(control, theta, meanX));
            double[] y = concat(treatment.y, control.y);
            assertThat(r.varianceReduction())
                    .isCloseTo(1 - SampleStats.of(adjusted).populationVariance() / SampleStats.of(y).populationVariance(),
                            within(1e-10));
            assertThat(r.varianceReduction()).isBetween(0.0, 1.0);
        }

        @Test
        void covariateEqualToTheMetricRemovesAllVariance() {
            Rows t = new Rows(treatment.x, treatment.x);
            Rows c = new Rows(control.x, control.x);
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, t.stats(), c.stats());
            assertThat(r.theta()).isCloseTo(1.0, within(1e-12));
            assertThat(r.varianceReduction()).isCloseTo(1.0, within(1e-12));
            assertThat(r.adjusted().errorCode()).isEqualTo(StatsErrors.ZERO_VARIANCE);
            assertThat(r.adjusted().absLift()).isCloseTo(0.0, within(1e-9));
        }

        @Test
        void metricWithoutVarianceHasNoVarianceReduction() {
            Rows t = new Rows(new double[50], Arrays.copyOf(treatment.x, 50));
            Rows c = new Rows(new double[60], Arrays.copyOf(control.x, 60));
            CupedResult r = Cuped.analyse(MetricKind.BINARY, t.stats(), c.stats());
            assertThat(r.varianceReduction()).isNull();
            assertThat(r.errorCode()).isEqualTo(StatsErrors.ZERO_VARIANCE);
            assertThat(r.raw().errorCode()).isEqualTo(StatsErrors.ZERO_VARIANCE);
        }
    }

    @Nested
    class DegenerateInput {
        @Test
        void emptyArmGivesEmptyArmEverywhereWithoutException() {
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, RegressionStats.EMPTY, control.stats());
            assertThat(r.errorCode()).isEqualTo(StatsErrors.EMPTY_ARM);
            assertThat(r.theta()).isNull();
            assertThat(r.varianceReduction()).isNull();
            assertThat(r.raw().errorCode()).isEqualTo(StatsErrors.EMPTY_ARM);
            assertThat(r.adjusted().errorCode()).isEqualTo(StatsErrors.EMPTY_ARM);
        }

        @Test
        void singleUnitArmsGiveTooFewSamplesForRevenue() {
            RegressionStats one = RegressionStats.of(new double[] {3}, new double[] {1});
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, one, control.stats());
            assertThat(r.adjusted().errorCode()).isEqualTo(StatsErrors.TOO_FEW_SAMPLES);
            TwoSampleTestsTest.assertFiniteOrNull(r.adjusted());
        }
    }

    @Nested
    class Adjust {
        @Test
        void adjustedStatisticsFeedTheSequentialTest() {
            CupedAdjustment a = Cuped.adjust(treatment.stats(), control.stats());
            TwoSampleResult adjusted = TwoSampleTests.sequential(MetricKind.CONTINUOUS, a.treatment(), a.control());
            TwoSampleResult raw = TwoSampleTests.sequential(MetricKind.CONTINUOUS, treatment.stats().y(),
                    control.stats().y());
            assertThat(adjusted.absCiHigh() - adjusted.absCiLow()).isLessThan(raw.absCiHigh() - raw.absCiLow());
            assertThat(a.pooledMeanX()).isCloseTo(mean(concat(treatment.x, control.x)), within(1e-12));
        }

        @Test
        void adjustedStatisticsReproduceTheAnalysedResult() {
            CupedAdjustment a = Cuped.adjust(treatment.stats(), control.stats());
            CupedResult r = Cuped.analyse(MetricKind.CONTINUOUS, treatment.stats(), control.stats());
            assertClose(TwoSampleTests.welch(a.treatment(), a.control()), r.adjusted(), 1e-9);
            assertThat(a.theta()).isEqualTo(r.theta());
            assertThat(a.varianceReduction()).isEqualTo(r.varianceReduction());
        }
    }

    static void assertClose(TwoSampleResult a, TwoSampleResult b, double tol) {
        assertThat(a.errorCode()).isEqualTo(b.errorCode());
        assertThat(a.n()).isEqualTo(b.n());
        assertThat(a.controlN()).isEqualTo(b.controlN());
        double[][] pairs = {
            {a.value(), b.value()}, {a.controlValue(), b.controlValue()}, {a.absLift(), b.absLift()},
            {a.absCiLow(), b.absCiLow()}, {a.absCiHigh(), b.absCiHigh()}, {a.relLift(), b.relLift()},
            {a.relCiLow(), b.relCiLow()}, {a.relCiHigh(), b.relCiHigh()}, {a.pValue(), b.pValue()},
            {a.statistic(), b.statistic()},
        };
        for (double[] p : pairs) {
            assertThat(p[0]).isCloseTo(p[1], within(tol * Math.max(1, Math.abs(p[1]))));
        }
    }
}
