package io.showmetrics.dashboard.shows;

import java.time.Instant;

/**
 * A row of {@code show}; {@code durationSeconds} = ends_at − starts_at; {@code cost} what the show cost to produce
 * and promote (reporting currency), {@code null} when not given.
 */
record Show(String showId, String title, String host, Instant startsAt, Instant endsAt, long durationSeconds,
            String experimentId, String channel, java.math.BigDecimal cost) {
}
