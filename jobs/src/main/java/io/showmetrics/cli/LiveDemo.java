package io.showmetrics.cli;

import io.showmetrics.generator.GeneratorOptions;
import io.showmetrics.jobs.publish.ServingDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import scala.runtime.BoxedUnit;

/**
 * {@code demo --live} (SPEC section 6): replays a generated show in accelerated real time so that a new user watches
 * its numbers, and an alert, appear on the dashboard.
 *
 * <ol>
 *   <li>A sample is generated once into {@code DATA/source} (kept for the next time, like the plain demo's).</li>
 *   <li>Each run starts over: the landing folder, the lake and the embedded database of the last replay are removed;
 *   everything of the sample before the replayed show's start (and every record without a time) is written into
 *   {@code DATA/landing} and the batch pipeline runs on it, so history, benchmarks and goals are there.</li>
 *   <li>A pacing goal for the replayed show ({@link #GOAL_METRIC} at {@link #GOAL_FACTOR} × the median of the 10
 *   shows before it; never over a goal a user set) makes a "behind pace" alert fire after a quarter of the show.</li>
 *   <li>The dashboard starts as a child process on the same embedded PostgreSQL, which this JVM keeps running.</li>
 *   <li>A {@link ReplayClock} starts at the show's start and runs {@code speed} times faster than the wall clock. Every
 *   {@link #SLICE_EVERY} of wall time the records of the show time that passed are written as new landing files
 *   ({@link LiveReplay#write}), and the live loop ({@link LiveCommand#follow}, with the replay clock as its show
 *   clock) ingests them and updates the show. Once the live window ({@code ends_at + live_grace}) is replayed, the rest
 *   of the sample lands at once, and the dashboard keeps running until Ctrl-C.</li>
 * </ol>
 */
final class LiveDemo {
    static final double DEFAULT_SPEED = 10;
    /**
     * Wall time between two replay slices: at speed 10, a file per entity for every 50 s of the show. Not every
     * second: each landed file costs the live loop's ingest about 0.15 s on a busy 2-core machine, and a cycle of
     * 30 s then met a hundred files (docs/benchmarks.md); a page that moves every cycle gains nothing from them.
     */
    static final Duration SLICE_EVERY = Duration.ofSeconds(5);
    /** How often the demo's live loop looks for new files. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** The goal the demo sets on the replayed show, so that a pacing alert fires early. */
    static final String GOAL_METRIC = "live_gmv";
    /** The demo's goal: this many times the median of the shows before (a goal the show will miss). */
    static final double GOAL_FACTOR = 2;
    /** How many earlier shows the goal's median is taken over (as the benchmarks of SPEC section 6). */
    static final int GOAL_HISTORY = 10;
    /** Who the goal is recorded as set by. */
    static final String GOAL_AUTHOR = "demo";
    static final String SOURCE = "source";
    static final String LANDING = "landing";
    static final String MARKER = "live-demo.properties";
    private static final Duration DASHBOARD_WAIT = Duration.ofMinutes(5);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final CommonOptions options;
    private final double scale;
    private final long seed;
    private final double speed;
    private final int port;
    private final boolean serve;
    private final String showId;
    private final Clock wall;
    private final PrintWriter out;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

    /**
     * @param options the demo's options, with the data folder already resolved to the live demo's own
     * @param showId the show to replay, null for the last one of the sample
     * @param serve whether to start the dashboard
     */
    LiveDemo(CommonOptions options, double scale, long seed, double speed, int port, boolean serve, String showId,
            Clock wall, PrintWriter out) {
        this.options = options;
        this.scale = scale;
        this.seed = seed;
        this.speed = speed;
        this.port = port;
        this.serve = serve;
        this.showId = showId;
        this.wall = wall;
        this.out = out;
    }

