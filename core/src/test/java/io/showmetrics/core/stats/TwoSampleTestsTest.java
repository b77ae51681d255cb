package io.showmetrics.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TwoSampleTestsTest {
    private static final double Z_975 = 1.959963984540054;

    private static SampleStats conversions(long n, long converted) {
        return SampleStats.binary(n, converted);
    }

    private static SampleStats revenue(double... values) {
        return SampleStats.of(values);
    }

    private static SampleStats repeated(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return SampleStats.of(v);
    }

    @Nested
    class Proportions {
        @Test
        void ratesAreConversionsOverAssignedAndLiftIsTheirDifference() {
            TwoSampleResult r = TwoSampleTests.proportions(conversions(1000, 120), conversions(800, 80));
            assertThat(r.value()).isEqualTo(0.12);
            assertThat(r.controlValue()).isEqualTo(0.10);
            assertThat(r.absLift()).isCloseTo(0.02, within(1e-15));
            assertThat(r.relLift()).isCloseTo(0.2, within(1e-15));
            assertThat(r.degreesOfFreedom()).isNull();
            assertThat(r.errorCode()).isNull();
        }

        @Test
        void standardErrorIsUnpooledAndTheCiUsesTheNormalQuantile() {
            TwoSampleResult r = TwoSampleTests.proportions(conversions(1000, 120), conversions(800, 80));
            double se = Math.sqrt(0.12 * 0.88 / 1000 + 0.1 * 0.9 / 800);
            assertThat(r.statistic()).isCloseTo(0.02 / se, within(1e-12));
            assertThat(r.absCiLow()).isCloseTo(0.02 - Z_975 * se, within(1e-12));
            assertThat(r.absCiHigh()).isCloseTo(0.02 + Z_975 * se, within(1e-12));
        }

        @Test
        void relativeCiIsTheDeltaMethodWithPopulationVariances() {
            TwoSampleResult r = TwoSampleTests.proportions(conversions(1000, 120), conversions(800, 80));
            double var = 0.12 * 0.88 / (1000 * 0.01) + 0.1 * 0.9 * 0.0144 / (800 * 1e-4);
            assertThat(r.relCiHigh() - r.relLift()).isCloseTo(Z_975 * Math.sqrt(var), within(1e-12));
            assertThat(r.relLift() - r.relCiLow()).isCloseTo(Z_975 * Math.sqrt(var), within(1e-12));
        }

        @Test
        void swappingTheArmsNegatesTheStatisticAndKeepsThePValue() {
            TwoSampleResult ab = TwoSampleTests.proportions(conversions(500, 60), conversions(500, 45));
            TwoSampleResult ba = TwoSampleTests.proportions(conversions(500, 45), conversions(500, 60));
            assertThat(ba.statistic()).isCloseTo(-ab.statistic(), within(1e-12));
            assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-15));
        }

        @Test
        void identicalArmsGiveZeroLiftAndPValueOne() {
            TwoSampleResult r = TwoSampleTests.proportions(conversions(5000, 300), conversions(5000, 300));
            assertThat(r.absLift()).isZero();
            assertThat(r.pValue()).isEqualTo(1.0);
            assertThat(r.absCiLow()).isCloseTo(-r.absCiHigh(), within(1e-15));
        }

        @Test
        void zeroControlRateKeepsTheAbsoluteResultAndNullsTheRelativeOne() {
            TwoSampleResult r = TwoSampleTests.proportions(conversions(2000, 5), conversions(2000, 0));
            assertThat(r.errorCode()).isEqualTo(StatsErrors.ZERO_CONTROL_MEAN);
            assertThat(r.absLift()).isEqualTo(0.0025);
            assertThat(r.absCiLow()).isNotNull();
            assertThat(r.pValue()).isNotNull();
            assertThat(r.relLift()).isNull();
            assertThat(r.relCiLow()).isNull();
            assertThat(r.relCiHigh()).isNull();
        }

        @Test
        void treatmentWithoutConversionsHasRelativeLiftMinusOne() {
            TwoSampleResult r = TwoSampleTests.proportions(conversions(400, 0), conversions(400, 20));
            assertThat(r.relLift()).isEqualTo(-1.0);
            assertThat(r.relCiLow()).isEqualTo(-1.0);
            assertThat(r.relCiHigh()).isEqualTo(-1.0);
            assertThat(r.errorCode()).isNull();
        }

        @Test
        void tinyPValuesAreComputedFromTheUpperTailNotRoundedToZero() {
            TwoSampleResult r = TwoSampleTests.proportions(conversions(100_000, 12_000), conversions(100_000, 10_000));
            assertThat(r.pValue()).isPositive().isLessThan(1e-40);
        }
    }

    @Nested
    class Welch {
        private final SampleStats treatment = revenue(0, 0, 35.5, 12, 0, 80, 0, 22.25, 0, 0, 61);
        private final SampleStats control = revenue(0, 15, 0, 0, 40, 0, 0, 9.5, 0);

        @Test
        void degreesOfFreedomFollowWelchSatterthwaite() {
            TwoSampleResult r = TwoSampleTests.welch(treatment, control);
            double at = treatment.sampleVariance() / 11;
            double ac = control.sampleVariance() / 9;
            double df = (at + ac) * (at + ac) / (at * at / 10 + ac * ac / 8);
            assertThat(r.degreesOfFreedom()).isCloseTo(df, within(1e-12));
            assertThat(r.statistic()).isCloseTo(r.absLift() / Math.sqrt(at + ac), within(1e-12));
        }

        @Test
        void relativeCiUsesTheSameTQuantileAsTheAbsoluteCi() {
            TwoSampleResult r = TwoSampleTests.welch(treatment, control);
            double q = TDistribution.of(r.degreesOfFreedom()).inverseSurvivalProbability(0.025);
            double se = r.absLift() / r.statistic();
            double mt = treatment.mean();
            double mc = control.mean();
            double relSe = Math.sqrt(treatment.sampleVariance() / (11 * mc * mc)
                    + control.sampleVariance() * mt * mt / (9 * Math.pow(mc, 4)));
            assertThat(r.absCiHigh() - r.absLift()).isCloseTo(q * se, within(1e-12));
            assertThat(r.relCiHigh() - r.relLift()).isCloseTo(q * relSe, within(1e-12));
        }

        @Test
        void aConstantArmLeavesTheDegreesOfFreedomOfTheOtherArm() {
            TwoSampleResult r = TwoSampleTests.welch(repeated(30, 10.0), control);
            assertThat(r.degreesOfFreedom()).isCloseTo(8.0, within(1e-12));
            assertThat(r.errorCode()).isNull();
        }

        @Test
        void aSingleUnitArmIsTooFewSamplesButKeepsThePointEstimates() {
            TwoSampleResult r = TwoSampleTests.welch(revenue(25), control);
            assertThat(r.errorCode()).isEqualTo(StatsErrors.TOO_FEW_SAMPLES);
            assertThat(r.value()).isEqualTo(25.0);
            assertThat(r.absLift()).isEqualTo(25.0 - control.mean());
            assertThat(r.relLift()).isNotNull();
            assertThat(r.absCiLow()).isNull();
            assertThat(r.pValue()).isNull();
            assertThat(r.degreesOfFreedom()).isNull();
        }

        @Test
        void constantNonIntegerRevenueHasZeroVarianceDespiteRounding() {
            TwoSampleResult r = TwoSampleTests.welch(repeated(1000, 9.99), repeated(700, 0.1));
            assertThat(r.errorCode()).isEqualTo(StatsErrors.ZERO_VARIANCE);
            assertThat(r.absLift()).isCloseTo(9.89, within(1e-12));
            assertThat(r.statistic()).isNull();
        }

        @Test
        void controlWithoutRevenueGivesZeroControlMean() {
            TwoSampleResult r = TwoSampleTests.welch(treatment, repeated(50, 0));
            assertThat(r.errorCode()).isEqualTo(StatsErrors.ZERO_CONTROL_MEAN);
            assertThat(r.pValue()).isNotNull();
            assertThat(r.relLift()).isNull();
        }

        @Test
        void testDispatchesOnTheMetricKind() {
            assertThat(TwoSampleTests.test(MetricKind.CONTINUOUS, treatment, control))
                    .isEqualTo(TwoSampleTests.welch(treatment, control));
            assertThat(TwoSampleTests.test(MetricKind.BINARY, conversions(10, 3), conversions(10, 2)))
                    .isEqualTo(TwoSampleTests.proportions(conversions(10, 3), conversions(10, 2)));
        }
    }

    @Nested
    class Sequential {
        private final SampleStats treatment = conversions(10_000, 560);
        private final SampleStats control = conversions(10_000, 500);

        @Test
        void alwaysValidIntervalIsWiderThanTheFixedHorizonInterval() {
            TwoSampleResult fixed = TwoSampleTests.proportions(treatment, control);
            TwoSampleResult seq = TwoSampleTests.sequential(MetricKind.BINARY, treatment, control);
            assertThat(seq.absLift()).isEqualTo(fixed.absLift());
            assertThat(seq.absCiLow()).isLessThan(fixed.absCiLow());
            assertThat(seq.absCiHigh()).isGreaterThan(fixed.absCiHigh());
            assertThat(seq.relCiLow()).isLessThan(fixed.relCiLow());
            assertThat(seq.pValue()).isGreaterThanOrEqualTo(fixed.pValue());
            assertThat(seq.degreesOfFreedom()).isNull();
        }

        @Test
        void halfwidthFollowsTheNormalMixtureFormulaWithDefaultTuning5000() {
            TwoSampleResult seq = TwoSampleTests.sequential(MetricKind.BINARY, treatment, control);
            double n = 20_000;
            double rho2 = (-2 * Math.log(0.05) + Math.log(1 - 2 * Math.log(0.05))) / 5000;
            double se = Math.sqrt(0.056 * 0.944 / 10_000 + 0.05 * 0.95 / 10_000);
            double half = se * Math.sqrt(n) * Math.sqrt(2 * (n * rho2 + 1) * Math.log(Math.sqrt(n * rho2 + 1) / 0.05)
                    / (n * n * rho2));
            assertThat(seq.absCiHigh() - seq.absLift()).isCloseTo(half, within(1e-12));
        }

        @Test
        void intervalNarrowsAsDataAccumulate() {
            TwoSampleResult early = TwoSampleTests.sequential(MetricKind.BINARY, conversions(1_000, 56),
                    conversions(1_000, 50));
            TwoSampleResult later = TwoSampleTests.sequential(MetricKind.BINARY, treatment, control);
            assertThat(later.absCiHigh() - later.absCiLow()).isLessThan(early.absCiHigh() - early.absCiLow());
        }

        @Test
        void strongEvidenceGivesASmallAlwaysValidPValue() {
            TwoSampleResult r = TwoSampleTests.sequential(MetricKind.BINARY, conversions(50_000, 3_000),
                    conversions(50_000, 2_500));
            assertThat(r.pValue()).isLessThan(1e-6).isPositive();
        }

        @Test
        void tuningParameterMustBePositive() {
            assertThatThrownBy(() -> TwoSampleTests.sequential(MetricKind.BINARY, treatment, control, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class DegenerateInput {
        @Test
        void emptyArmReturnsEmptyArmForEveryTest() {
            SampleStats empty = SampleStats.EMPTY;
            for (TwoSampleResult r : List.of(
                    TwoSampleTests.proportions(empty, conversions(100, 10)),
                    TwoSampleTests.welch(revenue(1, 2, 3), empty),
                    TwoSampleTests.sequential(MetricKind.CONTINUOUS, empty, empty))) {
                assertThat(r.errorCode()).isEqualTo(StatsErrors.EMPTY_ARM);
                assertThat(r.absLift()).isNull();
                assertThat(r.pValue()).isNull();
            }
            TwoSampleResult r = TwoSampleTests.proportions(empty, conversions(100, 10));
            assertThat(r.value()).isNull();
            assertThat(r.controlValue()).isEqualTo(0.1);
            assertThat(r.n()).isZero();
            assertThat(r.controlN()).isEqualTo(100);
        }

        @Test
        void zeroConversionsInBothArmsIsZeroVariance() {
            TwoSampleResult r = TwoSampleTests.proportions(conversions(2000, 0), conversions(1500, 0));
            assertThat(r.errorCode()).isEqualTo(StatsErrors.ZERO_VARIANCE);
            assertThat(r.absLift()).isZero();
            assertThat(r.relLift()).isNull();
            assertThat(r.absCiLow()).isNull();
        }

        @Test
        void noFieldIsEverNaNOrInfiniteOverAGridOfSmallSamples() {
            List<SampleStats> binaries = new ArrayList<>();
            List<SampleStats> revenues = new ArrayList<>();
            for (int n = 0; n <= 4; n++) {
                for (int k = 0; k <= n; k++) {
                    binaries.add(conversions(n, k));
                }
                revenues.add(repeated(n, 0));
                revenues.add(repeated(n, 7.25));
            }
            revenues.add(revenue(1, 2));
            revenues.add(revenue(-3, 3));
            for (SampleStats t : binaries) {
                for (SampleStats c : binaries) {
                    assertFiniteOrNull(TwoSampleTests.proportions(t, c));
                    assertFiniteOrNull(TwoSampleTests.sequential(MetricKind.BINARY, t, c));
                }
            }
            for (SampleStats t : revenues) {
                for (SampleStats c : revenues) {
                    assertFiniteOrNull(TwoSampleTests.welch(t, c));
                    assertFiniteOrNull(TwoSampleTests.sequential(MetricKind.CONTINUOUS, t, c));
                }
            }
        }
    }

    static void assertFiniteOrNull(TwoSampleResult r) {
        for (Double d : Arrays.asList(r.value(), r.controlValue(), r.absLift(), r.absCiLow(), r.absCiHigh(),
                r.relLift(), r.relCiLow(), r.relCiHigh(), r.pValue(), r.statistic(), r.degreesOfFreedom())) {
            if (d != null) {
                assertThat(Double.isFinite(d)).as(r.toString()).isTrue();
            }
        }
        if (r.absCiLow() == null || r.relCiLow() == null || r.value() == null || r.controlValue() == null) {
            assertThat(r.errorCode()).as(r.toString()).isNotNull();
        }
        if (r.pValue() != null) {
            assertThat(r.pValue()).isBetween(0.0, 1.0);
        }
    }
}
