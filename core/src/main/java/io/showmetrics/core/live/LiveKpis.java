package io.showmetrics.core.live;

import java.util.List;

/**
 * The show_kpi columns live mode fills while a show is on air (SPEC section 6: the KPIs so far); every other column
 * waits for the batch run, because its window (24-hour conversion, store visits, retention) has not even started.
 * One list for the live job that writes them and the dashboard that says "after the show" for the others.
 */
public final class LiveKpis {
    public static final List<String> COLUMNS = List.of("unique_viewers", "identified_viewers",
            "peak_concurrent_viewers", "peak_at", "avg_watch_seconds", "replay_viewers", "engaged_viewers",
            "engagement_rate", "chat_messages", "reactions", "questions", "shares", "poll_votes", "product_clickers",
            "carters", "live_orders", "live_gmv", "aov", "revenue_per_viewer", "roas_live");

    private LiveKpis() {
    }
}
