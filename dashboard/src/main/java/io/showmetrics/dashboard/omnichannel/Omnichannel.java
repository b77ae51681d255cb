package io.showmetrics.dashboard.omnichannel;

import java.time.Instant;
import java.util.List;

/**
 * Everything the Omnichannel page shows: revenue, orders and customers per month and channel; multichannel share and
 * influenced store visits per month and quarter; show-influenced revenue per month and channel; the headline of the
 * latest month of revenue and of show-influenced revenue; and the data through they count up to.
 */
record Omnichannel(List<ChannelMonth> channels, List<OmnichannelPeriod> periods, List<ChannelMonth> influenced,
                   MonthHeadline revenue, MonthHeadline influencedRevenue, Instant dataThrough) {
}
