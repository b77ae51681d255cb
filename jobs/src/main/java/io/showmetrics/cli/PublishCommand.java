package io.showmetrics.cli;

import io.showmetrics.jobs.publish.RunRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code publish}: gold tables and the run log → PostgreSQL serving tables, in one transaction. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish the gold tables to the PostgreSQL serving tables atomically, with the run log of "
                + "every ingest run not yet published.")
final class PublishCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Instant now = clock.instant();
        String runId = Pipeline.newRunId(now);
        try (CommonOptions.Database database = options.database()) {
            RunRecord record = new RunRecord(runId, now, now, "succeeded", "publish step", 0, Map.of());
            new Pipeline(spec.commandLine().getOut(), clock).publish(Pipeline.spark(options), options.lake(),
                    database.db(), record);
        }
        return 0;
    }
}
