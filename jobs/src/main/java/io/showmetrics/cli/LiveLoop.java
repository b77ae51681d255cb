package io.showmetrics.cli;

import io.showmetrics.core.live.LiveAlerts;
import io.showmetrics.core.windows.Windows;
import io.showmetrics.ingest.IngestJob;
import io.showmetrics.ingest.IngestListener;
import io.showmetrics.ingest.IngestOptions;
import io.showmetrics.ingest.IngestReport;
import io.showmetrics.jobs.compute.LiveMetrics;
import io.showmetrics.jobs.compute.LiveRows;
import io.showmetrics.jobs.lake.Lake;
import io.showmetrics.jobs.live.LiveServing;
import io.showmetrics.jobs.publish.ServingDatabase;
import io.showmetrics.runtime.SparkSessions;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The live mode's polling loop (SPEC section 6), over the batch's own ingest: every interval it lists the landing
 * folder (without Spark); when a file is new it runs one ingest run over the new files (same validation, quarantine,
 * duplicate rules, reconciliation and {@code _ingest_log} as {@code run}), then recomputes the shows in play from
 * bronze ({@link LiveMetrics}) and writes them, with their new alerts, to PostgreSQL in one transaction
 * ({@link LiveServing}).
 *
 * <p>Why polling and not Structured Streaming: {@code _ingest_log} already records, in the same Delta commit order as
 * the data, which files are loaded, and a crashed ingest run is detected and rolled forward by the next one
 * ({@code InterruptedRuns}); a streaming file source would keep a second record of the same thing in its checkpoint,
 * and after a crash between the two they could disagree. The loop has one source of truth, so a restart neither loses
 * nor double-counts a file. Listing the folder costs milliseconds; the Spark work runs only when a file landed.
 *
 * <p>Two clocks: {@code wall} is the real time (the ingest run's clock: {@code future_timestamp}, {@code
 * _ingested_at}); {@code showClock} says which shows are on air. They are the same clock except in a replay
 * ({@code demo --live}), where the show's time runs faster.
 */
final class LiveLoop {
    /** New landing bytes up to which a cycle's ingest runs with {@link SparkSessions#SMALL_QUERIES}. */
    static final long SMALL_CYCLE_BYTES = 64L << 20;
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SparkSession spark;
    private final CommonOptions options;
    private final String input;
    private final ServingDatabase db;
    private final Clock wall;
    private final Clock showClock;
    private final Duration interval;
    private final boolean webhook;
    private final PrintWriter out;
    private final Windows windows;
    private final String liveId;
    private final Instant startedAt;

    private String lastFingerprint;
    /** The landing folder's size at the last cycle that ingested, -1 before the first (or after a failure). */
    private long lastBytes = -1;
    private long filesLoaded;
    private Instant lastFileAt;
    private List<String> onAir = List.of();
    /** Every show's latest row, read again only when a cycle loaded shows records. */
    private List<Row> shows;
    /** The bronze rows of the shows in play, kept between cycles; null until read (and after a failure). */
    private LiveRows held;
    private String lastError;

    LiveLoop(SparkSession spark, CommonOptions options, String input, ServingDatabase db, Clock wall, Clock showClock,
            Duration interval, boolean webhook, PrintWriter out) {
        this.spark = spark;
        this.options = options;
        this.input = input;
        this.db = db;
        this.wall = wall;
        this.showClock = showClock;
        this.interval = interval;
        this.webhook = webhook;
        this.out = out;
        this.windows = options.windows();
        this.startedAt = wall.instant();
        this.liveId = "live-" + Pipeline.newRunId(startedAt);
    }

    /** What one cycle did. */
    record Cycle(IngestReport ingest, LiveServing.Written written, double seconds, double ingestSeconds,
            double computeSeconds, double writeSeconds) {
        static final Cycle IDLE = new Cycle(null, null, 0, 0, 0, 0);

        boolean idle() {
            return ingest == null;
        }
    }

