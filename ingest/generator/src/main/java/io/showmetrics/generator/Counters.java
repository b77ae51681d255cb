package io.showmetrics.generator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Per-task tallies of what was written; merged in day order so totals never depend on thread timing. */
final class Counters {

    final long[] records = new long[Entity.values().length];
    final long[][] bad = new long[Entity.values().length][Reason.values().length];
    final long[] duplicates = new long[Entity.values().length];
    final List<Path> files = new ArrayList<>();
    /** Per file, in the order the files were opened: {records, bad, duplicates}. */
    final List<long[]> perFile = new ArrayList<>();

    void addAll(Counters o) {
        for (int e = 0; e < records.length; e++) {
            records[e] += o.records[e];
            duplicates[e] += o.duplicates[e];
            for (int r = 0; r < Reason.values().length; r++) {
                bad[e][r] += o.bad[e][r];
            }
        }
        files.addAll(o.files);
        perFile.addAll(o.perFile);
    }

    long totalBad(Reason r) {
        long s = 0;
        for (long[] b : bad) {
            s += b[r.ordinal()];
        }
        return s;
    }

    long totalDuplicates() {
        long s = 0;
        for (long d : duplicates) {
            s += d;
        }
        return s;
    }
}
