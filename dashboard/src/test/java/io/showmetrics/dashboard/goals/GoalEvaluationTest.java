package io.showmetrics.dashboard.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.dashboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GoalEvaluationTest {
    private static final Instant ENDS = Instant.parse("2026-03-01T20:00:00Z");
    private static final long DAY = 24 * 3600;
    private static final Instant LATER = ENDS.plus(Duration.ofDays(60));

    @Nested
    class Pending {
        @Test
        void isPendingWhenTheShowHasNoValueForTheMetric() {
            GoalStatus s = GoalEvaluation.evaluate(900, "at_least", null, ENDS, DAY, LATER, null);

            assertThat(s.status()).isEqualTo("pending");
            assertThat(s.actual()).isNull();
            assertThat(s.attainment()).isNull();
            assertThat(s.provisional()).isFalse();
            assertThat(s.finalAt()).isEqualTo(ENDS.plusSeconds(DAY));
        }

        @Test
        void treatsANonFiniteValueAsNotComputed() {
            assertThat(GoalEvaluation.evaluate(900, "at_least", Double.NaN, ENDS, DAY, LATER, null).status()).isEqualTo("pending");
        }
    }

    @Nested
    class Direction {
        @Test
        void atLeastIsMetWhenTheActualReachesTheTarget() {
            assertThat(GoalEvaluation.evaluate(900, "at_least", 900.0, ENDS, DAY, LATER, null).status()).isEqualTo("met");
            assertThat(GoalEvaluation.evaluate(900, "at_least", 950.0, ENDS, DAY, LATER, null).status()).isEqualTo("met");
            assertThat(GoalEvaluation.evaluate(900, "at_least", 899.0, ENDS, DAY, LATER, null).status()).isEqualTo("missed");
        }

        @Test
        void atMostIsMetWhenTheActualStaysAtOrBelowTheTarget() {
            assertThat(GoalEvaluation.evaluate(10, "at_most", 10.0, ENDS, DAY, LATER, null).status()).isEqualTo("met");
            assertThat(GoalEvaluation.evaluate(10, "at_most", 6.5, ENDS, DAY, LATER, null).status()).isEqualTo("met");
            assertThat(GoalEvaluation.evaluate(10, "at_most", 10.5, ENDS, DAY, LATER, null).status()).isEqualTo("missed");
        }

        @Test
        void rejectsAnUnknownDirectionNamingTheValidOnes() {
            assertThatThrownBy(() -> GoalEvaluation.evaluate(1, "above", 2.0, ENDS, DAY, LATER, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use at_least or at_most");
        }
    }

    @Nested
    class Attainment {
        @Test
        void isActualOverTarget() {
            GoalStatus s = GoalEvaluation.evaluate(800, "at_least", 812.0, ENDS, DAY, LATER, null);

            assertThat(s.attainment()).isCloseTo(1.015, within(1e-12));
            assertThat(s.actual()).isEqualTo(812.0);
        }

        @Test
        void isNullWhenTheTargetIsZeroButTheStatusStillCounts() {
            GoalStatus s = GoalEvaluation.evaluate(0, "at_most", 0.0, ENDS, DAY, LATER, null);

            assertThat(s.attainment()).isNull();
            assertThat(s.status()).isEqualTo("met");
        }
    }

    @Nested
    class ProvisionalUntilTheWindowCloses {
        @Test
        void flipsToFinalAtExactlyEndsAtPlusFinalAfterSeconds() {
            MutableClock clock = new MutableClock(ENDS);
            Instant finalAt = ENDS.plusSeconds(DAY);

            assertThat(GoalEvaluation.evaluate(40, "at_least", 40.0, ENDS, DAY, clock.instant(), null).provisional()).isTrue();
            clock.set(finalAt.minusNanos(1));
            GoalStatus justBefore = GoalEvaluation.evaluate(40, "at_least", 40.0, ENDS, DAY, clock.instant(), null);
            assertThat(justBefore.provisional()).isTrue();
            assertThat(justBefore.finalAt()).isEqualTo(finalAt);
            clock.set(finalAt);
            assertThat(GoalEvaluation.evaluate(40, "at_least", 40.0, ENDS, DAY, clock.instant(), null).provisional()).isFalse();
            clock.advance(Duration.ofDays(1));
            assertThat(GoalEvaluation.evaluate(40, "at_least", 40.0, ENDS, DAY, clock.instant(), null).provisional()).isFalse();
        }

        @Test
        void eachMetricUsesItsOwnWindow() {
            Instant now = ENDS.plus(Duration.ofDays(2));

            assertThat(GoalEvaluation.evaluate(800, "at_least", 812.0, ENDS, 15 * 60L, now, null).provisional()).isFalse();
            GoalStatus visits = GoalEvaluation.evaluate(50, "at_least", 61.0, ENDS, 7 * DAY, now, null);
            assertThat(visits.provisional()).isTrue();
            assertThat(visits.finalAt()).isEqualTo(Instant.parse("2026-03-08T20:00:00Z"));
        }

        @Test
        void aMetricWithoutAWindowIsFinalWhenTheShowEnds() {
            assertThat(GoalEvaluation.evaluate(1, "at_least", 2.0, ENDS, null, ENDS.minusSeconds(1), null).provisional()).isTrue();
            assertThat(GoalEvaluation.evaluate(1, "at_least", 2.0, ENDS, null, ENDS, null).provisional()).isFalse();
        }
    }

    @Nested
    class OpenWhileTheDataHasNotReachedTheWindowEnd {
        @Test
        void aMissedGoalIsNotSettledWhileTheDataThroughIsBeforeTheWindowEnd() {
            // 60 days after the show the clock alone would say final; the data stops 2 hours after the show,
            // so its 24-hour window has not been observed: the miss can still turn into a met goal.
            Instant dataThrough = ENDS.plusSeconds(2 * 3600);
            GoalStatus s = GoalEvaluation.evaluate(40, "at_least", 12.0, ENDS, DAY, LATER, dataThrough);

            assertThat(s.status()).isEqualTo("missed");
            assertThat(s.provisional()).isTrue();
            assertThat(s.awaitingData()).isTrue();
            assertThat(s.finalAt()).isEqualTo(ENDS.plusSeconds(DAY));
        }

        @Test
        void isFinalOnceTheDataThroughReachesTheWindowEnd() {
            GoalStatus s = GoalEvaluation.evaluate(40, "at_least", 12.0, ENDS, DAY, LATER, ENDS.plusSeconds(DAY));

            assertThat(s.provisional()).isFalse();
            assertThat(s.awaitingData()).isFalse();
        }
    }

    @Nested
    class OnAir {
        private final Instant duringShow = ENDS.minus(Duration.ofMinutes(20));

        @Test
        void aLiveShowsGoalIsInProgressWithItsNumbersSoFarNeverMetEvenAboveTarget() {
            GoalStatus s = GoalEvaluation.evaluate(40, "at_least", 52.0, ENDS, 15 * 60L, duringShow, duringShow, true);

            assertThat(s.status()).isEqualTo(GoalStatus.IN_PROGRESS);
            assertThat(s.settled()).isFalse();
            assertThat(s.actual()).isEqualTo(52.0);
            assertThat(s.attainment()).isCloseTo(1.3, within(1e-9));
            assertThat(s.provisional()).isTrue();
        }

        @Test
        void aMetricLiveModeDoesNotComputeIsInProgressWithoutAnActual() {
            GoalStatus s = GoalEvaluation.evaluate(0.05, "at_least", null, ENDS, DAY, duringShow, duringShow, true);

            assertThat(s.status()).isEqualTo("in_progress");
            assertThat(s.actual()).isNull();
            assertThat(s.attainment()).isNull();
        }

        @Test
        void onceTheBatchRunHasPublishedTheShowTheSameNumbersDecide() {
            assertThat(GoalEvaluation.evaluate(40, "at_least", 52.0, ENDS, 15 * 60L, LATER, LATER, false).status())
                    .isEqualTo("met");
        }
    }
}
