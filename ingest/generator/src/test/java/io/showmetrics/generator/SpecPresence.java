package io.showmetrics.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent test-side implementation of the SPEC presence rules, written from SPEC section 2 only:
 * order by time (heartbeat, leave, join at equal instants); join/heartbeat within 60 s of the last sign of
 * life continues, later closes at last + 60 s and reopens; leave closes at min(leave, last + 60 s); no
 * leave closes at last + 60 s; then clip to the live window and merge.
 */
final class SpecPresence {

    private SpecPresence() {
    }

    /** @param events {epochMs, order} with order 0 heartbeat, 1 leave, 2 join */
    static List<long[]> intervals(List<long[]> events, long from, long to) {
        List<long[]> e = new ArrayList<>(events);
        e.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        List<long[]> raw = new ArrayList<>();
        Long start = null;
        long last = 0;
        for (long[] ev : e) {
            if (ev[1] == 1) {
                if (start != null) {
                    raw.add(new long[] {start, Math.min(ev[0], last + 60_000)});
                    start = null;
                }
            } else if (start != null && ev[0] - last <= 60_000) {
                last = ev[0];
            } else {
                if (start != null) {
                    raw.add(new long[] {start, last + 60_000});
                }
                start = ev[0];
                last = ev[0];
            }
        }
        if (start != null) {
            raw.add(new long[] {start, last + 60_000});
        }
        List<long[]> out = new ArrayList<>();
        for (long[] iv : raw) {
            long a = Math.max(iv[0], from);
            long b = Math.min(iv[1], to);
            if (b > a) {
                if (!out.isEmpty() && a <= out.get(out.size() - 1)[1]) {
                    out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], b);
                } else {
                    out.add(new long[] {a, b});
                }
            }
        }
        return out;
    }
}
