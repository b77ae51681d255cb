package io.showmetrics.core.presence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Show-level presence statistics from every viewer's live intervals: unique viewers, total watch
 * time, peak concurrency and distinct viewers per minute (SPEC section 2), and per minute the viewers who
 * joined and were lost against the minute before (SPEC section 6, drop-off).
 */
public final class ShowPresence {
    private ShowPresence() {}

    /**
     * The live window of a show: {@code [startsAt, endsAt + 15 min grace)}.
     *
     * @return the window as an interval in epoch milliseconds
     */
    public static Interval liveWindow(long startsAtMillis, long endsAtMillis) {
        return new Interval(startsAtMillis, Math.max(startsAtMillis, endsAtMillis + Presence.LIVE_GRACE_MILLIS));
    }

    /** Number of minutes on the minute grid: steps of 60 s from the window start over the whole window. */
    public static int minuteCount(Interval window) {
        return (int) ((window.length() + 59_999L) / 60_000L);
    }

    /**
     * Summarises one show.
     *
     * @param viewers each viewer's merged live intervals, already clipped to {@code window}; viewers
     *     with no interval are ignored
     * @param window the show's live window; minute m is {@code [start + 60 m s, start + 60 (m+1) s)}
     */
    public static Summary summarize(List<List<Interval>> viewers, Interval window) {
        int minutes = minuteCount(window);
        long[] perMinute = new long[minutes];
        long[] joined = new long[minutes];
        long[] lost = new long[minutes];
        List<long[]> edges = new ArrayList<>();
        long unique = 0;
        long totalMillis = 0;
        for (List<Interval> intervals : viewers) {
            if (intervals.isEmpty()) {
                continue;
            }
            unique++;
            int lastMinuteCounted = -1; // a viewer counts once per minute even with several intervals in it
            int lastPresent = -1; // the viewer's last minute of the grid counted so far, for joined/lost
            for (Interval i : intervals) {
                totalMillis += i.length();
                edges.add(new long[] {i.start(), +1});
                edges.add(new long[] {i.end(), -1});
                int first = (int) Math.floorDiv(i.start() - window.start(), 60_000L);
                int last = (int) Math.floorDiv(i.end() - 1 - window.start(), 60_000L);
                for (int m = Math.max(first, lastMinuteCounted + 1); m <= last && m < minutes; m++) {
                    if (m >= 0) {
                        perMinute[m]++;
                        if (lastPresent < 0 || m > lastPresent + 1) {
                            // In V(m) but not in V(m - 1): joined at m; a gap before it lost them at lastPresent + 1.
                            joined[m]++;
                            if (lastPresent >= 0) {
                                lost[lastPresent + 1]++;
                            }
                        }
                        lastPresent = m;
                    }
                    lastMinuteCounted = m;
                }
            }
            if (lastPresent >= 0 && lastPresent + 1 < minutes) {
                lost[lastPresent + 1]++;
            }
        }
        // Peak concurrency by a sweep; at equal instants a leave (-1) is applied before a join (+1),
        // because intervals are half-open.
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long current = 0;
        long peak = 0;
        Long peakAt = null;
        for (long[] edge : edges) {
            current += edge[1];
            if (current > peak) {
                peak = current;
                peakAt = edge[0];
            }
        }
        return new Summary(unique, totalMillis, peak, peakAt, perMinute, joined, lost);
    }

    /**
     * @param uniqueViewers viewers with live presence
     * @param totalWatchMillis total merged live presence
     * @param peakConcurrentViewers the largest number present at one instant (0 with no viewer)
     * @param peakAt the first instant at which the peak is reached, null with no viewer
     * @param viewersPerMinute distinct viewers present at any time in each minute of the grid: V(m)
     * @param joinedPerMinute per minute, |V(m) \ V(m − 1)| (SPEC section 6 drop-off; V(−1) is empty, so the first
     *     minute's joined equals its viewers)
     * @param lostPerMinute per minute, |V(m − 1) \ V(m)| (0 in the first minute); a viewer still present in the
     *     last minute of the grid is never lost
     */
    public record Summary(long uniqueViewers, long totalWatchMillis, long peakConcurrentViewers, Long peakAt,
            long[] viewersPerMinute, long[] joinedPerMinute, long[] lostPerMinute) {
        /** Average watch time in seconds, or null when there is no viewer (zero denominator). */
        public Double avgWatchSeconds() {
            return uniqueViewers == 0 ? null : totalWatchMillis / 1000.0 / uniqueViewers;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Summary s && s.uniqueViewers == uniqueViewers && s.totalWatchMillis == totalWatchMillis
                    && s.peakConcurrentViewers == peakConcurrentViewers && java.util.Objects.equals(s.peakAt, peakAt)
                    && Arrays.equals(s.viewersPerMinute, viewersPerMinute)
                    && Arrays.equals(s.joinedPerMinute, joinedPerMinute) && Arrays.equals(s.lostPerMinute, lostPerMinute);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(uniqueViewers, totalWatchMillis, peakConcurrentViewers, peakAt)
                    * 31 + Arrays.hashCode(viewersPerMinute) * 17 + Arrays.hashCode(joinedPerMinute) * 7
                    + Arrays.hashCode(lostPerMinute);
        }

        @Override
        public String toString() {
            return "Summary[unique=" + uniqueViewers + ", totalMillis=" + totalWatchMillis + ", peak="
                    + peakConcurrentViewers + "@" + peakAt + ", perMinute=" + Arrays.toString(viewersPerMinute)
                    + ", joined=" + Arrays.toString(joinedPerMinute) + ", lost=" + Arrays.toString(lostPerMinute) + "]";
        }
    }
}
