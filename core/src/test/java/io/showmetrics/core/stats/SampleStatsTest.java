package io.showmetrics.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SampleStatsTest {

    @Nested
    class Sample {
        @Test
        void binaryMetricHasSumEqualToSumOfSquaresAndVarianceP1MinusP() {
            SampleStats s = SampleStats.binary(200, 30);
            assertThat(s.sum()).isEqualTo(s.sumSquares()).isEqualTo(30.0);
            assertThat(s.mean()).isEqualTo(0.15);
            assertThat(s.populationVariance()).isCloseTo(0.15 * 0.85, within(1e-15));
        }

        @Test
        void sampleVarianceUsesBesselsCorrection() {
            SampleStats s = SampleStats.of(2, 4, 4, 4, 5, 5, 7, 9);
            assertThat(s.populationVariance()).isCloseTo(4.0, within(1e-12));
            assertThat(s.sampleVariance()).isCloseTo(32.0 / 7, within(1e-12));
        }

        @Test
        void partialAggregatesMergeToTheWhole() {
            assertThat(SampleStats.of(1, 2).plus(SampleStats.of(3))).isEqualTo(SampleStats.of(1, 2, 3));
        }

        @Test
        void emptyAndSingleUnitSamplesHaveZeroVarianceInsteadOfNaN() {
            assertThat(SampleStats.EMPTY.mean()).isZero();
            assertThat(SampleStats.EMPTY.populationVariance()).isZero();
            assertThat(SampleStats.of(5).sampleVariance()).isZero();
        }

        @Test
        void constantNonIntegerValuesHaveExactlyZeroVariance() {
            double[] v = new double[999];
            java.util.Arrays.fill(v, 0.1);
            assertThat(SampleStats.of(v).centredSumOfSquares()).isZero();
        }

        @Test
        void contractViolationsThrow() {
            assertThatThrownBy(() -> new SampleStats(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SampleStats(3, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SampleStats(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> SampleStats.binary(10, 11)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Regression {
        private final RegressionStats r = RegressionStats.of(new double[] {1, 2, 6}, new double[] {0, 1, 2});

        @Test
        void splitsIntoMetricAndCovariate() {
            assertThat(r.y()).isEqualTo(SampleStats.of(1, 2, 6));
            assertThat(r.x()).isEqualTo(SampleStats.of(0, 1, 2));
        }

        @Test
        void centredCrossProductIsTheCovarianceNumerator() {
            // mean y = 3, mean x = 1: (−2)(−1) + (−1)(0) + (3)(1) = 5
            assertThat(r.centredCrossProduct()).isCloseTo(5.0, within(1e-12));
        }

        @Test
        void partialAggregatesMergeToTheWhole() {
            RegressionStats a = RegressionStats.of(new double[] {1}, new double[] {0});
            RegressionStats b = RegressionStats.of(new double[] {2, 6}, new double[] {1, 2});
            assertThat(a.plus(b)).isEqualTo(r);
        }

        @Test
        void mismatchedRowsAreAContractViolation() {
            assertThatThrownBy(() -> RegressionStats.of(new double[] {1}, new double[] {}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
