package io.showmetrics.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ingest}: landing files → bronze Delta tables, quarantine and ingest log. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load new landing files into the bronze tables; bad records go to quarantine. Prints the "
                + "reconciliation read = accepted + quarantined + duplicates per entity (per file with --verbose).")
final class IngestCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The landing folder.")
    String input;

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
        CheckedInput.requireLandingFolder(input);
        PrintWriter out = spec.commandLine().getOut();
        Instant now = clock.instant();
        String runId = Pipeline.newRunId(now);
        out.println("showmetrics ingest " + runId + ": " + input + " -> lake " + options.lake().root());
        new Pipeline(out, clock, verbose).ingest(Pipeline.spark(options), options, input, runId, now);
        out.println("next: ./showmetrics compute, then ./showmetrics publish");
        out.flush();
        return 0;
    }
}
