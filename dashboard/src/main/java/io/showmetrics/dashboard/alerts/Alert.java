package io.showmetrics.dashboard.alerts;

import java.time.Instant;

/**
 * A row of {@code alert} (migration V8, SPEC section 6 "Live mode"), with its show's title and its kind in words.
 *
 * @param showTitle the show's title; {@code null} when the {@code show} table does not hold the show at the moment
 *     (there is no foreign key: a publish replaces the show table, alerts stay)
 * @param at the end of the minute that tripped the alert, an instant of the show's timeline
 * @param kind {@code goal_behind_pace} or {@code viewers_falling}
 * @param metric the goal's metric for {@code goal_behind_pace}; {@code null} for {@code viewers_falling}
 * @param headline the kind in words: "Behind pace: Live orders", "Viewers falling" ({@link AlertKind#headline})
 * @param actual the value that tripped it (the running total, or the minute's viewers)
 * @param expected what it was compared with (the pacing line, or the minute it fell from)
 * @param createdAt when the live process wrote it (wall clock)
 * @param webhookStatus {@code none} (no webhook configured), {@code pending}, {@code delivered} or {@code failed}
 */
record Alert(long alertId, String showId, String showTitle, Instant at, String kind, String metric, String headline,
             String message, Double actual, Double expected, Instant createdAt, String webhookStatus,
             int webhookAttempts, Instant webhookNextAt, Instant webhookDeliveredAt, String webhookError) {
}
