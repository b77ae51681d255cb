package io.showmetrics.dashboard.alerts;

import java.time.Instant;
import java.util.List;

/**
 * Whether live mode ({@code ./showmetrics live}) is running, from its heartbeat in {@code live_run}.
 *
 * <p>A process is <b>running</b> when its row has no {@code stopped_at} and its {@code last_poll_at} is within
 * 3 × {@code interval_seconds} + 10 s of the server's clock ({@link #isRunning}): a process killed without stopping
 * cleanly stops counting as running after three missed polls. The row shown is the running one that polled last,
 * else the one started last.
 *
 * @param state {@code running}, {@code stopped} (it ran; {@code stoppedAt} says when, or is {@code null} for a
 *     process that stopped polling without saying so) or {@code never} (no row: every other field is null/empty)
 * @param secondsSinceLastPoll whole seconds from {@code lastPollAt} to now (0 when the poll is stamped after now)
 * @param showsOnAir the shows the process follows, with their titles ({@code null} when the show table does not
 *     hold the show)
 * @param summary the state in one sentence, as the Alerts page says it
 */
record LiveStatus(String state, String liveId, Instant startedAt, Instant lastPollAt, Instant stoppedAt,
                  Double intervalSeconds, Long filesLoaded, Instant lastFileAt, List<OnAir> showsOnAir,
                  String lastError, Long secondsSinceLastPoll, String summary) {
    static final String RUNNING = "running";
    static final String STOPPED = "stopped";
    static final String NEVER = "never";
    /** Slack added to three intervals before a silent process counts as stopped. */
    static final long GRACE_SECONDS = 10;

    /** A show live mode follows. */
    record OnAir(String showId, String title) {
    }

    static LiveStatus never() {
        return new LiveStatus(NEVER, null, null, null, null, null, null, null, List.of(), null, null,
                "Live mode has never run: start it with ./showmetrics live --input DIR");
    }

    /** Whether a {@code live_run} row counts as running at {@code now}. */
    static boolean isRunning(Instant stoppedAt, Instant lastPollAt, double intervalSeconds, Instant now) {
        if (stoppedAt != null || lastPollAt == null) {
            return false;
        }
        long allowedMillis = Math.round(3 * intervalSeconds * 1000) + GRACE_SECONDS * 1000;
        return !lastPollAt.plusMillis(allowedMillis).isBefore(now);
    }
}
