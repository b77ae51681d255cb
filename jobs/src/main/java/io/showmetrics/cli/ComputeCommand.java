package io.showmetrics.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code compute}: bronze → silver → gold for the shows touched by ingest runs not yet computed. */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Compute silver and gold tables for what was ingested since the last compute.")
final class ComputeCommand implements Callable<Integer> {
    @Option(names = "--full", description = "Recompute every show.")
    boolean full;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        String runId = Pipeline.newRunId(clock.instant());
        new Pipeline(spec.commandLine().getOut(), clock).compute(Pipeline.spark(options), options, runId, full);
        return 0;
    }
}
