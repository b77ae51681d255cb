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

    @Test
    void averageWatchTimeIsTotalPresenceOverUniqueViewers() {
        ShowPresence.Summary s = ShowPresence.summarize(List.of(List.of(iv(0, 60), iv(100, 160)), List.of(iv(0, 30))),
                WINDOW);
        assertThat(s.uniqueViewers()).isEqualTo(2);
        assertThat(s.totalWatchMillis()).isEqualTo(150 * S);
        assertThat(s.avgWatchSeconds()).isEqualTo(75.0);
    }
}
