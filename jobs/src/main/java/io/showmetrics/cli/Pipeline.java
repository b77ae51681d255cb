package io.showmetrics.cli;

import io.showmetrics.ingest.FileReport;
import io.showmetrics.ingest.IngestJob;
import io.showmetrics.ingest.IngestListener;
import io.showmetrics.ingest.IngestOptions;
import io.showmetrics.ingest.IngestReport;
import io.showmetrics.runtime.SparkSessions;
import io.showmetrics.jobs.compute.ComputeJob;
import io.showmetrics.jobs.lake.Lake;
import io.showmetrics.jobs.publish.PublishJob;
import io.showmetrics.jobs.publish.RunRecord;
import io.showmetrics.jobs.publish.ServingDatabase;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.SparkSession;

/** Runs ingest → compute → publish with progress on the terminal, and prints a closing summary. */
final class Pipeline {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final Clock clock;
    private final boolean verbose;
    private final Map<String, Double> stepSeconds = new LinkedHashMap<>();

    /** @param verbose print the reconciliation of every file, not one line per entity */
    Pipeline(PrintWriter out, Clock clock, boolean verbose) {
        this.out = out;
        this.clock = clock;
        this.verbose = verbose;
    }

    Pipeline(PrintWriter out, Clock clock) {
        this(out, clock, false);
    }

    static String newRunId(Instant now) {
        return RUN_ID.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    static SparkSession spark(CommonOptions options) {
        return SparkSessions.local(options.master(), 8);
    }

    Map<String, Double> stepSeconds() {
        return stepSeconds;
    }

    IngestReport ingest(SparkSession spark, CommonOptions options, String input, String runId, Instant startedAt) {
        NothingNew.forget(options.lake());
        long t0 = System.nanoTime();
        IngestReport report;
        try (Progress progress = Progress.start("ingest", 0, out)) {
            report = IngestJob.run(spark, new IngestOptions(input, options.lake().root(), runId, startedAt,
                    options.reportingCurrency()), new IngestListener() {
                        @Override
                        public void entityStarted(String entity, int files) {
                            progress.expect(1);
                        }

                        @Override
                        public void entityFinished(String entity, List<FileReport> files) {
                            progress.step(entity + ": " + files.size() + " new file" + (files.size() == 1 ? "" : "s"));
                        }
                    });
        }
        stepSeconds.put("ingest", seconds(t0));
        out.println();
        printReconciliation(out, report, verbose);
        out.flush();
        return report;
    }

    /**
     * The ingest reconciliation: one line per entity (a demo sample has hundreds of files), or one line per
     * file with {@code --verbose}; the per-file lines are also kept in the lake and on the Runs page.
     */
    static void printReconciliation(PrintWriter out, IngestReport report, boolean verbose) {
        out.print(verbose ? report.reconciliationTable() : report.entitySummaryTable());
        if (!verbose && !report.files().isEmpty()) {
            out.println("per file: --verbose, the lake's bronze/_ingest_log table, or the dashboard's Runs page");
        }
        out.println();
    }

    ComputeJob.Result compute(SparkSession spark, CommonOptions options, String runId, boolean full) {
        NothingNew.forget(options.lake());
        long t0 = System.nanoTime();
        ComputeJob.Result result;
        try (Progress progress = Progress.start("compute", ComputeJob.STEPS, out)) {
            result = ComputeJob.run(spark, options.lake(), runId, clock.instant(), full, options.windows(),
                    progress::step);
        }
        stepSeconds.put("compute", seconds(t0));
        out.println(result.noNewData() ? "compute: nothing new to compute"
                : "compute: " + result.shows().size() + " show(s) computed"
                        + (result.full() ? " (full)" : " (incremental, from ingest runs " + result.ingestRuns() + ")"));
        out.flush();
        return result;
    }

    PublishJob.Result publish(SparkSession spark, Lake lake, ServingDatabase db, RunRecord run) {
        NothingNew.forget(lake);
        long t0 = System.nanoTime();
        PublishJob.Result result = PublishJob.publish(spark, lake, db, run, clock.instant());
        stepSeconds.put("publish", seconds(t0));
        out.println(result.resultsReplaced()
                ? "publish: " + result.shows() + " show(s), " + result.minutes() + " minute rows -> " + db
                : "publish: serving tables already up to date in " + db);
        out.flush();
        return result;
    }

    static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }

    static String formatDuration(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
