package io.showmetrics.cli;

import io.showmetrics.jobs.live.WebhookSender;
import io.showmetrics.runtime.SparkSessions;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import scala.runtime.BoxedUnit;

/** {@code live}: follow the shows on air while their files land (SPEC section 6, "Live mode"). */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Watch the landing folder until stopped (Ctrl-C): ingest each new file as the batch run would, "
                + "and keep the shows on air (and those that ended in the last hour) up to date in the serving "
                + "tables, marked live, with alerts. The batch 'run' afterwards replaces the live numbers.")
final class LiveCommand implements Callable<Integer> {
    static final double DEFAULT_INTERVAL_SECONDS = 5;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "The landing folder to watch.")
    String input;

    @Option(names = "--interval", paramLabel = "SECONDS",
            description = "How often to look for new files (default ${DEFAULT-VALUE}).")
    double interval = DEFAULT_INTERVAL_SECONDS;

    @Option(names = "--webhook", paramLabel = "URL", description = "Post every new alert to this URL as JSON "
            + "(env SHOWMETRICS_WEBHOOK_URL, setting live.webhook); retried, never blocking ingest.")
    String webhook;

    @Option(names = "--once", description = "Load what is new, update the shows in play, and exit (no polling).")
    boolean once;

    // Replays and benchmarks (bench/live-latency): which shows are on air follows a replay clock, not the wall's.
    @Option(names = "--replay-from", hidden = true, paramLabel = "INSTANT",
            description = "Show time starts at INSTANT (ISO-8601) and runs --replay-speed times the wall clock.")
    String replayFrom;

    @Option(names = "--replay-speed", hidden = true, paramLabel = "X", description = "See --replay-from (default 1).")
    double replaySpeed = 1;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        CheckedInput.requireLandingFolder(input);
        if (!(interval > 0)) {
            throw new CliException("--interval must be a positive number of seconds, got " + interval, 2);
        }
        return follow(input, options, Duration.ofMillis(Math.round(interval * 1000)), webhookUrl(), once, clock,
                showClock(), null, spec.commandLine().getOut());
    }

    Clock showClock() {
        if (replayFrom == null) {
            return clock;
        }
        try {
            return new ReplayClock(clock, java.time.Instant.parse(replayFrom), replaySpeed);
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            throw new CliException("--replay-from needs an instant such as 2026-11-01T17:00:00Z and --replay-speed a "
                    + "number in (0, " + (long) ReplayClock.MAX_SPEED + "]: " + e.getMessage(), 2);
        }
    }

    URI webhookUrl() {
        String url = options.settings().resolve(webhook, "SHOWMETRICS_WEBHOOK_URL", "live.webhook", null);
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not http or https");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliException("--webhook must be an http(s) URL such as https://hooks.example.com/showmetrics, "
                    + "got: " + url, 2);
        }
    }

    /**
     * Runs the live loop until Ctrl-C (or once). {@code showClock} says which shows are on air ({@code demo --live}
     * passes its replay's clock); {@code stop}, when given, ends the loop too.
     */
    static int follow(String input, CommonOptions options, Duration interval, URI webhook, boolean once, Clock wall,
            Clock showClock, AtomicBoolean stop, PrintWriter out) {
        AtomicBoolean stopping = stop == null ? new AtomicBoolean() : stop;
        CountDownLatch finished = new CountDownLatch(1);
        // Runs before Spark's own shutdown hook (priority 50) stops the session: Ctrl-C lets the cycle under way
        // finish its commits, then the loop ends.
        Object hook = org.apache.spark.util.ShutdownHookManager.addShutdownHook(100, () -> {
            stopping.set(true);
            try {
                finished.await(170, TimeUnit.SECONDS); // within the 180 s of showmetrics-shutdown.xml
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BoxedUnit.UNIT;
        });
        try (CommonOptions.Database database = options.database()) {
            database.db().migrate();
            out.println("showmetrics live: watching " + input + " every " + interval.toMillis() / 1000.0 + " s -> lake "
                    + options.lake().root() + ", " + database.db()
                    + (webhook == null ? "" : ", alerts to " + webhook) + (once ? " (once)" : " (Ctrl-C to stop)"));
            out.flush();
            SparkSession spark = Pipeline.spark(options);
            // Sized like a run over the landing folder: the first cycle loads what landed since the last run (maybe
            // days); each later cycle runs its own queries with the settings of small queries (LiveLoop).
            SparkSessions.sizeFor(spark, NothingNew.landing(input).bytes());
            LiveLoop loop = new LiveLoop(spark, options, input, database.db(), wall, showClock, interval,
                    webhook != null, out);
            try (WebhookSender sender = webhook == null ? null
                    : new WebhookSender(database.db(), webhook, wall, Duration.ofSeconds(1), out).start()) {
                if (once) {
                    loop.cycle();
                } else {
                    loop.run(stopping::get);
                }
            }
            out.println("showmetrics live: stopped");
            out.flush();
            return 0;
        } finally {
            finished.countDown();
            try {
                org.apache.spark.util.ShutdownHookManager.removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }
}
