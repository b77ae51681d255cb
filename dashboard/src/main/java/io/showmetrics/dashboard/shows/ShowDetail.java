package io.showmetrics.dashboard.shows;

import java.util.Map;

/**
 * A show with its KPIs; {@code kpi} is {@code null} until a run has computed the show.
 *
 * @param finality per show-level metric (by name) that has a window after the show: provisional or final now, and
 *     when it becomes final ({@code ends_at + final_after_seconds})
 */
record ShowDetail(Show show, ShowKpi kpi, Map<String, MetricFinality> finality) {
    ShowDetail(Show show, ShowKpi kpi) {
        this(show, kpi, Map.of());
    }
}
