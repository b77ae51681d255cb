package io.showmetrics.dashboard.omnichannel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of {@code channel_month} (net revenue in the reporting currency), or of {@code influenced_revenue}
 * (show-influenced web, app and store revenue).
 *
 * @param month the first day of the UTC month
 * @param revenueChange month-over-month change of revenue in this channel: (this − previous) / previous; {@code null}
 *     without a previous month or when it had no revenue. For a partial month, "previous" is the same span of the
 *     previous month ({@code prevSpanRevenue}), never the whole month
 * @param partial the month is not fully covered by the data through (month to date)
 * @param prevSpanRevenue for a partial month, this channel's revenue over the same span of the previous month (from
 *     its first day to the same day and time); {@code null} otherwise
 */
record ChannelMonth(LocalDate month, String channel, BigDecimal revenue, long orders, long customers,
                    Double revenueChange, boolean partial, BigDecimal prevSpanRevenue) {
}
