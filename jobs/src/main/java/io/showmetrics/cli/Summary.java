package io.showmetrics.cli;

import io.showmetrics.ingest.IngestReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The closing summary of a pipeline run. */
final class Summary {
    private Summary() {}

    static void print(PrintWriter out, RunCommand.Outcome o, Map<String, Double> steps) {
        IngestReport.Totals t = o.ingest().totals();
        out.println();
        out.println("== showmetrics run " + o.runId() + " ==");
        out.printf(Locale.ROOT, "records: read %,d = accepted %,d + quarantined %,d + duplicates %,d%n",
                t.read(), t.accepted(), t.quarantined(), t.duplicates());
        out.printf(Locale.ROOT, "files loaded: %,d; shows computed: %,d; serving tables %s%n",
                o.ingest().files().size(), o.compute().shows().size(),
                o.publish().resultsReplaced() ? "replaced" : "unchanged");
        StringBuilder s = new StringBuilder();
        steps.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.1f s", v)));
        out.println("time: " + s + "; total " + Pipeline.formatDuration(o.elapsed()));
        if (t.read() > 0) {
            out.printf(Locale.ROOT, "throughput: %,.0f records/s ingested%n",
                    t.read() / Math.max(0.001, steps.getOrDefault("ingest", 0.0)));
        }
        if (t.quarantined() > 0) {
            out.println("quarantined records are in the lake's bronze/quarantine table and on the dashboard's Runs page");
        }
        out.flush();
    }
}
