package io.showmetrics.dashboard.shows;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the shows list: the show and its headline KPIs. Every KPI is {@code null} when the show has
 * no {@code show_kpi} row yet ({@code status} null) or when the metric is not computable (zero denominator).
 *
 * @param status {@code live} while the show is on air (live mode, numbers so far), else {@code provisional} until the clock and the data through have both reached {@code finalAt},
 *     {@code final} from then on; {@code null} when not computed yet
 * @param finalAt when the last window that feeds the show's KPIs ends
 * @param dataThrough the data through of the run that computed the KPIs; a window that ends after it is open
 * @param experimentId the experiment covering the show, or {@code null}
 * @param goalAttainment the mean attainment (actual / target) of the show's goals that have one, its own and those of
 *     its series; {@code null} (shown as "–") when it has none, or none evaluated yet
 */
record ShowRow(String showId, String title, String host, Instant startsAt, Instant endsAt, long durationSeconds,
               Long uniqueViewers, Long peakConcurrentViewers, Double avgWatchSeconds, Double engagementRate,
               Long chatMessages, Long replayViewers, Long liveOrders, BigDecimal liveGmv, Double conversionRate24h,
               String status, Instant finalAt, Instant computedAt, Instant dataThrough, String experimentId,
               Double goalAttainment) {

    ShowRow withGoalAttainment(Double attainment) {
        return new ShowRow(showId, title, host, startsAt, endsAt, durationSeconds, uniqueViewers, peakConcurrentViewers,
                avgWatchSeconds, engagementRate, chatMessages, replayViewers, liveOrders, liveGmv, conversionRate24h,
                status, finalAt, computedAt, dataThrough, experimentId, attainment);
    }
}
