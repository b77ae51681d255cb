package io.showmetrics.core.presence;

import static io.showmetrics.core.presence.PresenceEvent.heartbeat;
import static io.showmetrics.core.presence.PresenceEvent.join;
import static io.showmetrics.core.presence.PresenceEvent.leave;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PresenceTest {
    private static final long S = 1000L;
    private static final long TIMEOUT = Presence.DEFAULT_TIMEOUT_MILLIS;

    private static List<Interval> intervals(PresenceEvent... events) {
        return Presence.intervals(List.of(events), TIMEOUT);
    }

    private static Interval iv(long startSeconds, long endSeconds) {
        return new Interval(startSeconds * S, endSeconds * S);
    }

    @Nested
    class StateMachine {
        @Test
        void joinHeartbeatsLeaveMakeOneIntervalEndingAtTheLeave() {
            assertThat(intervals(join(0), heartbeat(30 * S), heartbeat(60 * S), leave(75 * S)))
                    .containsExactly(iv(0, 75));
        }

        @Test
        void missingLeaveClosesAtLastHeartbeatPlusTimeout() {
            assertThat(intervals(join(0), heartbeat(30 * S), heartbeat(60 * S))).containsExactly(iv(0, 120));
        }

        @Test
        void loneJoinLastsOneTimeout() {
            assertThat(intervals(join(10 * S))).containsExactly(iv(10, 70));
        }

        @Test
        void heartbeatWithoutJoinOpensAnInterval() {
            assertThat(intervals(heartbeat(100 * S), heartbeat(130 * S))).containsExactly(iv(100, 190));
        }

        @Test
        void rejoinAfterAGapOfMoreThanTheTimeoutStartsANewInterval() {
            assertThat(intervals(join(0), heartbeat(30 * S), join(200 * S), leave(230 * S)))
                    .containsExactly(iv(0, 90), iv(200, 230));
        }

        @Test
        void rejoinWithinTheTimeoutContinuesTheOpenInterval() {
            assertThat(intervals(join(0), heartbeat(30 * S), join(80 * S), leave(100 * S)))
                    .containsExactly(iv(0, 100));
        }

        @Test
        void heartbeatExactlyOneTimeoutLaterStillContinues() {
            assertThat(intervals(join(0), heartbeat(60 * S))).containsExactly(iv(0, 120));
        }

        @Test
        void lateLeaveClosesAtLastSignOfLifePlusTimeout() {
            assertThat(intervals(join(0), heartbeat(30 * S), leave(500 * S))).containsExactly(iv(0, 90));
        }

        @Test
        void leaveWithoutOpenIntervalIsIgnored() {
            assertThat(intervals(leave(5 * S), join(10 * S), leave(40 * S), leave(50 * S)))
                    .containsExactly(iv(10, 40));
        }

        @Test
        void leaveAfterRejoinAfterLeaveClosesSecondInterval() {
            assertThat(intervals(join(0), leave(20 * S), join(50 * S), leave(70 * S)))
                    .containsExactly(iv(0, 20), iv(50, 70));
        }

        @Test
        void atEqualTimestampsLeaveIsAppliedBeforeJoin() {
            // leave at 40 closes [0,40); the join at 40 opens a new interval; merged they touch.
            assertThat(intervals(join(40 * S), leave(40 * S), join(0))).containsExactly(iv(0, 100));
        }

        @Test
        void atEqualTimestampsHeartbeatIsAppliedBeforeLeave() {
            // heartbeat at 30 keeps the interval alive, then the leave at 30 closes it at 30.
            assertThat(intervals(join(0), leave(30 * S), heartbeat(30 * S))).containsExactly(iv(0, 30));
        }

        @Test
        void eventsInAnyOrderGiveTheSameIntervals() {
            assertThat(intervals(leave(75 * S), heartbeat(60 * S), join(0), heartbeat(30 * S)))
                    .containsExactly(iv(0, 75));
        }

        @Test
        void joinAndLeaveAtTheSameInstantGiveALoneJoin() {
            assertThat(intervals(join(10 * S), leave(10 * S))).containsExactly(iv(10, 70));
        }

        @Test
        void noEventsNoPresence() {
            assertThat(intervals()).isEmpty();
        }
    }

    @Nested
    class MergeAndClip {
        @Test
        void mergeJoinsOverlappingAndTouchingIntervals() {
            assertThat(Presence.merge(List.of(iv(50, 80), iv(0, 30), iv(30, 40), iv(60, 90), iv(100, 100))))
                    .containsExactly(iv(0, 40), iv(50, 90));
        }

        @Test
        void clipKeepsOnlyTheLiveWindowAndDropsEmptyParts() {
            assertThat(Presence.clip(List.of(iv(-100, 10), iv(20, 30), iv(90, 200), iv(300, 400)), 0, 100 * S))
                    .containsExactly(iv(0, 10), iv(20, 30), iv(90, 100));
        }

        @Test
        void lobbyPresenceBeforeTheStartCountsOnlyFromTheStart() {
            List<Interval> raw = intervals(join(-45 * S), heartbeat(-15 * S), heartbeat(15 * S), leave(20 * S));
            assertThat(Presence.clip(raw, 0, 3600 * S)).containsExactly(iv(0, 20));
        }

        @Test
        void totalMillisAddsLengths() {
            assertThat(Presence.totalMillis(List.of(iv(0, 10), iv(20, 25)))).isEqualTo(15 * S);
        }
    }
}