    /** Polls until {@code stop} says so, finishing the cycle under way (nothing is committed half-way). */
    void run(BooleanSupplier stop) {
        heartbeat(false);
        while (!stop.getAsBoolean()) {
            long t0 = System.nanoTime();
            try {
                cycle();
                lastError = null;
            } catch (RuntimeException e) {
                // A bad file is quarantined by ingest; anything else (a lake or database outage) is reported and
                // retried at the next poll: the loop never stops on its own.
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!message.equals(lastError)) {
                    out.println(time() + " live: cycle failed, retrying at the next poll: " + message);
                    out.flush();
                }
                lastError = message;
                lastFingerprint = null;
                lastBytes = -1;
                shows = null;
                held = null;
            }
            heartbeat(false);
            long sleep = interval.toMillis() - (System.nanoTime() - t0) / 1_000_000;
            sleepUnless(stop, Math.max(sleep, 100));
        }
        heartbeat(true);
    }

    /** One poll: ingest the new files, if any, and update the shows in play. */
    Cycle cycle() {
        NothingNew.Landing landing = NothingNew.landing(input);
        if (landing.fingerprint().equals(lastFingerprint)) {
            return Cycle.IDLE;
        }
        long t0 = System.nanoTime();
        Instant now = wall.instant();
        String runId = Pipeline.newRunId(now);
        NothingNew.forget(options.lake());
        IngestOptions ingestOptions = new IngestOptions(input, options.lake().root(), runId, now,
                options.reportingCurrency());
        // A cycle that follows another brings a few files: ingest them with the settings of small queries. The
        // first cycle (the backlog since the last run, maybe days) keeps the session's own settings.
        boolean small = lastBytes >= 0 && landing.bytes() - lastBytes <= SMALL_CYCLE_BYTES;
        IngestReport ingest = small
                ? SparkSessions.withSettings(spark, SparkSessions.SMALL_QUERIES,
                        () -> IngestJob.run(spark, ingestOptions, new IngestListener() {}))
                : IngestJob.run(spark, ingestOptions, new IngestListener() {});
        lastFingerprint = landing.fingerprint();
        lastBytes = landing.bytes();
        IngestReport.Totals totals = ingest.totals();
        double ingestSeconds = Pipeline.seconds(t0);
        double computeSeconds = 0;
        double writeSeconds = 0;
        LiveServing.Written written = null;
        if (totals.files() > 0 || onAir.isEmpty()) {
            long t1 = System.nanoTime();
            Instant showNow = showClock.instant();
            if (shows == null || ingest.entitiesWithNewRecords().contains("shows")) {
                shows = LiveMetrics.latestShows(spark, options.lake());
            }
            List<Row> inPlay = LiveMetrics.inPlay(shows, showNow, windows);
            List<LiveMetrics.LiveShow> shows = LiveMetrics.compute(spark, rowsOf(inPlay, runId), inPlay, windows);
            computeSeconds = Pipeline.seconds(t1);
            long t2 = System.nanoTime();
            try (Connection c = db.connect()) {
                written = LiveServing.write(c, shows, wall.instant(), runId, options.reportingCurrency(), webhook);
            } catch (SQLException e) {
                throw new IllegalStateException("Writing the live rows to " + db + " failed: " + e.getMessage()
                        + ". Nothing was changed (the transaction was rolled back).", e);
            }
            writeSeconds = Pipeline.seconds(t2);
            List<String> ids = new ArrayList<>();
            inPlay.forEach(r -> ids.add(r.getAs("show_id")));
            onAir = ids;
            if (totals.files() > 0) {
                filesLoaded += totals.files();
                lastFileAt = now;
            }
        }
        Cycle cycle = new Cycle(ingest, written, Pipeline.seconds(t0), ingestSeconds, computeSeconds, writeSeconds);
        if (totals.files() > 0) {
            print(cycle);
        }
        return cycle;
    }

    /**
     * The bronze rows of {@code inPlay}: those held, with what the ingest run {@code runId} appended; read from bronze
     * when the shows in play changed, or when another writer touched their tables ({@link LiveRows#add}).
     */
    private LiveRows rowsOf(List<Row> inPlay, String runId) {
        if (inPlay.isEmpty()) {
            held = null;
            return null;
        }
        Set<String> ids = new TreeSet<>(LiveMetrics.showIds(inPlay));
        if (held == null || !held.showIds().equals(ids) || !held.add(spark, options.lake(), runId)) {
            held = null; // a failed read must not leave half the rows
            held = LiveRows.load(spark, options.lake(), ids);
        }
        return held;
    }

    private void print(Cycle cycle) {
        IngestReport ingest = cycle.ingest();
        LiveServing.Written written = cycle.written();
        IngestReport.Totals t = ingest.totals();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s +%d file%s: %,d read = %,d accepted + %,d quarantined + %,d duplicates", time(), t.files(),
                t.files() == 1 ? "" : "s", t.read(), t.accepted(), t.quarantined(), t.duplicates()));
        if (written != null) {
            line.append(written.written().isEmpty() ? "; no show on air"
                    : "; live: " + String.join(", ", written.written()));
            if (!written.keptBatch().isEmpty()) {
                line.append("; kept the batch run's numbers of ").append(String.join(", ", written.keptBatch()));
            }
        }
        line.append(String.format(Locale.ROOT, " (%.1f s: ingest %.1f, compute %.1f, write %.1f)", cycle.seconds(),
                cycle.ingestSeconds(), cycle.computeSeconds(), cycle.writeSeconds()));
        out.println(line);
        if (t.quarantined() > 0) {
            out.println("         quarantined by reason: " + ingest.quarantinedByReason()
                    + " (the Runs page and bronze/quarantine name file, line and field)");
        }
        if (written != null) {
            for (LiveAlerts.Alert a : written.alerts()) {
                out.println("         ALERT " + a.showId() + " · " + a.message()
                        + (webhook ? " (queued for the webhook)" : ""));
            }
        }
        out.flush();
    }

    private void heartbeat(boolean stopped) {
        try (Connection c = db.connect()) {
            LiveServing.heartbeat(c, liveId, startedAt, wall.instant(), interval.toMillis() / 1000.0, filesLoaded,
                    lastFileAt, onAir, lastError, stopped);
        } catch (SQLException e) {
            out.println(time() + " live: could not record the heartbeat in " + db + ": " + e.getMessage());
            out.flush();
        }
    }

    private String time() {
        return HMS.format(wall.instant());
    }

    private static void sleepUnless(BooleanSupplier stop, long millis) {
        long until = System.currentTimeMillis() + millis;
        while (!stop.getAsBoolean() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