    int run() {
        // Ctrl-C: stop the replayer and the loop, then the dashboard and PostgreSQL, before Spark's own shutdown
        // hook (priority 50) and the live loop's (100) run; see close() below.
        Object hook = org.apache.spark.util.ShutdownHookManager.addShutdownHook(110, () -> {
            stop.set(true);
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BoxedUnit.UNIT;
        });
        Process dashboard = null;
        try {
            Path data = options.dataDir();
            Path source = data.resolve(SOURCE);
            Path landing = data.resolve(LANDING);
            refuseIfRunning(data);
            prepareSample(data, source, landing);
            startOver(data, landing);
            LiveReplay replay = LiveReplay.load(source);
            LiveReplay.Show show = pick(replay.shows(), showId);
            Instant liveEnd = show.endsAt().plus(options.windows().liveGrace());
            out.println("demo: replaying " + show.showId() + " \"" + show.title() + "\" (" + HM.format(show.startsAt())
                    + "–" + HM.format(show.endsAt()) + " UTC, " + minutes(show.startsAt(), show.endsAt())
                    + " min) at " + speedText(speed) + ": its live window takes "
                    + seconds(Duration.between(show.startsAt(), liveEnd).toMillis() / 1000.0 / speed));
            int history = replay.write(landing, null, show.startsAt(), "history");
            out.println("demo: " + String.format(Locale.ROOT, "%,d", history) + " records before the show -> "
                    + landing + "; running the batch pipeline on them first");
            out.flush();
            try (CommonOptions.Database database = options.database()) {
                CommonOptions attached = options.attachedTo(database.db());
                RunCommand.Outcome outcome = RunCommand.execute(landing.toString(), attached, false, false, wall, out);
                if (outcome.failed()) {
                    return 1;
                }
                setGoal(database.db(), show);
                if (stop.get()) {
                    return 130;
                }
                if (serve) {
                    out.println();
                    out.println("demo: starting the dashboard on http://localhost:" + port);
                    out.flush();
                    dashboard = DashboardProcess.start(dashboardArguments(database));
                    dashboard.onExit().thenRun(() -> stop.set(true));
                    if (!awaitDashboard(dashboard)) {
                        return stop.get() && dashboard.isAlive() ? 130 : 1;
                    }
                }
                out.println();
                out.println("demo: the show starts now. " + (serve ? "Sign in (maria / showtime) and open "
                        + "http://localhost:" + port + "/shows/" + show.showId() : "Dashboard not started (--no-serve)")
                        + "  (Ctrl-C to stop)");
                out.flush();
                ReplayClock clock = new ReplayClock(wall, show.startsAt(), speed);
                Thread replayer = new Thread(() -> replay(replay, show, clock, landing, liveEnd, database.db()),
                        "demo-replay");
                replayer.setDaemon(true);
                replayer.start();
                LiveCommand.follow(landing.toString(), attached, POLL, null, false, wall, clock, stop, out);
                stop.set(true);
                replayer.join(10_000);
                if (dashboard != null && !dashboard.isAlive() && dashboard.exitValue() != 0
                        && dashboard.exitValue() != 130 && dashboard.exitValue() != 143) {
                    out.println("demo: the dashboard stopped (exit " + dashboard.exitValue() + ")");
                    return 1;
                }
                return 0;
            } finally {
                stopDashboard(dashboard);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            out.flush();
            finished.countDown();
            try {
                org.apache.spark.util.ShutdownHookManager.removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }

    /** The replayer: slices of the show while its live window plays, then the rest of the sample at once. */
    private void replay(LiveReplay replay, LiveReplay.Show show, ReplayClock clock, Path landing, Instant liveEnd,
            ServingDatabase db) {
        try {
            Instant from = show.startsAt();
            Instant nextReport = show.startsAt().plus(Duration.ofMinutes(5));
            int n = 0;
            while (!stop.get() && from.isBefore(liveEnd)) {
                Instant to = min(clock.instant(), liveEnd);
                if (to.isAfter(from)) {
                    replay.write(landing, from, to, String.format(Locale.ROOT, "live-%04d", ++n));
                    from = to;
                }
                if (!from.isBefore(nextReport) && from.isBefore(liveEnd)) {
                    out.println("demo: show time " + HM.format(from) + " UTC, " + (from.isAfter(show.endsAt())
                            ? minutes(show.endsAt(), from) + " min after the end (the live window runs to "
                                    + HM.format(liveEnd) + ")"
                            : "minute " + minutes(show.startsAt(), from) + " of "
                                    + minutes(show.startsAt(), show.endsAt())));
                    out.flush();
                    nextReport = nextReport.plus(Duration.ofMinutes(5));
                }
                sleep(SLICE_EVERY.toMillis());
            }
            if (stop.get()) {
                return;
            }
            Instant landed = wall.instant();
            int rest = replay.write(landing, liveEnd, null, "after-show");
            out.println("demo: the live window is replayed; the rest of the sample (" + String.format(Locale.ROOT,
                    "%,d", rest) + " records after " + HM.format(liveEnd) + " UTC) lands now");
            out.flush();
            // A cycle that ends after `landed` may have listed the folder before it; the one after it has not.
            Instant seen = null;
            while (!stop.get()) {
                Instant poll = lastPoll(db);
                if (poll != null && poll.isAfter(landed)) {
                    if (seen != null && poll.isAfter(seen)) {
                        break;
                    }
                    seen = seen == null ? poll : seen;
                }
                sleep(500);
            }
            if (!stop.get()) {
                Path data = options.dataDir();
                out.println("demo: replay finished: run ./showmetrics run --input " + landing + " --data " + data
                        + " to replace the live numbers with the batch's (the dashboard keeps running; Ctrl-C to stop)");
                out.flush();
            }
        } catch (RuntimeException e) {
            out.println("demo: the replay failed: " + e.getMessage());
            out.flush();
            stop.set(true);
        }
    }

    /** The end of the live loop's latest cycle (its heartbeat), null before the first. */
    private static Instant lastPoll(ServingDatabase db) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT max(last_poll_at) FROM live_run "
                        + "WHERE stopped_at IS NULL");
                ResultSet rs = ps.executeQuery()) {
            Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
            return t == null ? null : t.toInstant();
        } catch (SQLException e) {
            return null;
        }
    }

