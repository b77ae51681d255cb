package io.showmetrics.dashboard.shows;

import io.showmetrics.core.live.LiveKpis;
import io.showmetrics.dashboard.system.Provisional;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A show with its KPIs; {@code kpi} is {@code null} until a run has computed the show.
 *
 * @param finality per show-level metric (by name) that has a window after the show: provisional or final now, and
 *     when it becomes final ({@code ends_at + final_after_seconds})
 * @param afterTheShow while the show is on air ({@code kpi.status} {@code live}): the KPIs that live mode does not
 *     compute, which stay NULL until the batch run after the show (the page says "after the show" rather than "–");
 *     empty otherwise
 */
record ShowDetail(Show show, ShowKpi kpi, Map<String, MetricFinality> finality, List<String> afterTheShow) {
    /**
     * The {@code show_kpi} columns a live row fills (the contract of {@code ./showmetrics live}, migration V8); every
     * other KPI column of a live row is NULL.
     */
    static final Set<String> LIVE_METRICS = Set.copyOf(LiveKpis.COLUMNS);
    /** Every KPI the Show page shows, in {@code show_kpi} column names. */
    static final List<String> KPI_METRICS = List.of("unique_viewers", "identified_viewers", "peak_concurrent_viewers",
            "avg_watch_seconds", "replay_viewers", "engaged_viewers", "engagement_rate", "chat_messages", "reactions",
            "questions", "shares", "poll_votes", "product_clickers", "carters", "live_orders", "live_gmv", "buyers_24h",
            "conversion_rate_24h", "gmv_24h", "aov", "revenue_per_viewer", "returning_viewer_rate",
            "next_show_retention", "stockout_minutes", "influenced_store_visits", "influenced_visitors",
            "saw_show_share", "roas_live", "roas_24h");

    ShowDetail(Show show, ShowKpi kpi) {
        this(show, kpi, Map.of());
    }

    ShowDetail(Show show, ShowKpi kpi, Map<String, MetricFinality> finality) {
        this(show, kpi, finality, kpi != null && Provisional.LIVE.equals(kpi.status())
                ? KPI_METRICS.stream().filter(m -> !LIVE_METRICS.contains(m)).toList() : List.of());
    }

    /** Whether the show is on air: live mode wrote its KPIs so far. */
    boolean onAir() {
        return kpi != null && Provisional.LIVE.equals(kpi.status());
    }
}
