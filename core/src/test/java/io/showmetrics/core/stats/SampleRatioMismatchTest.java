package io.showmetrics.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SampleRatioMismatchTest {

    @Nested
    class ExpectedShares {
        @Test
        void equalSplitWhenExpectedSplitIsAbsent() {
            SrmResult r = SampleRatioMismatch.test(Map.of("control", 5200L, "treatment", 4800L), null);
            assertThat(r.cells()).extracting(SrmResult.Cell::expectedShare).containsExactly(0.5, 0.5);
            assertThat(r.chiSquare()).isCloseTo(16.0, within(1e-12));
            assertThat(r.degreesOfFreedom()).isEqualTo(1);
        }

        @Test
        void emptyExpectedSplitCountsAsAbsent() {
            assertThat(SampleRatioMismatch.test(Map.of("a", 10L, "b", 12L), Map.of()))
                    .isEqualTo(SampleRatioMismatch.test(Map.of("a", 10L, "b", 12L), null));
        }

        @Test
        void sharesAreNormalisedSoPercentagesAndFractionsAgree() {
            Map<String, Long> observed = Map.of("holdout", 1030L, "invited", 8970L);
            SrmResult percent = SampleRatioMismatch.test(observed, Map.of("holdout", 10.0, "invited", 90.0));
            SrmResult fraction = SampleRatioMismatch.test(observed, Map.of("holdout", 0.1, "invited", 0.9));
            assertThat(percent.pValue()).isCloseTo(fraction.pValue(), within(1e-15));
            assertThat(percent.cells().get(0).expectedCount()).isCloseTo(1000.0, within(1e-9));
        }

        @Test
        void cellsAreSortedByVariantName() {
            SrmResult r = SampleRatioMismatch.test(Map.of("z", 1L, "a", 2L, "m", 3L), null);
            assertThat(r.cells()).extracting(SrmResult.Cell::variant).containsExactly("a", "m", "z");
        }
    }

    @Nested
    class VariantsOutsideTheObservedSet {
        @Test
        void splitVariantWithoutAssignmentsCountsZero() {
            SrmResult r = SampleRatioMismatch.test(Map.of("control", 100L), Map.of("control", 0.5, "treatment", 0.5));
            assertThat(r.cells()).extracting(SrmResult.Cell::observed).containsExactly(100L, 0L);
            assertThat(r.chiSquare()).isCloseTo(100.0, within(1e-12));
            assertThat(r.flagged()).isTrue();
        }

        @Test
        void observedVariantMissingFromTheSplitIsACertainMismatch() {
            SrmResult r = SampleRatioMismatch.test(Map.of("control", 100L, "treatment", 100L, "rogue", 3L),
                    Map.of("control", 0.5, "treatment", 0.5));
            assertThat(r.errorCode()).isEqualTo(StatsErrors.UNEXPECTED_VARIANT);
            assertThat(r.pValue()).isZero();
            assertThat(r.flagged()).isTrue();
            assertThat(r.chiSquare()).isNull();
        }

        @Test
        void zeroShareVariantWithoutAssignmentsIsLeftOutOfTheTest() {
            SrmResult r = SampleRatioMismatch.test(Map.of("control", 480L, "treatment", 520L),
                    Map.of("control", 0.5, "treatment", 0.5, "paused", 0.0));
            assertThat(r.degreesOfFreedom()).isEqualTo(1);
            assertThat(r.cells()).hasSize(3);
            assertThat(r.errorCode()).isNull();
        }
    }

    @Nested
    class Flag {
        @Test
        void flagsExactlyWhenThePValueIsBelowOneInAThousand() {
            // chi-square 1 df: p = 0.001 at statistic 10.8276; 5165 vs 4835 gives 10.89, 5160 vs 4840 gives 10.24.
            SrmResult flagged = SampleRatioMismatch.test(Map.of("a", 5165L, "b", 4835L), null);
            SrmResult notFlagged = SampleRatioMismatch.test(Map.of("a", 5160L, "b", 4840L), null);
            assertThat(flagged.pValue()).isLessThan(SampleRatioMismatch.FLAG_THRESHOLD);
            assertThat(flagged.flagged()).isTrue();
            assertThat(notFlagged.pValue()).isGreaterThan(SampleRatioMismatch.FLAG_THRESHOLD);
            assertThat(notFlagged.flagged()).isFalse();
        }

        @Test
        void balancedAssignmentIsNotFlagged() {
            SrmResult r = SampleRatioMismatch.test(Map.of("control", 5012L, "treatment", 4988L), null);
            assertThat(r.pValue()).isCloseTo(0.8103302566044083, within(1e-12));
            assertThat(r.flagged()).isFalse();
        }
    }

    @Nested
    class DegenerateInput {
        @Test
        void noAssignmentsGivesAnErrorCodeAndNoFlag() {
            SrmResult r = SampleRatioMismatch.test(Map.of(), Map.of("control", 0.5, "treatment", 0.5));
            assertThat(r.errorCode()).isEqualTo(StatsErrors.NO_ASSIGNMENTS);
            assertThat(r.pValue()).isNull();
            assertThat(r.flagged()).isFalse();
        }

        @Test
        void aSingleVariantCannotBeTested() {
            SrmResult r = SampleRatioMismatch.test(Map.of("control", 120L), null);
            assertThat(r.errorCode()).isEqualTo(StatsErrors.TOO_FEW_VARIANTS);
            assertThat(r.pValue()).isNull();
        }

        @Test
        void negativeOrMissingShareIsAnInvalidSplit() {
            Map<String, Double> split = new HashMap<>();
            split.put("control", 0.5);
            split.put("treatment", -0.5);
            assertThat(SampleRatioMismatch.test(Map.of("control", 10L), split).errorCode())
                    .isEqualTo(StatsErrors.INVALID_EXPECTED_SPLIT);
            split.put("treatment", null);
            assertThat(SampleRatioMismatch.test(Map.of("control", 10L), split).errorCode())
                    .isEqualTo(StatsErrors.INVALID_EXPECTED_SPLIT);
            assertThat(SampleRatioMismatch.test(Map.of("control", 10L), Map.of("control", 0.0)).errorCode())
                    .isEqualTo(StatsErrors.INVALID_EXPECTED_SPLIT);
        }

        @Test
        void negativeCountIsAContractViolation() {
            assertThatThrownBy(() -> SampleRatioMismatch.test(Map.of("control", -1L), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
