package io.showmetrics.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MultipleTestingTest {
    private static final List<Double> FAMILY = List.of(0.01, 0.04, 0.03, 0.005);

    private static void assertValues(List<Double> actual, Double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == null) {
                assertThat(actual.get(i)).isNull();
            } else {
                assertThat(actual.get(i)).isCloseTo(expected[i], within(1e-15));
            }
        }
    }

    @Nested
    class Holm {
        @Test
        void multipliesTheSortedPValuesByTheRemainingTestsAndKeepsThemMonotone() {
            // sorted 0.005, 0.01, 0.03, 0.04 -> 0.02, 0.03, 0.06, max(0.06, 0.04) = 0.06
            assertValues(MultipleTesting.holm(FAMILY), 0.03, 0.06, 0.06, 0.02);
        }

        @Test
        void capsAtOne() {
            assertValues(MultipleTesting.holm(List.of(0.6, 0.9, 0.8)), 1.0, 1.0, 1.0);
        }

        @Test
        void tiedPValuesGetTheSameAdjustedValue() {
            assertValues(MultipleTesting.holm(List.of(0.02, 0.02, 0.5, 0.001)), 0.06, 0.06, 0.5, 0.004);
        }
    }

    @Nested
    class BenjaminiHochberg {
        @Test
        void scalesByFamilySizeOverRankAndKeepsThemMonotone() {
            // sorted 0.005, 0.01, 0.03, 0.04 -> 0.02, 0.02, 0.04, 0.04
            assertValues(MultipleTesting.benjaminiHochberg(FAMILY), 0.02, 0.04, 0.04, 0.02);
        }

        @Test
        void neverExceedsHolm() {
            List<Double> holm = MultipleTesting.holm(FAMILY);
            List<Double> bh = MultipleTesting.benjaminiHochberg(FAMILY);
            for (int i = 0; i < FAMILY.size(); i++) {
                assertThat(bh.get(i)).isLessThanOrEqualTo(holm.get(i));
                assertThat(bh.get(i)).isGreaterThanOrEqualTo(FAMILY.get(i));
            }
        }
    }

    @Nested
    class NullsAndEdges {
        @Test
        void nullPValuesAreSkippedAndDoNotCountInTheFamily() {
            List<Double> p = Arrays.asList(0.2, null, 0.01, 0.5, 0.04);
            assertValues(MultipleTesting.holm(p), 0.4, null, 0.04, 0.5, 0.12);
            assertValues(MultipleTesting.benjaminiHochberg(p), 0.2 * 4 / 3, null, 0.04, 0.5, 0.08);
        }

        @Test
        void aSinglePValueIsUnchanged() {
            assertValues(MultipleTesting.holm(List.of(0.03)), 0.03);
            assertValues(MultipleTesting.benjaminiHochberg(List.of(0.03)), 0.03);
        }

        @Test
        void emptyFamilyGivesEmptyList() {
            assertThat(MultipleTesting.holm(List.of())).isEmpty();
            assertThat(MultipleTesting.benjaminiHochberg(List.of())).isEmpty();
        }

        @Test
        void pValueOutsideZeroOneIsAContractViolation() {
            assertThatThrownBy(() -> MultipleTesting.holm(List.of(0.1, 1.5)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> MultipleTesting.benjaminiHochberg(List.of(Double.NaN)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
