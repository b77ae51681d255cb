package io.showmetrics.dashboard.omnichannel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of {@code channel_month} (net revenue in the reporting currency), or of {@code influenced_revenue}
 * (show-influenced web, app and store revenue).
 *
 * @param month the first day of the UTC month
 * @param revenueChange month-over-month change of revenue in this channel: (this − previous) / previous; {@code null}
 *     without a previous month or when it had no revenue
 */
record ChannelMonth(LocalDate month, String channel, BigDecimal revenue, long orders, long customers,
                    Double revenueChange) {
}
