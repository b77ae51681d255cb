package io.showmetrics.dashboard.shows;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code show_kpi} (SPEC section 2). {@code null} = not computable (zero denominator) or not
 * computed yet by the capability that fills it. Rates are ratios in [0, 1]; money is in the reporting
 * currency.
 *
 * @param peakConcurrentViewers the instantaneous peak, which can be below the highest per-minute count
 * @param status {@code live} while {@code ./showmetrics live} follows the show (the KPIs so far, up to
 *     {@code dataThrough}; every KPI the live process does not compute is {@code null} until the batch run), else
 *     {@code provisional} until every window that feeds the KPIs has closed (the clock and the data
 *     through have both reached {@code finalAt}), then {@code final}; derived from the server's clock when read
 * @param roasLive {@code live_gmv / cost}, {@code null} without a cost (SPEC section 6)
 * @param roas24h {@code gmv_24h / cost}, {@code null} without a cost
 * @param dataThrough the data through of the run that computed the KPIs ({@code null} for a run before it
 *     existed); a window that ends after it is still open
 */
record ShowKpi(
        Long uniqueViewers, Long identifiedViewers, Long peakConcurrentViewers, Instant peakAt,
        Double avgWatchSeconds, Long replayViewers, Long engagedViewers, Double engagementRate,
        Long chatMessages, Long reactions, Long questions, Long shares, Long pollVotes,
        Long productClickers, Long carters, Long liveOrders, BigDecimal liveGmv, Long buyers24h,
        Double conversionRate24h, BigDecimal gmv24h, BigDecimal aov, BigDecimal revenuePerViewer,
        Double returningViewerRate, Double nextShowRetention, Double stockoutMinutes,
        Double influencedStoreVisits, Long influencedVisitors, Double sawShowShare,
        Double roasLive, Double roas24h,
        String status, Instant finalAt, String runId, Instant computedAt, Instant dataThrough) {
}
