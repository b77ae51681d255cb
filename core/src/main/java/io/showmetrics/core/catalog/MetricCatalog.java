package io.showmetrics.core.catalog;

import io.showmetrics.core.presence.Presence;
import java.util.List;
import java.util.Optional;

/**
 * The single source of every metric's definition: the publish job writes it to the
 * {@code metric_definition} serving table, so the dashboard's Definitions page explains exactly what
 * the jobs computed. Texts quote the constants the jobs use.
 */
public final class MetricCatalog {
    private static final long TIMEOUT_S = Presence.DEFAULT_TIMEOUT_MILLIS / 1000;
    private static final long GRACE_MIN = Presence.LIVE_GRACE_MILLIS / 60_000;
    private static final String LIVE = "live window [starts_at, ends_at + " + GRACE_MIN + " min)";

    private static final String PRESENCE = "Presence is a set of half-open intervals per viewer: an interval opens at a "
            + "join (or a heartbeat with no open interval), continues while joins/heartbeats come within "
            + TIMEOUT_S + " s of the last sign of life, and closes at a leave or at the last sign of life + "
            + TIMEOUT_S + " s. Only non-replay events count, clipped to the " + LIVE + ".";

    private static final List<MetricDefinition> ALL = List.of(
            show("unique_viewers", "Unique viewers", "Distinct viewer_id with live presence in the show. " + PRESENCE,
                    LIVE, "count", true, true),
            show("identified_viewers", "Identified viewers",
                    "Distinct customer_id among the unique viewers (viewers who were logged in).", LIVE, "count",
                    false, true),
            show("peak_concurrent_viewers", "Peak concurrent viewers",
                    "The largest number of viewers present at one instant; at equal timestamps a leave is applied "
                            + "before a join (half-open intervals).", LIVE, "count", false, true),
            show("peak_at", "Peak at", "The first instant at which the peak concurrency is reached.", LIVE,
                    "timestamp", false, false),
            show("avg_watch_seconds", "Average watch time",
                    "Total merged live presence in seconds divided by unique viewers; empty (–) with no viewer.",
                    LIVE, "seconds", false, true),
            show("replay_viewers", "Replay viewers",
                    "Distinct viewer_id with replay presence (events with replay = true), built by the same "
                            + "presence rules, not clipped to the live window.", "any time", "count", false, true),
            show("engaged_viewers", "Engaged viewers",
                    "Viewers with at least one chat event of any type (message, reaction, question, share, "
                            + "poll_vote) in the live window; presence is not required.", LIVE, "count", false, true),
            show("engagement_rate", "Engagement rate",
                    "engaged_viewers / unique_viewers; empty (–) when there is no viewer.", LIVE, "ratio", false,
                    true),
            show("chat_messages", "Chat messages", "Chat events of type message in the live window.", LIVE, "count",
                    true, true),
            show("reactions", "Reactions", "Chat events of type reaction in the live window.", LIVE, "count", true,
                    true),
            show("questions", "Questions", "Chat events of type question in the live window.", LIVE, "count", true,
                    true),
            show("shares", "Shares", "Chat events of type share in the live window.", LIVE, "count", true, true),
            show("poll_votes", "Poll votes", "Chat events of type poll_vote in the live window.", LIVE, "count", true,
                    true),
            show("product_clickers", "Product clickers",
                    "Distinct viewers with a product_click player event in the live window.", LIVE, "count", false,
                    true),
            show("carters", "Carters", "Distinct viewers with an add_to_cart player event in the live window.", LIVE,
                    "count", false, true),
            minute("viewers", "Viewers per minute",
                    "For minute m of the show, distinct viewers present at any time in [m, m + 1 min). Minutes "
                            + "start at starts_at and step by 60 s over the whole live window, grace included.",
                    "each minute of the " + LIVE, "count"),
            minute("chat_events", "Chat events per minute",
                    "Chat events of any type whose timestamp falls in the minute.", "each minute of the " + LIVE,
                    "count"),
            minute("product_clicks", "Product clicks per minute",
                    "product_click player events whose timestamp falls in the minute.", "each minute of the " + LIVE,
                    "count"),
            minute("add_to_carts", "Add-to-carts per minute",
                    "add_to_cart player events whose timestamp falls in the minute.", "each minute of the " + LIVE,
                    "count"));

    private MetricCatalog() {}

    /** Every metric, in the order the Definitions page lists them. */
    public static List<MetricDefinition> all() {
        return ALL;
    }

    public static Optional<MetricDefinition> find(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static MetricDefinition show(String name, String label, String definition, String window, String unit,
            boolean additive, boolean goalAllowed) {
        return new MetricDefinition(name, label, "show", definition, window, unit, additive, goalAllowed);
    }

    private static MetricDefinition minute(String name, String label, String definition, String window, String unit) {
        return new MetricDefinition(name, label, "minute", definition, window, unit, true, false);
    }
}
