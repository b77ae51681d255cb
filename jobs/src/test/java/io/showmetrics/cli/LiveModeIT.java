package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.showmetrics.db.EmbeddedPostgresServer;
import io.showmetrics.generator.GenerationListener;
import io.showmetrics.generator.Generator;
import io.showmetrics.generator.GeneratorOptions;
import io.showmetrics.jobs.live.WebhookSender;
import io.showmetrics.jobs.publish.ServingDatabase;
import io.showmetrics.runtime.TestSparkSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live mode end to end (SPEC section 6): a generated show replayed through the live loop in time slices, with a
 * restart in the middle, compared with the batch run over the same files; its pacing alert; the webhook.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveModeIT {
    /** Show time per replayed slice. */
    private static final Duration SLICE = Duration.ofMinutes(15);

    @TempDir
    static Path dir;
    static Path landing;
    static CommonOptions options;
    static EmbeddedPostgresServer pg;
    static CommonOptions.Database database;
    static ServingDatabase db;
    static SparkSession spark;
    static LiveReplay replay;
    static LiveReplay.Show show;
    static ShowClock showClock;
    static HttpServer webhook;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger webhookCalls = new AtomicInteger();
    static final StringWriter log = new StringWriter();

    /** Minute rows of the show as served while live, with the show's data through then. */
    record Snapshot(Instant dataThrough, Map<Integer, List<Object>> minutes, Map<String, Object> kpis) {}

    static Snapshot midShow;
    static Snapshot endOfShow;

    /** A clock the test moves. */
    static final class ShowClock extends Clock {
        volatile Instant now;

        ShowClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void setUp() throws IOException {
        spark = TestSparkSession.get();
        Path source = dir.resolve("source");
        GeneratorOptions d = GeneratorOptions.defaults(source);
        Generator.generate(new GeneratorOptions(source, 0.01, 7, d.start(), 21, d.badRate()), GenerationListener.NONE);
        replay = LiveReplay.load(source);
        show = replay.shows().get(replay.shows().size() - 1);
        landing = dir.resolve("landing");
        options = new CommonOptions();
        options.data = dir.resolve("data").toString();
        options.master = "local[2]";
        // One server for the test's live loops and its batch run (as a user would pass --db to both).
        pg = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
        options.db = pg.jdbcUrl();
        options.dbUser = pg.user();
        options.dbPassword = pg.password();
        database = options.database();
        db = database.db();
        db.migrate();
        showClock = new ShowClock(show.startsAt());
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // The receiver is down for the first call: the sender must retry, and post each alert once it is up.
            int code = webhookCalls.incrementAndGet() == 1 ? 503 : 200;
            if (code == 200) {
                received.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterAll
    static void tearDown() {
        System.out.println("live loop output:\n" + log);
        if (webhook != null) {
            webhook.stop(0);
        }
        if (database != null) {
            database.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static LiveLoop loop(boolean withWebhook) {
        return new LiveLoop(spark, options, landing.toString(), db, Clock.systemUTC(), showClock, Duration.ofSeconds(1),
                withWebhook, new PrintWriter(log, true));
    }

    private static Instant liveWindowEnd() {
        return show.endsAt().plus(Duration.ofMinutes(15));
    }

    @Test
    @Order(1)
    void aShowReplayedThroughLiveModeWithARestartMatchesTheBatchRunForItsClosedMinutes() throws Exception {
        // History: everything before the show, loaded before it starts (nothing is on air yet).
        replay.write(landing, null, show.startsAt(), "history");
        showClock.now = show.startsAt().minusSeconds(60);
        LiveLoop first = loop(true);
        first.cycle();
        assertThat(servedStatus()).isNull();
        // A goal the show will miss by far: its pacing alert must fire once, at the first minute after a quarter of
        // the show at which live orders are more than 20 % behind the even pace.
        sql("INSERT INTO goal (show_id, metric, target, direction, updated_by, updated_at) "
                + "VALUES ('" + show.showId() + "', 'live_orders', 100000, 'at_least', 'test', now())");

        int slice = 0;
        Instant from = show.startsAt();
        LiveLoop current = first;
        while (from.isBefore(liveWindowEnd())) {
            Instant to = from.plus(SLICE);
            replay.write(landing, from, to, String.format("live-%04d", slice));
            showClock.now = to;
            LiveLoop.Cycle cycle = current.cycle();
            assertThat(cycle.idle()).isFalse();
            assertThat(cycle.ingest().totals().files()).isPositive();
            assertThat(cycle.written().written()).containsExactly(show.showId());
            assertThat(servedStatus()).isEqualTo("live");
            if (slice == 2) {
                midShow = snapshot();
                current = loop(true); // a restart: a new process, the same lake and database
                assertThat(current.cycle().ingest().totals().files()).as("a restart loads nothing again").isZero();
            }
            from = to;
            slice++;
        }
        endOfShow = snapshot();
        assertThat(endOfShow.dataThrough()).isAfter(show.endsAt());

        // Each replayed file loaded exactly once, none counted as a duplicate of itself across the restart.
        Map<String, Long> perFile = ingestLog();
        assertThat(perFile.values()).allMatch(n -> n == 1);
        assertThat(perFile).hasSize(java.nio.file.Files.walk(landing).filter(java.nio.file.Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().startsWith(".")).toList().size());

        // The batch run over the same files replaces the live numbers; closed minutes are equal.
        StringWriter out = new StringWriter();
        RunCommand.Outcome batch = RunCommand.execute(landing.toString(), options, false, false, Clock.systemUTC(),
                new PrintWriter(out));
        assertThat(batch.failed()).isFalse();
        assertThat(batch.ingest().totals().files()).as("the batch run finds every file loaded by live mode").isZero();
        assertThat(servedStatus()).isEqualTo("provisional");
        Snapshot batchRows = snapshot();
        assertClosedMinutesEqual(endOfShow, batchRows, true);
        assertClosedMinutesEqual(midShow, batchRows, false);
        for (String kpi : List.of("unique_viewers", "identified_viewers", "peak_concurrent_viewers", "peak_at",
                "engaged_viewers", "chat_messages", "reactions", "questions", "shares", "product_clickers", "carters",
                "live_orders", "live_gmv", "aov", "revenue_per_viewer")) {
            assertThat(endOfShow.kpis().get(kpi)).as(kpi).isEqualTo(batchRows.kpis().get(kpi));
        }
        assertThat(endOfShow.minutes()).hasSizeGreaterThan(60);
    }

    @Test
    @Order(2)
    void thePacingAlertFiredOnceAtTheRightMinuteAndReachedTheWebhookAfterARetry() throws Exception {
        List<Map<String, Object>> alerts = rows("SELECT kind, metric, at, message, webhook_status, webhook_attempts "
                + "FROM alert WHERE show_id = '" + show.showId() + "' AND kind = 'goal_behind_pace'");
        assertThat(alerts).hasSize(1);
        // Where the rule puts it, from the batch run's minutes: the end of the first minute after a quarter of the
        // show (live orders are far behind a goal of 100,000 from the start).
        Instant quarter = show.startsAt().plusMillis(Duration.between(show.startsAt(), show.endsAt()).toMillis() / 4);
        Instant expected = show.startsAt().plusSeconds(60 * (long) Math.ceil(
                Duration.between(show.startsAt(), quarter).toSeconds() / 60.0));
        assertThat(((Timestamp) alerts.get(0).get("at")).toInstant()).isEqualTo(expected);
        assertThat((String) alerts.get(0).get("message")).startsWith("Live orders ");

        WebhookSender sender = new WebhookSender(db, URI.create("http://127.0.0.1:" + webhook.getAddress().getPort()
                + "/hook"), Clock.systemUTC(), Duration.ofMillis(200), new PrintWriter(log, true));
        // Due now: the retry after the receiver's 503 waits 2 s.
        long deadline = System.currentTimeMillis() + 30_000;
        while (count("SELECT count(*) FROM alert WHERE webhook_status = 'pending'") > 0
                && System.currentTimeMillis() < deadline) {
            sender.deliverDue();
            Thread.sleep(500);
        }
        sender.close();
        long alertCount = count("SELECT count(*) FROM alert");
        assertThat(count("SELECT count(*) FROM alert WHERE webhook_status = 'delivered'")).isEqualTo(alertCount);
        assertThat(received).hasSize((int) alertCount);
        assertThat(received).anySatisfy(body -> assertThat(body).contains("\"kind\":\"goal_behind_pace\"")
                .contains("\"show_id\":\"" + show.showId() + "\""));
        assertThat(count("SELECT max(webhook_attempts) FROM alert")).isEqualTo(2);
        // Delivered alerts are never posted again.
        int before = received.size();
        assertThat(new WebhookSender(db, URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook"),
                Clock.systemUTC(), Duration.ofMillis(200), new PrintWriter(log, true)).deliverDue()).isZero();
        assertThat(received).hasSize(before);
    }

    @Test
    @Order(3)
    void aFailingWebhookAndABadFileDoNotStopTheLoop() throws Exception {
        sql("UPDATE alert SET webhook_status = 'pending', webhook_next_at = now(), webhook_attempts = 0");
        // Nothing listens on this port.
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        WebhookSender failing = new WebhookSender(db, URI.create("http://127.0.0.1:" + closedPort + "/hook"),
                Clock.systemUTC(), Duration.ofMillis(100), new PrintWriter(log, true)).start();
        try {
            // A file that is not JSON at all, then the rest of the data: both cycles complete.
            Path bad = landing.resolve("chat_events").resolve("dt=2099-01-01");
            java.nio.file.Files.createDirectories(bad);
            java.nio.file.Files.writeString(bad.resolve("broken.jsonl"), "{not json\n");
            LiveLoop loop = loop(true);
            LiveLoop.Cycle cycle = loop.cycle();
            assertThat(cycle.ingest().totals().quarantined()).isEqualTo(1);
            replay.write(landing, liveWindowEnd(), null, "after");
            assertThat(loop.cycle().ingest().totals().files()).isPositive();
        } finally {
            failing.close();
        }
        assertThat(count("SELECT count(*) FROM alert WHERE webhook_status = 'pending' AND webhook_attempts >= 1 "
                + "AND webhook_error IS NOT NULL")).isPositive();
        assertThat(log.toString()).contains("webhook: alert");
    }

    @Test
    @Order(4)
    void ctrlCLetsTheCycleUnderWayFinishAndMarksTheProcessStopped() throws Exception {
        Path build = Path.of(LiveModeIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.equals("-XX:+IgnoreUnrecognizedVMOptions")
                        || a.startsWith("-Djdk.reflect.") || a.startsWith("-Dio.netty."))
                .toList());
        command.addAll(List.of("-cp", build.resolve("classes") + ":"
                        + java.nio.file.Files.readString(build.resolve("runtime-classpath.txt")).trim(),
                "io.showmetrics.cli.Showmetrics", "live", "--input", landing.toString(), "--data", options.data,
                "--db", pg.jdbcUrl(), "--db-user", pg.user(), "--master", "local[2]", "--interval", "1"));
        Path out = dir.resolve("live-process.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        long deadline = System.currentTimeMillis() + 300_000;
        // Once it polls (its heartbeat row), a new file lands; stop it as soon as its ingest run has begun.
        while (count("SELECT count(*) FROM live_run WHERE stopped_at IS NULL AND files_loaded = 0 "
                + "AND last_poll_at > started_at") == 0) {
            assertThat(p.isAlive()).as("live process: %s", java.nio.file.Files.readString(out)).isTrue();
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(200);
        }
        Path extra = landing.resolve("chat_events").resolve("dt=2099-01-02");
        java.nio.file.Files.createDirectories(extra);
        java.nio.file.Files.writeString(extra.resolve("late.jsonl"), "{\"event_id\":\"late-1\",\"show_id\":\""
                + show.showId() + "\",\"viewer_id\":\"v-late\",\"type\":\"reaction\",\"ts\":\""
                + show.endsAt().plusSeconds(3600) + "\"}\n");
        Path markers = Path.of(options.lake().bronze(io.showmetrics.ingest.spark.InterruptedRuns.IN_PROGRESS).replace("file:", ""));
        while (!java.nio.file.Files.isDirectory(markers) || java.nio.file.Files.list(markers).findAny().isEmpty()) {
            assertThat(p.isAlive()).as("live process: %s", java.nio.file.Files.readString(out)).isTrue();
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(20);
        }
        p.destroy(); // SIGTERM, as Ctrl-C: the JVM's shutdown hooks run
        assertThat(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String log = java.nio.file.Files.readString(out);
        assertThat(log).contains("+1 file: 1 read = 1 accepted").contains("showmetrics live: stopped");
        assertThat(count("SELECT count(*) FROM live_run WHERE stopped_at IS NULL")).isZero();
        assertThat(ingestLog().entrySet().stream().filter(e -> e.getKey().endsWith("late.jsonl")).toList())
                .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo(1));
        assertThat(java.nio.file.Files.list(markers).toList()).as("no ingest run left half-way").isEmpty();
    }

    private static void assertClosedMinutesEqual(Snapshot live, Snapshot batch, boolean sales) {
        int compared = 0;
        for (Map.Entry<Integer, List<Object>> e : live.minutes().entrySet()) {
            Instant end = ((Timestamp) e.getValue().get(0)).toInstant().plusSeconds(60);
            if (end.isAfter(live.dataThrough())) {
                continue;
            }
            List<Object> l = e.getValue();
            List<Object> b = batch.minutes().get(e.getKey());
            int columns = sales ? l.size() : l.size() - 2; // orders and GMV can move with a later cancel
            assertThat(b.subList(0, columns)).as("minute %d", e.getKey()).isEqualTo(l.subList(0, columns));
            compared++;
        }
        assertThat(compared).isPositive();
    }

    private static Snapshot snapshot() throws SQLException {
        try (Connection c = db.connect()) {
            Map<Integer, List<Object>> minutes = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT minute_index, minute_start, viewers, new_viewers, "
                    + "viewers_joined, viewers_lost, chat_events, product_clicks, add_to_carts, orders, gmv "
                    + "FROM show_minute WHERE show_id = ? ORDER BY minute_index")) {
                ps.setString(1, show.showId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<Object> values = new ArrayList<>();
                        for (int i = 2; i <= 11; i++) {
                            Object v = rs.getObject(i);
                            values.add(v instanceof BigDecimal bd ? bd.stripTrailingZeros() : v);
                        }
                        minutes.put(rs.getInt(1), values);
                    }
                }
            }
            Map<String, Object> kpis = new LinkedHashMap<>();
            Instant through = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM show_kpi WHERE show_id = ?")) {
                ps.setString(1, show.showId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            kpis.put(rs.getMetaData().getColumnName(i), v instanceof BigDecimal bd
                                    ? bd.stripTrailingZeros() : v);
                        }
                        Timestamp t = rs.getTimestamp("data_through");
                        through = t == null ? null : t.toInstant();
                    }
                }
            }
            return new Snapshot(through, minutes, kpis);
        }
    }

    private static String servedStatus() throws SQLException {
        List<Map<String, Object>> r = rows("SELECT status FROM show_kpi WHERE show_id = '" + show.showId() + "'");
        return r.isEmpty() ? null : (String) r.get(0).get("status");
    }

    /** Per landing file, how many ingest runs loaded it. */
    private static Map<String, Long> ingestLog() {
        Map<String, Long> out = new LinkedHashMap<>();
        spark.read().format("delta").load(options.lake().bronze("_ingest_log"))
                .groupBy("file").count().collectAsList()
                .forEach(r -> out.put(r.getString(0), r.getLong(1)));
        return out;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
            c.commit();
        }
    }

    private static long count(String query) throws SQLException {
        return ((Number) rows(query).get(0).values().iterator().next()).longValue();
    }

    private static List<Map<String, Object>> rows(String query) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(query);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
