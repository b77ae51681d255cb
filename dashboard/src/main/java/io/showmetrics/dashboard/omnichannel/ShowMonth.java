package io.showmetrics.dashboard.omnichannel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of {@code show_month} (SPEC section 6, "Show-driven revenue"): what the shows that ended in one UTC month
 * drove. {@code prevSpan*} only for the partial month (month to date): the same numbers over the shows that ended in
 * the same span of the previous month; {@code null} otherwise.
 *
 * @param month the first day of the month
 * @param influencedRevenue web, app and store net revenue of identified viewers within 24 h after one of those shows
 *     they watched live, each line once
 * @param influencedStoreVisits store visits credited to those shows by the linear model
 * @param partial the data through has not reached the end of the month
 */
record ShowMonth(LocalDate month, long shows, BigDecimal liveGmv, BigDecimal influencedRevenue,
                 double influencedStoreVisits, boolean partial, Long prevSpanShows, BigDecimal prevSpanLiveGmv,
                 BigDecimal prevSpanInfluencedRevenue) {

    /** Live GMV + influenced revenue: what the shows drove. */
    BigDecimal drove() {
        return liveGmv.add(influencedRevenue);
    }
}
