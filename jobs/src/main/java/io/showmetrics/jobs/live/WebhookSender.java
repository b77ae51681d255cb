package io.showmetrics.jobs.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.showmetrics.jobs.publish.ServingDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts alerts to the configured webhook from the {@code alert} table's outbox columns, on its own thread, so a slow
 * or failing receiver never holds up ingest. Each alert is posted until the receiver answers 2xx, at most
 * {@link #MAX_ATTEMPTS} times, with backoff (2, 4, 8 … s, at most 5 min); a delivered alert is never posted again,
 * also after a restart, because its state is in the database. Delivery is at least once: if the process dies between
 * the receiver's 2xx and the commit of "delivered", the alert is posted again on restart, with the same
 * {@code Idempotency-Key} header (the alert's dedup key), so a receiver can drop the repeat.
 *
 * <p>The body is JSON: {@code alert_id, show_id, show_title, kind, metric, at, message, actual, expected}.
 */
public final class WebhookSender implements AutoCloseable {
    static final int MAX_ATTEMPTS = 8;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServingDatabase db;
    private final URI url;
    private final Clock clock;
    private final Duration poll;
    private final PrintWriter out;
    private final HttpClient http;
    private final Thread thread;
    private volatile boolean stopping;

    public WebhookSender(ServingDatabase db, URI url, Clock clock, Duration poll, PrintWriter out) {
        this.db = db;
        this.url = url;
        this.clock = clock;
        this.poll = poll;
        this.out = out;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.thread = new Thread(this::loop, "webhook-sender");
        this.thread.setDaemon(true);
    }

    public WebhookSender start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (!stopping) {
            try {
                deliverDue();
            } catch (Exception e) {
                report("webhook: " + e.getMessage());
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Posts every alert whose next attempt is due; returns how many were delivered. */
    public int deliverDue() throws SQLException {
        int delivered = 0;
        try (Connection c = db.connect()) {
            while (!stopping) {
                try (PreparedStatement ps = c.prepareStatement("SELECT a.alert_id, a.show_id, s.title, a.kind, "
                        + "a.metric, a.at, a.message, a.actual, a.expected, a.dedup_key, a.webhook_attempts "
                        + "FROM alert a LEFT JOIN show s ON s.show_id = a.show_id "
                        + "WHERE a.webhook_status = 'pending' AND a.webhook_next_at <= ? "
                        + "ORDER BY a.alert_id LIMIT 1 FOR UPDATE OF a SKIP LOCKED")) {
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.commit();
                            return delivered;
                        }
                        delivered += post(c, rs) ? 1 : 0;
                    }
                }
                c.commit();
            }
        }
        return delivered;
    }

    private boolean post(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("alert_id");
        int attempts = rs.getInt("webhook_attempts") + 1;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert_id", id);
        body.put("show_id", rs.getString("show_id"));
        body.put("show_title", rs.getString("title"));
        body.put("kind", rs.getString("kind"));
        body.put("metric", rs.getString("metric"));
        body.put("at", rs.getTimestamp("at").toInstant().toString());
        body.put("message", rs.getString("message"));
        body.put("actual", rs.getObject("actual"));
        body.put("expected", rs.getObject("expected"));
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", rs.getString("dedup_key"))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                update(c, id, "delivered", attempts, null, null);
                return true;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return false;
        }
        boolean last = attempts >= MAX_ATTEMPTS;
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts, 20));
        Instant next = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
        update(c, id, last ? "failed" : "pending", attempts, last ? null : next, error);
        report("webhook: alert " + id + " to " + url + " failed (" + error + "), attempt " + attempts + " of "
                + MAX_ATTEMPTS + (last ? "; giving up" : "; retrying at " + next));
        return false;
    }

    private void update(Connection c, long id, String status, int attempts, Instant next, String error)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET webhook_status = ?, webhook_attempts = ?, "
                + "webhook_next_at = ?, webhook_error = ?, webhook_delivered_at = ? WHERE alert_id = ?")) {
            ps.setString(1, status);
            ps.setInt(2, attempts);
            ps.setTimestamp(3, next == null ? null : Timestamp.from(next));
            ps.setString(4, error);
            ps.setTimestamp(5, "delivered".equals(status) ? Timestamp.from(clock.instant()) : null);
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    private void report(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