    /** The show to replay: the given one, else the last of the sample by start. */
    static LiveReplay.Show pick(List<LiveReplay.Show> shows, String showId) {
        if (showId != null) {
            return shows.stream().filter(s -> s.showId().equals(showId)).findFirst().orElseThrow(() ->
                    new CliException("--show " + showId + " is not a show of the sample; its shows are "
                            + String.join(", ", shows.stream().map(LiveReplay.Show::showId).toList()), 2));
        }
        return shows.stream().max(Comparator.comparing(LiveReplay.Show::startsAt)
                .thenComparing(LiveReplay.Show::showId)).orElseThrow(() ->
                        new CliException("The sample has no show to replay.", 1));
    }

    /** A demo JVM or dashboard still running on this folder would lose its database: say so instead. */
    private static void refuseIfRunning(Path data) {
        Path owner = data.resolve("postgres.showmetrics.owner"); // EmbeddedPostgresServer's owner file
        try {
            if (Files.exists(owner)) {
                long pid = Long.parseLong(Files.readString(owner).trim());
                if (pid != ProcessHandle.current().pid()
                        && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new CliException("Another showmetrics process (pid " + pid + ") is using " + data
                            + " (a demo --live still running?). Stop it first, or pass --data with another folder.",
                            1);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unreadable: the embedded server's own check decides
        }
    }

    /** Generates the sample into {@code source} once; later runs reuse it when scale and seed match. */
    private void prepareSample(Path data, Path source, Path landing) {
        Path marker = data.resolve(MARKER);
        Properties wanted = new Properties();
        wanted.setProperty("scale", Double.toString(scale));
        wanted.setProperty("seed", Long.toString(seed));
        Properties existing = DemoCommand.read(marker);
        if (existing != null && existing.equals(wanted) && Files.isDirectory(source)) {
            out.println("demo: reusing the sample in " + source + " (scale " + scale + ", seed " + seed + ")");
            return;
        }
        if (Files.isDirectory(source) || Files.isDirectory(landing)) {
            throw new CliException("demo --live: " + data + " already holds "
                    + (existing == null ? "other data" : "another sample (scale " + existing.getProperty("scale")
                            + ", seed " + existing.getProperty("seed") + ")")
                    + ". Remove " + data + " to start over, or pass --data with another folder.", 2);
        }
        out.println("demo: generating a sample (scale " + scale + ", seed " + seed + ") into " + source);
        out.flush();
        GeneratorOptions g = GeneratorOptions.defaults(source);
        GenerateCommand.run(new GeneratorOptions(source, scale, seed, g.start(), g.days(), g.badRate()), out);
        DemoCommand.write(marker, wanted, "the sample ./showmetrics demo --live generated in " + SOURCE + "/");
    }

    /**
     * Every replay starts from the history alone: the landing folder, and the lake and embedded database when they
     * are this folder's own (not a --lake or --db given elsewhere), of the last replay are removed.
     */
    private void startOver(Path data, Path landing) {
        List<Path> remove = new ArrayList<>(List.of(landing));
        Path ownLake = data.resolve("lake").toAbsolutePath().normalize();
        if (Path.of(options.lake().root()).toAbsolutePath().normalize().equals(ownLake)) {
            remove.add(ownLake);
        }
        if (embedded()) {
            remove.add(data.resolve("postgres"));
        }
        boolean any = false;
        for (Path p : remove) {
            if (Files.exists(p)) {
                any = true;
                deleteTree(p);
            }
        }
        if (any) {
            out.println("demo: starting over (removed the landing folder, lake and database of the last replay; "
                    + "the sample is kept)");
        }
    }

    private boolean embedded() {
        return options.settings().resolve(options.db, "SHOWMETRICS_DB_URL", "db.url", null) == null;
    }

    private List<String> dashboardArguments(CommonOptions.Database database) {
        if (database.embedded() != null) {
            return DemoCommand.serveArguments(port, options.dataDir().toString());
        }
        List<String> args = ServeCommand.arguments(database.db().url(), database.db().user(),
                database.db().password(), port, null);
        args.add("--demo-users");
        return args;
    }

    /**
     * Inserts the demo's goal for the show ({@link #GOAL_METRIC}, at least {@link #GOAL_FACTOR} × the median of the
     * {@link #GOAL_HISTORY} shows before it, rounded up to 100), unless the show already has a goal on that metric.
     */
    private void setGoal(ServingDatabase db, LiveReplay.Show show) {
        try (Connection c = db.connect()) {
            List<Double> before = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k." + GOAL_METRIC + " FROM show_kpi k JOIN show s "
                    + "USING (show_id) WHERE s.starts_at < ? AND k." + GOAL_METRIC + " IS NOT NULL "
                    + "ORDER BY s.starts_at DESC LIMIT " + GOAL_HISTORY)) {
                ps.setTimestamp(1, Timestamp.from(show.startsAt()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        before.add(rs.getDouble(1));
                    }
                }
            }
            Optional<Double> target = goalTarget(before);
            if (target.isEmpty()) {
                out.println("demo: no earlier show has " + GOAL_METRIC + "; no goal set, so no pacing alert");
                return;
            }
            Long goalId = null;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO goal (show_id, metric, target, direction, "
                    + "updated_by, updated_at) VALUES (?, ?, ?, 'at_least', ?, ?) ON CONFLICT (show_id, metric) "
                    + "DO NOTHING RETURNING goal_id")) {
                ps.setString(1, show.showId());
                ps.setString(2, GOAL_METRIC);
                ps.setDouble(3, target.get());
                ps.setString(4, GOAL_AUTHOR);
                ps.setTimestamp(5, Timestamp.from(wall.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        goalId = rs.getLong(1);
                    }
                }
            }
            if (goalId != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO goal_audit (goal_id, show_id, metric, "
                        + "action, new_target, new_direction, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, 'create', ?, 'at_least', ?, ?)")) {
                    ps.setLong(1, goalId);
                    ps.setString(2, show.showId());
                    ps.setString(3, GOAL_METRIC);
                    ps.setDouble(4, target.get());
                    ps.setString(5, GOAL_AUTHOR);
                    ps.setTimestamp(6, Timestamp.from(wall.instant()));
                    ps.executeUpdate();
                }
            }
            c.commit();
            out.println(goalId != null
                    ? String.format(Locale.ROOT, "demo: goal for %s: %s at least %,.0f (%.0f× the median of the %d "
                            + "shows before it), so that a pacing alert fires after a quarter of the show",
                            show.showId(), GOAL_METRIC, target.get(), GOAL_FACTOR, before.size())
                    : "demo: " + show.showId() + " already has a " + GOAL_METRIC + " goal; kept as it is");
            out.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("Setting the demo's goal in " + db + " failed: " + e.getMessage(), e);
        }
    }

    /** {@link #GOAL_FACTOR} × the median of {@code values}, rounded up to a multiple of 100; empty without values. */
    static Optional<Double> goalTarget(List<Double> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double target = BigDecimal.valueOf(GOAL_FACTOR * median / 100).setScale(0, RoundingMode.CEILING)
                .doubleValue() * 100;
        return Optional.of(Math.max(target, 100));
    }

    /** Waits until the dashboard answers HTTP; false when it exited, or the demo was stopped, first. */
    private boolean awaitDashboard(Process dashboard) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + DASHBOARD_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (stop.get() || !dashboard.isAlive()) {
                if (!dashboard.isAlive()) {
                    out.println("demo: the dashboard stopped before it answered (exit " + dashboard.exitValue()
                            + "); is port " + port + " in use? Try --port.");
                }
                return false;
            }
            try {
                http.send(login, HttpResponse.BodyHandlers.discarding());
                return true;
            } catch (IOException e) {
                Thread.sleep(500);
            }
        }
        out.println("demo: the dashboard did not answer on port " + port + " within " + DASHBOARD_WAIT.toMinutes()
                + " minutes");
        return false;
    }

    private static void stopDashboard(Process dashboard) {
        if (dashboard == null || !dashboard.isAlive()) {
            return;
        }
        dashboard.destroy();
        try {
            if (!dashboard.waitFor(20, TimeUnit.SECONDS)) {
                dashboard.destroyForcibly();
            }
        } catch (InterruptedException e) {
            dashboard.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void sleep(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (!stop.get() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static long minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }

    static String speedText(double speed) {
        return speed == Math.rint(speed) ? "×" + (long) speed : "×" + speed;
    }

    private static String seconds(double s) {
        return s >= 120 ? String.format(Locale.ROOT, "%.1f minutes", s / 60) : String.format(Locale.ROOT, "%.0f s", s);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + root + " to start the replay over: "
                    + e.getMessage() + ". Remove it by hand, or pass --data with another folder.", e);
        }
    }
}
