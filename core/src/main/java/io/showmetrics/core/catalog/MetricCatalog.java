package io.showmetrics.core.catalog;

import io.showmetrics.core.experiments.ExperimentMetric;
import io.showmetrics.core.windows.Windows;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The single source of every metric's definition: the publish job writes it to the
 * {@code metric_definition} serving table, so the dashboard's Definitions page explains exactly what
 * the jobs computed. Texts quote the constants the jobs use.
 */
public final class MetricCatalog {
    private static final long TIMEOUT_S = Windows.DEFAULTS.heartbeatTimeout().toSeconds();
    private static final long GRACE_MIN = Windows.DEFAULTS.liveGrace().toMinutes();
    private static final String LIVE = "live window [starts_at, ends_at + " + GRACE_MIN + " min)";

    /** The live window closes 15 minutes after the show ends. */
    public static final Duration LIVE_GRACE = Windows.DEFAULTS.liveGrace();
    /** Purchases count for 24 hours after the show. */
    public static final Duration CONVERSION_WINDOW = Windows.DEFAULTS.conversion();
    /** Store visits count for 7 days after the show. */
    public static final Duration STORE_VISIT_WINDOW = Windows.DEFAULTS.storeVisit();
    /** Next-show retention looks 30 days ahead. */
    public static final Duration RETENTION_WINDOW = Windows.DEFAULTS.nextShowRetention();

