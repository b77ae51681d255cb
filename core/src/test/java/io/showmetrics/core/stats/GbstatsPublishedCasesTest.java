package io.showmetrics.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * GrowthBook's own published test cases, from {@code packages/stats/tests/frequentist/test_tests.py} in
 * github.com/growthbook/growthbook (classes {@code TestTwoSidedTTest} and {@code TestSequentialTTest}),
 * reproduced where gbstats' definitions coincide with SPEC's. gbstats publishes values rounded to 5
 * decimals, so the tolerance is half a unit in the fifth decimal.
 *
 * <p>Not reproduced, because the definitions differ: gbstats' {@code test_two_sided_ttest_binom} (gbstats
 * uses the t distribution with Welch degrees of freedom for proportions, SPEC the normal approximation),
 * gbstats' relative-mode p-values (our p-value is for the absolute difference), and
 * {@code test_sequential_test_runs_ra} (a fixed θ = 0.5 per arm, where SPEC pools θ over both arms).
 */
class GbstatsPublishedCasesTest {
    private static final double ROUNDED_5 = 0.5e-5 + 1e-12;

    // Control: mean 0.41, n 3407; treatment: mean 0.7, n 3461 (gbstats' SampleMeanStatistic inputs).
    private static final SampleStats CONTROL = new SampleStats(3407, 1396.87, 52377.9767);
    private static final SampleStats TREATMENT = new SampleStats(3461, 2422.7, 134698.29);

    @Nested
    class TwoSidedTTest {
        @Test
        void absoluteDifferenceMatchesTestTwoSidedTtestAbsolute() {
            TwoSampleResult r = TwoSampleTests.welch(TREATMENT, CONTROL);
            assertThat(r.absLift()).isCloseTo(0.29, within(ROUNDED_5));
            assertThat(r.absCiLow()).isCloseTo(0.04538, within(ROUNDED_5));
            assertThat(r.absCiHigh()).isCloseTo(0.53462, within(ROUNDED_5));
            assertThat(r.pValue()).isCloseTo(0.02016, within(ROUNDED_5));
            assertThat(r.absLift() / r.statistic()).as("standard error").isCloseTo(0.12478, within(ROUNDED_5));
        }

        @Test
        void relativeLiftAndItsTQuantileCiMatchTestTwoSidedTtest() {
            TwoSampleResult r = TwoSampleTests.welch(TREATMENT, CONTROL);
            assertThat(r.relLift()).isCloseTo(0.70732, within(ROUNDED_5));
            assertThat(r.relCiLow()).isCloseTo(-0.03526, within(ROUNDED_5));
            assertThat(r.relCiHigh()).isCloseTo(1.44989, within(ROUNDED_5));
        }
    }

    @Nested
    class SequentialTTest {
        @Test
        void relativeConfidenceSequenceMatchesTestSequentialTestRuns() {
            SampleStats control = new SampleStats(3000, 1396.87, 52377.9767);
            TwoSampleResult r = TwoSampleTests.sequential(MetricKind.CONTINUOUS, TREATMENT, control, 1000);
            assertThat(r.relLift()).isCloseTo(0.50336, within(ROUNDED_5));
            assertThat(r.relCiLow()).isCloseTo(-0.55844, within(ROUNDED_5));
            assertThat(r.relCiHigh()).isCloseTo(1.56516, within(ROUNDED_5));
        }

        @Test
        void proportionsWithDefaultTuningMatchTestSequentialTestRunsProp() {
            TwoSampleResult r = TwoSampleTests.sequential(MetricKind.BINARY, SampleStats.binary(3461, 2422),
                    SampleStats.binary(3000, 1396));
            assertThat(r.relLift()).isCloseTo(0.50386, within(ROUNDED_5));
            assertThat(r.relCiLow()).isCloseTo(0.40098, within(ROUNDED_5));
            assertThat(r.relCiHigh()).isCloseTo(0.60675, within(ROUNDED_5));
            assertThat(r.pValue()).isCloseTo(0.0, within(ROUNDED_5));
        }

        @Test
        void tuningNearTheSampleSizeGivesTheNarrowestIntervalAsInTestSequentialTestTuningAsExpected() {
            SampleStats control = new SampleStats(3000, 1396.87, 52377.9767);
            TwoSampleResult below = TwoSampleTests.sequential(MetricKind.CONTINUOUS, TREATMENT, control, 10);
            TwoSampleResult near = TwoSampleTests.sequential(MetricKind.CONTINUOUS, TREATMENT, control, 6461);
            TwoSampleResult above = TwoSampleTests.sequential(MetricKind.CONTINUOUS, TREATMENT, control, 10000);
            assertThat(below.relCiLow()).isLessThan(above.relCiLow());
            assertThat(below.relCiHigh()).isGreaterThan(above.relCiHigh());
            assertThat(below.relCiLow()).isLessThan(near.relCiLow());
            assertThat(below.relCiHigh()).isGreaterThan(near.relCiHigh());
            assertThat(above.relCiLow()).isLessThan(near.relCiLow());
            assertThat(above.relCiHigh()).isGreaterThan(near.relCiHigh());
        }
    }
}
