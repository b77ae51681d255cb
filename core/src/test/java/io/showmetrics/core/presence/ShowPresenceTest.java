package io.showmetrics.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShowPresenceTest {
    private static final long S = 1000L;
    /** A 10-minute show starting at 0: live window [0, 25 min). */
    private static final Interval WINDOW = ShowPresence.liveWindow(0, 600 * S);

    private static Interval iv(long startSeconds, long endSeconds) {
        return new Interval(startSeconds * S, endSeconds * S);
    }

    @Nested
    class Window {
        @Test
        void liveWindowAddsFifteenMinutesOfGrace() {
            assertThat(WINDOW).isEqualTo(iv(0, 1500));
        }

        @Test
        void minuteGridCoversTheWholeWindowIncludingAPartialLastMinute() {
            assertThat(ShowPresence.minuteCount(WINDOW)).isEqualTo(25);
            assertThat(ShowPresence.minuteCount(new Interval(0, 90 * S))).isEqualTo(2);
        }
    }

    @Nested
    class Peak {
        @Test
        void peakCountsLeaveBeforeJoinAtSameInstant() {
            ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of(iv(0, 60)), List.of(iv(60, 120))), WINDOW);
            assertThat(s.peakConcurrentViewers()).isEqualTo(1);
            assertThat(s.peakAt()).isEqualTo(0L);
        }

        @Test
        void peakAtIsTheFirstInstantThePeakIsReached() {
            ShowPresence.Summary s = ShowPresence.summarize(List.of(
                    List.of(iv(0, 100)), List.of(iv(50, 70)), List.of(iv(80, 90), iv(95, 99)), List.of(iv(85, 200))),
                    WINDOW);
            // at 50: 2; at 80: 2 (second left at 70); at 85: 3 -> first reached at 85.
            assertThat(s.peakConcurrentViewers()).isEqualTo(3);
            assertThat(s.peakAt()).isEqualTo(85 * S);
        }

        @Test
        void noViewersGivesZeroPeakAndNullPeakAtAndNullAverage() {
            ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of()), WINDOW);
            assertThat(s.uniqueViewers()).isZero();
            assertThat(s.peakConcurrentViewers()).isZero();
            assertThat(s.peakAt()).isNull();
            assertThat(s.avgWatchSeconds()).isNull();
        }
    }

    @Nested
    class PerMinute {
        @Test
        void aViewerCountsInEveryMinuteTheyTouchAndOnceEvenWithTwoIntervalsInIt() {
            ShowPresence.Summary s = ShowPresence.summarize(List.of(
                    List.of(iv(30, 70), iv(80, 90)), // minutes 0 and 1 (1 once)
                    List.of(iv(60, 120))), // minute 1 only: ends exactly at 120 (half-open)
                    WINDOW);
            assertThat(s.viewersPerMinute()[0]).isEqualTo(1);
            assertThat(s.viewersPerMinute()[1]).isEqualTo(2);
            assertThat(s.viewersPerMinute()[2]).isZero();
        }

        @Test
        void graceMinutesAreOnTheGrid() {
            ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of(iv(1440, 1500))), WINDOW);
            assertThat(s.viewersPerMinute()).hasSize(25);
            assertThat(s.viewersPerMinute()[24]).isEqualTo(1);
        }
    }

    @Nested
    class DropOff {
        private long[] prefix(long[] perMinute, int n) {
            return java.util.Arrays.copyOf(perMinute, n);
        }

        @Test
        void everyViewerOfTheFirstMinuteJoinedAndNoneWasLost() {
            ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of(iv(0, 30)), List.of(iv(10, 200))), WINDOW);
            // V(0) = {a, b}, V(1) = {b}, V(2) = {b}, V(3) = {b} (ends at 200 s, inside minute 3), V(4) = {}.
            assertThat(s.joinedPerMinute()[0]).isEqualTo(s.viewersPerMinute()[0]).isEqualTo(2);
            assertThat(s.lostPerMinute()[0]).isZero();
            assertThat(prefix(s.joinedPerMinute(), 5)).containsExactly(2, 0, 0, 0, 0);
            assertThat(prefix(s.lostPerMinute(), 5)).containsExactly(0, 1, 0, 0, 1);
        }

        @Test
        void aViewerAwayForAWholeMinuteIsLostThenJoinsAgain() {
            // Present in [30, 60) s (minute 0) and [130, 170) s (minute 2), not in minute 1.
            ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of(iv(30, 60), iv(130, 170))), WINDOW);
            assertThat(prefix(s.viewersPerMinute(), 4)).containsExactly(1, 0, 1, 0);
            assertThat(prefix(s.joinedPerMinute(), 4)).containsExactly(1, 0, 1, 0);
            assertThat(prefix(s.lostPerMinute(), 4)).containsExactly(0, 1, 0, 1);
        }

        @Test
        void aGapShorterThanAMinuteLosesNobody() {
            // Away in [50, 65) s, but present in minute 0 and in minute 1: neither lost nor joined between them.
            ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of(iv(0, 50), iv(65, 100))), WINDOW);
            assertThat(prefix(s.joinedPerMinute(), 3)).containsExactly(1, 0, 0);
            assertThat(prefix(s.lostPerMinute(), 3)).containsExactly(0, 0, 1);
        }

        @Test
        void aViewerStillPresentInTheLastMinuteOfTheGridIsNeverLost() {
            ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of(iv(1380, 1500))), WINDOW);
            assertThat(s.joinedPerMinute()[23]).isEqualTo(1);
            assertThat(java.util.Arrays.stream(s.lostPerMinute()).sum()).isZero();
        }

        @Test
        void joinedMinusLostIsTheChangeInViewers() {
            ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of(iv(0, 100), iv(300, 400)),
                    List.of(iv(50, 500)), List.of(iv(200, 260)), List.of()), WINDOW);
            long previous = 0;
            for (int m = 0; m < s.viewersPerMinute().length; m++) {
                assertThat(s.viewersPerMinute()[m] - previous).as("minute %d", m)
                        .isEqualTo(s.joinedPerMinute()[m] - s.lostPerMinute()[m]);
                previous = s.viewersPerMinute()[m];
            }
        }
    }

    @Test
    void averageWatchTimeIsTotalPresenceOverUniqueViewers() {
        ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of(iv(0, 60), iv(100, 160)), List.of(iv(0, 30))),
                WINDOW);
        assertThat(s.uniqueViewers()).isEqualTo(2);
        assertThat(s.totalWatchMillis()).isEqualTo(150 * S);
        assertThat(s.avgWatchSeconds()).isEqualTo(75.0);
    }
}