    private static final String NET = "Net: placed lines minus every line that has a cancelled or returned row, "
            + "valued at quantity x unit price in the reporting currency.";

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
            show("live_orders", "Live orders",
                    "Distinct orders with at least one net line carrying this show_id (bought in the live player). "
                            + NET, "any time", "count", true, true),
            show("live_gmv", "Live GMV", "Net revenue of order lines carrying this show_id. " + NET, "any time",
                    "currency", true, true),
            show("buyers_24h", "Buyers within 24 h",
                    "Identified viewers with a net purchase in any channel (live, web, app, store) from their "
                            + "first live presence in the show until 24 h after the show ends.",
                    "[first live presence, ends_at + 24 h)", "count", false, true),
            show("conversion_rate_24h", "Conversion rate (24 h)",
                    "buyers_24h / identified_viewers; empty (–) with no identified viewer.",
                    "[first live presence, ends_at + 24 h)", "ratio", false, true),
            show("gmv_24h", "GMV within 24 h",
                    "Net revenue of the buyers' order lines (any channel) inside each buyer's 24 h window. " + NET,
                    "[first live presence, ends_at + 24 h)", "currency", false, true),
            show("aov", "Average order value", "live_gmv / live_orders; empty (–) with no live order.", "any time",
                    "currency", false, true),
            show("revenue_per_viewer", "Revenue per viewer", "live_gmv / unique_viewers; empty (–) with no viewer.",
                    LIVE, "currency", false, true),
            show("stockout_minutes", "Stock-out minutes",
                    "Minutes of the live window during which the latest online stock row (no store_id) of at least "
                            + "one featured sku said available_qty <= 0 (union over skus). 0 when stock is loaded but "
                            + "no featured sku was out of stock; empty (–) when no stock data is loaded.", LIVE, "minutes", false,
                    true),
            show("roas_live", "Live ROAS",
                    "Return on the show's cost: live_gmv / cost, cost being the show's input field cost (what it cost "
                            + "to produce and promote, reporting currency); empty (–) without a cost or with a cost "
                            + "of 0.", "any time", "ratio", false, true),
            show("roas_24h", "ROAS within 24 h",
                    "gmv_24h / cost (the show's input field cost); empty (–) without a cost or with a cost of 0.",
                    "[first live presence, ends_at + 24 h)", "ratio", false, true),
            minute("viewers", "Viewers per minute",
                    "For minute m of the show, distinct viewers present at any time in [m, m + 1 min). Minutes "
                            + "start at starts_at and step by 60 s over the whole live window, grace included.",
                    "each minute of the " + LIVE, "count"),
            new MetricDefinition("viewers_joined", "Viewers joined", "minute",
                    "Drop-off: viewers of minute m who were not viewers of minute m - 1, |V(m) \\ V(m - 1)|, V being "
                            + "the viewers per minute; every viewer of the first minute joined.", "each minute of the "
                            + LIVE, "count", false, false, null),
            new MetricDefinition("viewers_lost", "Viewers lost", "minute",
                    "Drop-off: viewers of minute m - 1 who are not viewers of minute m, |V(m - 1) \\ V(m)|; 0 in the "
                            + "first minute. The Show page names the moment closest before the largest losses.",
                    "each minute of the " + LIVE, "count", false, false, null),
            minute("chat_events", "Chat events per minute",
                    "Chat events of any type whose timestamp falls in the minute.", "each minute of the " + LIVE,
                    "count"),
            minute("product_clicks", "Product clicks per minute",
                    "product_click player events whose timestamp falls in the minute.", "each minute of the " + LIVE,
                    "count"),
            minute("add_to_carts", "Add-to-carts per minute",
                    "add_to_cart player events whose timestamp falls in the minute.", "each minute of the " + LIVE,
                    "count"),
            minute("orders", "Live orders per minute",
                    "Distinct orders with a net line carrying this show_id whose timestamp falls in the minute.",
                    "each minute of the " + LIVE, "count"),
            minute("gmv", "Live GMV per minute", "Net revenue of this show's live order lines in the minute.",
                    "each minute of the " + LIVE, "currency"),
            show("returning_viewer_rate", "Returning viewers",
                    "Share of the show's identified viewers who had live presence in a show that started earlier.",
                    "all earlier shows", "ratio", false, true),
            show("next_show_retention", "Next-show retention",
                    "Share of the show's identified viewers with live presence in another show starting in "
                            + "[ends_at, ends_at + 30 d).", "[ends_at, ends_at + 30 d)", "ratio", false, true),
            show("influenced_store_visits", "Influenced store visits",
                    "Store visits of the show's identified viewers that the show influenced: visits at time t by a "
                            + "customer with live presence in this show, which ended in (t - 7 d, t]. Each visit "
                            + "counts once per show that influenced it; the Show page also splits every visit's "
                            + "credit between its shows by five attribution models.", "(t - 7 d, t]", "count",
                    false, true),
            show("influenced_visitors", "Influenced visitors",
                    "Distinct customers behind the show's influenced store visits.", "(t - 7 d, t]", "count", false,
                    true),
            show("saw_show_share", "Saw-the-show survey share",
                    "Among the show's influenced visits where the in-store question was answered, the share that "
                            + "answered yes (saw_show = true).", "(t - 7 d, t]", "ratio", false, true),
            new MetricDefinition("incremental_visits", "Incremental store visits (experiment)", "experiment",
                    "A number of the experiment, over all of its shows (never one show's, never summed over shows): "
                            + "per treatment variant, (store visit rate of the variant - rate of the control) x "
                            + "customers assigned to the variant, with a 95% CI (z-test, unpooled standard error). "
                            + "Called incremental only when the control is a holdout (customers not told about the "
                            + "shows: a control variant named holdout); otherwise (host A vs host B, ...) it is the "
                            + "difference in store visits between two variants. Shown on the Show page as the "
                            + "covering experiment's number, behind the same sample-ratio acknowledgement as its "
                            + "other results.", "[assigned_at, last show end + 7 d)", "count", false, false, null),
            other("attribution_models", "Store-visit attribution models", "attribution",
                    "Credit for one influenced visit (total 1) shared among the shows that ended in its 7-day "
                            + "window: last_touch and first_touch (by show end), linear (equal), time_decay "
                            + "(weight 2^(-dt / 2 d), dt from show end to the visit), markov (first-order chain over "
                            + "each customer's shows ending in visit or null, credit by removal effect).",
                    "(t - 7 d, t]", "count"),
            other("retention", "Retention cohorts", "retention",
                    "Viewer cohort = ISO week (UTC) of a customer's first live presence; cell (cohort, k) = share "
                            + "of the cohort with live presence in some show in week cohort + k. Buyer cohorts the "
                            + "same with net purchases in any channel. Cells run to the last week with activity.",
                    "ISO weeks, UTC", "ratio"),
            other("channel_month", "Revenue by channel and month", "omnichannel",
                    "Per UTC month of the placed line and channel (live, web, app, store): net revenue, orders "
                            + "with at least one net line, distinct identified customers.", "calendar month, UTC",
                    "currency"),
            other("multichannel_share", "Multichannel share", "omnichannel",
                    "Customers with net purchases in two or more channels in the period / customers with any "
                            + "net purchase in it (identified customers), per month and quarter.",
                    "calendar month / quarter, UTC", "ratio"),
            other("influenced_revenue", "Show-influenced revenue", "omnichannel",
                    "Web, app and store net revenue of identified viewers in [ends_at, ends_at + 24 h) of a show "
                            + "they watched live; a line counts once even when several shows precede it.",
                    "[ends_at, ends_at + 24 h)", "currency"),
            other("show_month", "Show-driven revenue", "omnichannel",
                    "Per UTC month of the shows' ends_at, over the shows ending in it: how many, the sum of their "
                            + "live_gmv, the show-influenced web, app and store net revenue after one of them (a "
                            + "line counts once in a month even when it follows two of its shows), and the store "
                            + "visits the linear attribution model credits to them (a visit after two shows is "
                            + "split). Partial while the data through has not reached the next month; the month to "
                            + "date is compared with the shows that ended in the same span of the month before "
                            + "(prev_span_*), never with the whole month. Shows drove = live GMV + influenced revenue.",
                    "calendar month of ends_at, UTC", "currency"),
            other("show_sku", "Products in a show", "product",
                    "Per show and sku (featured, or with a click, cart, net live order line or pin in the show): "
                            + "clickers and carters (distinct viewers with a product_click / add_to_cart of the sku "
                            + "in the live window), live_orders, live_units and live_gmv (net lines of the sku with "
                            + "this show_id), pinned_minutes (each product_pin of the sku runs to the next "
                            + "product_pin of any sku or the end of the live window, clipped to it) and "
                            + "stockout_minutes (the stock-out rule for that sku alone; empty (–) without an online "
                            + "stock row for it).", LIVE, "count"),
            other("show_benchmark", "Benchmark against earlier shows", "benchmark",
                    "For each show metric: the median over the (up to) 10 most recent shows that started earlier "
                            + "and have a value for it (benchmark_n of them; equal starts_at taken by show_id, "
                            + "descending); with fewer than 3 no benchmark. Percentile = (earlier shows with a lower "
                            + "value + half those with an equal value) / benchmark_n; for stockout_minutes on the "
                            + "negated values (lower is better).", "up to 10 earlier shows", "ratio"),
            other("audiences", "Audiences for the next show", "audience",
                    "Per show, identified customers (the event's customer_id, else the viewer's logged-in "
                            + "customer) who carted in the live window (carted_not_bought) or sent any chat event in "
                            + "it (engaged_not_bought) and have no net purchase in any channel in [starts_at, ends_at "
                            + "+ 24 h). Marketing role only.", "[starts_at, ends_at + 24 h)", "count"),
            new MetricDefinition("moment_effect", "Moment effect", "moment",
                    "For each show moment: viewers present at its instant; product clicks and live orders of its "
                            + "sku (of any sku when the moment names none) in the 5 minutes before it vs the 5 "
                            + "minutes after it.", "[ts - 5 min, ts) vs [ts, ts + 5 min)", "count", false, false, null),
            experiment(ExperimentMetric.CONVERTED, "Converted", "ratio"),
            experiment(ExperimentMetric.REVENUE, "Revenue per assigned customer", "currency"),
            experiment(ExperimentMetric.VISITED_STORE, "Visited a store", "ratio"),
            new MetricDefinition("experiment_statistics", "Experiment statistics", "experiment",
                    "Intention-to-treat on assigned customers (first assignment kept), each treatment variant vs the "
                            + "control: binary metrics by a z-test with unpooled standard error, revenue by Welch's "
                            + "t-test; relative lift with a delta-method 95% CI; CUPED with the same metric over the "
                            + "28 days before assignment (θ pooled over both arms); Holm and Benjamini-Hochberg "
                            + "over every variant × metric (raw and CUPED separately); always-valid sequential CIs; "
                            + "sample-ratio chi-square against expected_split, flagged at p < 0.001.",
                    "see each metric", "ratio", false, false, null));

    private MetricCatalog() {}

    private static MetricDefinition experiment(ExperimentMetric m, String label, String unit) {
        String aliases = String.join(", ", m.aliases());
        return new MetricDefinition(m.name(), label, "experiment", m.definition() + " An experiments feed may name it "
                + "as its primary_metric " + m.name() + " or " + aliases + " (any case); it is published as "
                + m.name() + ".",
                m == ExperimentMetric.VISITED_STORE ? "[assigned_at, last show end + 7 d)"
                        : "[assigned_at, last show end + 24 h)", unit, false, false, null);
    }

    /** Every metric, in the order the Definitions page lists them. */
    public static List<MetricDefinition> all() {
        return ALL;
    }

    public static Optional<MetricDefinition> find(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    private static MetricDefinition show(String name, String label, String definition, String window, String unit,
            boolean additive, boolean goalAllowed) {
        return new MetricDefinition(name, label, "show", definition, window, unit, additive, goalAllowed,
                finalAfter(name));
    }

    /** When each show metric's window closes, counted from the show's end (SPEC: provisional until then). */
    static Duration finalAfter(String name) {
        return switch (name) {
            case "live_orders", "live_gmv", "buyers_24h", "conversion_rate_24h", "gmv_24h", "aov",
                    "revenue_per_viewer", "roas_live", "roas_24h" -> CONVERSION_WINDOW;
            case "influenced_store_visits", "influenced_visitors", "saw_show_share" ->
                    STORE_VISIT_WINDOW;
            case "next_show_retention", "replay_viewers" -> RETENTION_WINDOW;
            default -> LIVE_GRACE;
        };
    }

    private static MetricDefinition minute(String name, String label, String definition, String window, String unit) {
        return new MetricDefinition(name, label, "minute", definition, window, unit, true, false, null);
    }

    private static MetricDefinition other(String name, String label, String level, String definition, String window,
            String unit) {
        return new MetricDefinition(name, label, level, definition, window, unit, false, false, null);
    }
}
