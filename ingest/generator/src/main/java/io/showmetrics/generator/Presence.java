package io.showmetrics.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * The SPEC presence state machine, used to write the per-show truth: events in time order (equal instants:
 * heartbeat, then leave, then join); a join or heartbeat within 60 s of the last sign of life continues the
 * open interval, a later one closes it at last + 60 s and opens a new one; a leave closes at the leave time
 * (at last + 60 s if later); without a leave the interval closes at last + 60 s.
 */
final class Presence {

    private Presence() {
    }

    /**
     * @param events {ts, kind} with kind 0 heartbeat, 1 leave, 2 join
     * @return merged intervals clipped to [from, to), as flat [start, end) pairs
     */
    static long[] clippedIntervals(List<long[]> events, long from, long to) {
        List<long[]> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<long[]> raw = new ArrayList<>();
        boolean open = false;
        long openAt = 0;
        long last = 0;
        for (long[] e : sorted) {
            long ts = e[0];
            if (e[1] == 1) {
                if (open) {
                    raw.add(new long[] {openAt, Math.min(ts, last + Model.TIMEOUT_MS)});
                    open = false;
                }
                continue;
            }
            if (open && ts - last <= Model.TIMEOUT_MS) {
                last = ts;
            } else {
                if (open) {
                    raw.add(new long[] {openAt, last + Model.TIMEOUT_MS});
                }
                open = true;
                openAt = ts;
                last = ts;
            }
        }
        if (open) {
            raw.add(new long[] {openAt, last + Model.TIMEOUT_MS});
        }
        List<long[]> merged = new ArrayList<>();
        for (long[] iv : raw) {
            long a = Math.max(iv[0], from);
            long b = Math.min(iv[1], to);
            if (b <= a) {
                continue;
            }
            if (!merged.isEmpty() && a <= merged.get(merged.size() - 1)[1]) {
                long[] prev = merged.get(merged.size() - 1);
                prev[1] = Math.max(prev[1], b);
            } else {
                merged.add(new long[] {a, b});
            }
        }
        long[] out = new long[merged.size() * 2];
        for (int i = 0; i < merged.size(); i++) {
            out[2 * i] = merged.get(i)[0];
            out[2 * i + 1] = merged.get(i)[1];
        }
        return out;
    }
}
