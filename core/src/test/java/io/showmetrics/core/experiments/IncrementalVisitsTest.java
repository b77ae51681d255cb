package io.showmetrics.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.core.stats.SampleStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IncrementalVisitsTest {
    private static SampleStats visitors(long n, long visited) {
        return SampleStats.binary(n, visited);
    }

    @Nested
    class Holdout {
        @Test
        void rateDifferenceTimesTreatedCustomersWithTheZTestIntervalScaledTheSameWay() {
            List<IncrementalVisits.Row> rows = IncrementalVisits.of("e1", "holdout",
                    Map.of("holdout", visitors(300, 30), "push", visitors(700, 105)));

            assertThat(rows).hasSize(1);
            IncrementalVisits.Row r = rows.get(0);
            assertThat(r.variant()).isEqualTo("push");
            assertThat(r.holdout()).isTrue();
            assertThat(r.treated()).isEqualTo(700);
            assertThat(r.controlN()).isEqualTo(300);
            // (0.15 − 0.10) × 700 = 35; SE = sqrt(0.15·0.85/700 + 0.1·0.9/300), z = 1.959964
            double se = Math.sqrt(0.15 * 0.85 / 700 + 0.1 * 0.9 / 300);
            assertThat(r.visits()).isCloseTo(35.0, within(1e-9));
            assertThat(r.ciLow()).isCloseTo((0.05 - 1.959963984540054 * se) * 700, within(1e-9));
            assertThat(r.ciHigh()).isCloseTo((0.05 + 1.959963984540054 * se) * 700, within(1e-9));
            assertThat(r.errorCode()).isNull();
        }

        @Test
        void controlNamesContainingHoldoutAreHoldouts() {
            assertThat(IncrementalVisits.isHoldout("holdout")).isTrue();
            assertThat(IncrementalVisits.isHoldout("Hold-out")).isTrue();
            assertThat(IncrementalVisits.isHoldout("push_holdout")).isTrue();
            assertThat(IncrementalVisits.isHoldout("control")).isFalse();
            assertThat(IncrementalVisits.isHoldout("host_a")).isFalse();
            assertThat(IncrementalVisits.isHoldout(null)).isFalse();
        }
    }

    @Nested
    class VariantsWithoutHoldout {
        @Test
        void eachTreatmentVariantIsItsOwnDifferenceAgainstTheControlNeverPooled() {
            List<IncrementalVisits.Row> rows = IncrementalVisits.of("host", "host_a", Map.of(
                    "host_a", visitors(100, 10), "host_c", visitors(100, 10), "host_b", visitors(200, 40)));

            assertThat(rows).extracting(IncrementalVisits.Row::variant).containsExactly("host_b", "host_c");
            assertThat(rows).allMatch(r -> !r.holdout() && r.controlVariant().equals("host_a"));
            assertThat(rows.get(0).visits()).isCloseTo((0.2 - 0.1) * 200, within(1e-9));
            assertThat(rows.get(1).visits()).isCloseTo(0.0, within(1e-12));
        }

        @Test
        void anEmptyControlGivesNoNumberAndSaysWhy() {
            List<IncrementalVisits.Row> rows = IncrementalVisits.of("e", "holdout", Map.of("push", visitors(10, 2)));

            assertThat(rows).singleElement().satisfies(r -> {
                assertThat(r.visits()).isNull();
                assertThat(r.ciLow()).isNull();
                assertThat(r.errorCode()).isEqualTo("empty_arm");
            });
        }
    }
}
