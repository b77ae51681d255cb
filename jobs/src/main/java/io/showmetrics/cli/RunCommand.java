package io.showmetrics.cli;

import io.showmetrics.ingest.IngestReport;
import io.showmetrics.jobs.compute.ComputeJob;
import io.showmetrics.jobs.publish.PublishJob;
import io.showmetrics.jobs.publish.RunRecord;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import io.showmetrics.jobs.publish.ServingDatabase;
import io.showmetrics.runtime.SparkSessions;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: ingest, compute and publish in one go; idempotent and incremental. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Ingest the landing folder, compute KPIs and publish them. Running it twice on the same "
                + "input changes nothing; a new day of files costs about that day.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The landing folder.")
    String input;

    @Option(names = "--full", description = "Recompute every show, not only those touched by new data.")
    boolean full;

    @Option(names = "--verbose",
            description = "Print the reconciliation of every landing file, not one line per entity.")
    boolean verbose;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Outcome outcome = execute(input, options, full, verbose, clock, out);
        return outcome.failed() ? 1 : 0;
    }

    /** What a pipeline run did, for {@code demo} and the summary. */
    record Outcome(String runId, boolean failed, IngestReport ingest, ComputeJob.Result compute,
            PublishJob.Result publish, Duration elapsed) {}

    static Outcome execute(String input, CommonOptions options, boolean full, boolean verbose, Clock clock,
            PrintWriter out) {
        CheckedInput.requireLandingFolder(input);
        Instant started = clock.instant();
        NothingNew.Landing landing = NothingNew.landing(input);
        String runId = Pipeline.newRunId(started);
        Pipeline pipeline = new Pipeline(out, clock, verbose);
        out.println("showmetrics run " + runId + ": " + input + " -> lake " + options.lake().root());
        out.flush();
        try (CommonOptions.Database database = options.database()) {
            if (!full) {
                Optional<String> since = NothingNew.since(options.lake(), landing, database.db());
                if (since.isPresent()) {
                    return nothingNew(runId, started, since.get(), options, landing, database.db(), clock, out);
                }
            }
            SparkSession spark = Pipeline.spark(options);
            SparkSessions.sizeFor(spark, landing.bytes());
            IngestReport ingest = null;
            ComputeJob.Result compute = null;
            try {
                ingest = pipeline.ingest(spark, options, input, runId, started);
                compute = pipeline.compute(spark, options, runId, full);
                String status = ingest.totals().read() == 0 && compute.noNewData() ? "nothing_new" : "succeeded";
                RunRecord record = new RunRecord(runId, started, clock.instant(), status,
                        compute.noNewData() ? "no new data" : null, compute.shows().size(), pipeline.stepSeconds());
                PublishJob.Result publish = pipeline.publish(spark, options.lake(), database.db(), record);
                Outcome outcome = new Outcome(runId, false, ingest, compute, publish,
                        Duration.between(started, clock.instant()));
                NothingNew.remember(options.lake(), landing, runId);
                Summary.print(out, outcome, pipeline.stepSeconds());
                return outcome;
            } catch (RuntimeException e) {
                RunRecord failed = new RunRecord(runId, started, clock.instant(), "failed", e.getMessage(),
                        compute == null ? 0 : compute.shows().size(), pipeline.stepSeconds());
                try {
                    PublishJob.recordFailure(database.db(), failed);
                } catch (Exception recordError) {
                    e.addSuppressed(recordError);
                }
                throw e;
            }
        }
    }

    /**
     * The landing folder is as the last successful run saw it and the lake and serving tables are as it left
     * them (see {@link NothingNew}): record a {@code nothing_new} run without starting Spark.
     */
    private static Outcome nothingNew(String runId, Instant started, String since, CommonOptions options,
            NothingNew.Landing landing, ServingDatabase db, Clock clock, PrintWriter out) {
        double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
        Map<String, Double> steps = new LinkedHashMap<>();
        steps.put("check", Math.round(seconds * 100) / 100.0);
        RunRecord record = new RunRecord(runId, started, clock.instant(), "nothing_new",
                "no new data: the landing folder is unchanged since run " + since + " (answered without Spark)", 0,
                steps);
        try {
            PublishJob.recordNothingNew(db, record, since);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording run " + runId + " in " + db + " failed: " + e.getMessage(), e);
        }
        NothingNew.remember(options.lake(), landing, runId);
        out.println("nothing new: the landing folder is unchanged since run " + since
                + "; the lake and the serving tables stay as they are");
        Outcome outcome = new Outcome(runId, false, new IngestReport(runId, List.of(), List.of(), Map.of(), 0),
                new ComputeJob.Result(List.of(), Set.of(), false),
                new PublishJob.Result(false, 0, 0, List.of(runId), Map.of()), Duration.between(started, clock.instant()));
        Summary.print(out, outcome, steps);
        return outcome;
    }
}
