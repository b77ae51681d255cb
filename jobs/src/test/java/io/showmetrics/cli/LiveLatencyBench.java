package io.showmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.RecordValidator;
import io.showmetrics.ingest.validate.ValidationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The replaying side of {@code bench/live-latency} (a main, not a test): it writes a show's history into a landing
 * folder, then lands the show's first minutes as slice files at a steady wall-clock pace while polling the
 * dashboard's JSON API, and records for each file the seconds from its atomic move into the landing folder to the
 * moment {@code GET /api/shows/{id}} reports a {@code kpi.dataThrough} at or after the file's last accepted viewer
 * event of the show (the same "data through" live mode writes: SPEC section 6, {@code LiveMetrics}).
 *
 * <pre>
 *   history SOURCE LANDING [SHOW_ID]      prints: SHOW_ID STARTS_AT ENDS_AT
 *   land SOURCE LANDING SHOW_ID BASE_URL USER PASSWORD FILES SLICE_SECONDS EVERY_SECONDS CSV [TIMEOUT_SECONDS]
 * </pre>
 * {@code land} prints one line per file and a last line {@code latency p50 P p95 P max M visible V/N}.
 * Run by bench/live-latency with the test classes and the jobs classpath.
 */
public final class LiveLatencyBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private LiveLatencyBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("history")) {
            LiveReplay replay = LiveReplay.load(Path.of(args[1]));
            LiveReplay.Show show = LiveDemo.pick(replay.shows(), args.length > 3 ? args[3] : null);
            replay.write(Path.of(args[2]), null, show.startsAt(), "history");
            System.out.println(show.showId() + " " + show.startsAt() + " " + show.endsAt());
        } else if (args.length >= 11 && args[0].equals("land")) {
            land(args);
        } else {
            System.err.println("usage: history SOURCE LANDING [SHOW_ID] | land SOURCE LANDING SHOW_ID BASE_URL USER "
                    + "PASSWORD FILES SLICE_SECONDS EVERY_SECONDS CSV [TIMEOUT_SECONDS]");
            System.exit(2);
        }
    }

    /** One landed file: what it carries and when it became visible. */
    private static final class Landed {
        final int n;
        final Instant from;
        final Instant to;
        final Instant expectedThrough;
        final long landedAtMs;
        volatile long visibleAtMs = -1;

        Landed(int n, Instant from, Instant to, Instant expectedThrough, long landedAtMs) {
            this.n = n;
            this.from = from;
            this.to = to;
            this.expectedThrough = expectedThrough;
            this.landedAtMs = landedAtMs;
        }
    }

    private static void land(String[] a) throws Exception {
        Path source = Path.of(a[1]);
        Path landing = Path.of(a[2]);
        String showId = a[3];
        String base = a[4];
        int files = Integer.parseInt(a[7]);
        Duration slice = Duration.ofMillis(Math.round(Double.parseDouble(a[8]) * 1000));
        long everyMs = Math.round(Double.parseDouble(a[9]) * 1000);
        Path csv = Path.of(a[10]);
        long timeoutMs = Math.round(Double.parseDouble(a.length > 11 ? a[11] : "300") * 1000);

        LiveReplay replay = LiveReplay.load(source);
        LiveReplay.Show show = LiveDemo.pick(replay.shows(), showId);
        HttpClient http = signIn(base, a[5], a[6]);
        List<Landed> landed = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread poller = new Thread(() -> poll(http, base, showId, landed), "poll");
        poller.setDaemon(true);
        poller.start();

        long t0 = System.currentTimeMillis();
        Instant from = show.startsAt();
        for (int i = 1; i <= files; i++) {
            long due = t0 + (i - 1) * everyMs;
            while (System.currentTimeMillis() < due) {
                Thread.sleep(Math.max(1, Math.min(50, due - System.currentTimeMillis())));
            }
            Instant to = from.plus(slice);
            String name = String.format(Locale.ROOT, "live-%04d", i);
            int records = replay.write(landing, from, to, name);
            long at = System.currentTimeMillis(); // just after the last atomic move of the slice
            Instant expected = lastViewerEvent(landing, name, showId);
            landed.add(new Landed(i, from, to, expected, at));
            System.out.printf(Locale.ROOT, "file %d: show time %s..%s, %d records, last viewer event %s%n", i, from,
                    to, records, expected);
            from = to;
        }
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline && landed.stream().anyMatch(l -> l.visibleAtMs < 0)) {
            Thread.sleep(200);
        }
        List<Double> latencies = new ArrayList<>();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
            w.println("file,show_from,show_to,last_viewer_event,landed_at,visible_at,latency_s");
            for (Landed l : landed) {
                double s = l.visibleAtMs < 0 ? Double.NaN : (l.visibleAtMs - l.landedAtMs) / 1000.0;
                if (!Double.isNaN(s)) {
                    latencies.add(s);
                }
                w.printf(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s%n", l.n, l.from, l.to, l.expectedThrough,
                        Instant.ofEpochMilli(l.landedAtMs), l.visibleAtMs < 0 ? "" : Instant.ofEpochMilli(l.visibleAtMs),
                        Double.isNaN(s) ? "" : String.format(Locale.ROOT, "%.2f", s));
            }
        }
        List<Double> sorted = latencies.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "latency p50 %.1f p95 %.1f max %.1f visible %d/%d%n", percentile(sorted, 50),
                percentile(sorted, 95), sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1), sorted.size(),
                landed.size());
    }

    /** Nearest-rank percentile of sorted values (NaN when empty). */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    /** Polls the show's detail every 200 ms and marks each file visible once data through reaches it. */
    private static void poll(HttpClient http, String base, String showId, List<Landed> landed) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/shows/" + showId))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").build();
        while (true) {
            try {
                HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                long now = System.currentTimeMillis();
                if (r.statusCode() == 200) {
                    JsonNode through = JSON.readTree(r.body()).path("kpi").path("dataThrough");
                    if (through.isTextual()) {
                        Instant t = Instant.parse(through.asText());
                        synchronized (landed) {
                            for (Landed l : landed) {
                                if (l.visibleAtMs < 0 && (l.expectedThrough == null || !t.isBefore(l.expectedThrough))) {
                                    l.visibleAtMs = now;
                                }
                            }
                        }
                    }
                }
                Thread.sleep(200);
            } catch (IOException e) {
                sleepQuietly(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The latest ts of the show's viewer events in the slice's files that ingest would accept (null if none). */
    private static Instant lastViewerEvent(Path landing, String name, String showId) {
        EntitySchema schema = Entities.VIEWER_EVENTS;
        RecordValidator validator = new RecordValidator(schema, Instant.parse("9999-01-01T00:00:00Z"));
        int showField = schema.indexOf("show_id");
        int tsField = schema.indexOf("ts");
        Instant last = null;
        Path dir = landing.resolve(schema.name());
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path f : paths.filter(p -> p.getFileName().toString().startsWith(name + ".")
                    || p.getFileName().toString().startsWith(name + "-")).toList()) {
                if (!f.toString().endsWith(".jsonl")) {
                    throw new IllegalStateException("the bench reads JSON-lines viewer events only, got " + f);
                }
                long line = 0;
                for (String raw : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    line++;
                    if (validator.validateJson(f.toString(), line, raw) instanceof ValidationResult.Accepted acc
                            && showId.equals(acc.values()[showField])) {
                        Instant ts = (Instant) acc.values()[tsField];
                        if (last == null || ts.isAfter(last)) {
                            last = ts;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return last;
    }

    /** Signs in through the dashboard's form (CSRF token from the sign-in page); the session lives in the cookies. */
    private static HttpClient signIn(String base, String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no _csrf field on " + base + "/login");
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() / 100 != 3 || location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("sign-in as " + user + " failed: HTTP " + r.statusCode() + " " + location);
        }
        return http;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
