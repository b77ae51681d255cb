package io.showmetrics.core.presence;

import io.showmetrics.core.windows.Windows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a viewer's presence in a show from its viewer events (SPEC section 2, "Presence" and the
 * presence state machine of "Precise rules").
 *
 * <p>Events are applied in time order; at equal timestamps heartbeat, then leave, then join. A join
 * or heartbeat within {@code timeout} of the last sign of life continues the open interval; one that
 * comes later closes the old interval at last + timeout and opens a new one. A leave closes the open
 * interval at the leave time, or at last + timeout if the leave comes later than that; a leave with
 * no open interval changes nothing. An interval still open after the last event closes at its last
 * sign of life + timeout (so a lone join lasts one timeout). Empty intervals are dropped.
 */
public final class Presence {
    /** The heartbeat timeout of SPEC section 2: 60 seconds. */
    public static final long DEFAULT_TIMEOUT_MILLIS = Windows.DEFAULTS.heartbeatTimeout().toMillis();
    /** The grace period after {@code ends_at} that still counts as live: 15 minutes. */
    public static final long LIVE_GRACE_MILLIS = Windows.DEFAULTS.liveGrace().toMillis();

    private static final Comparator<PresenceEvent> ORDER =
            Comparator.comparingLong(PresenceEvent::ts).thenComparing(PresenceEvent::kind);

    private Presence() {}

    /**
     * The presence intervals of one viewer in one show, ordered, disjoint and merged (touching
     * intervals joined).
     *
     * @param events the viewer's events in any order (not modified)
     * @param timeoutMillis the heartbeat timeout
     */
    public static List<Interval> intervals(List<PresenceEvent> events, long timeoutMillis) {
        List<PresenceEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        List<Interval> out = new ArrayList<>();
        boolean open = false;
        long start = 0;
        long last = 0;
        for (PresenceEvent e : sorted) {
            long t = e.ts();
            if (e.kind() == PresenceEvent.Kind.LEAVE) {
                if (open) {
                    out.add(new Interval(start, Math.min(t, last + timeoutMillis)));
                    open = false;
                }
            } else if (open && t - last <= timeoutMillis) {
                last = t;
            } else {
                if (open) {
                    out.add(new Interval(start, last + timeoutMillis));
                }
                open = true;
                start = t;
                last = t;
            }
        }
        if (open) {
            out.add(new Interval(start, last + timeoutMillis));
        }
        return merge(out);
    }

    /** Joins overlapping or touching intervals; the result is ordered and has no empty interval. */
    public static List<Interval> merge(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(Interval::start).thenComparingLong(Interval::end));
        List<Interval> out = new ArrayList<>();
        Interval current = null;
        for (Interval i : sorted) {
            if (i.isEmpty()) {
                continue;
            }
            if (current != null && i.start() <= current.end()) {
                current = new Interval(current.start(), Math.max(current.end(), i.end()));
            } else {
                if (current != null) {
                    out.add(current);
                }
                current = i;
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }

    /** The parts of {@code intervals} inside the window {@code [from, to)}; empty parts dropped. */
    public static List<Interval> clip(List<Interval> intervals, long from, long to) {
        List<Interval> out = new ArrayList<>();
        for (Interval i : intervals) {
            long s = Math.max(i.start(), from);
            long e = Math.min(i.end(), to);
            if (e > s) {
                out.add(new Interval(s, e));
            }
        }
        return out;
    }

    /** Total length in milliseconds of disjoint intervals. */
    public static long totalMillis(List<Interval> intervals) {
        long total = 0;
        for (Interval i : intervals) {
            total += i.length();
        }
        return total;
    }
}
