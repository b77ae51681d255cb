package io.showmetrics.dashboard.omnichannel;

import java.util.List;

/**
 * Everything the Omnichannel page shows: revenue, orders and customers per month and channel; multichannel share and
 * influenced store visits per month and quarter; show-influenced revenue per month and channel.
 */
record Omnichannel(List<ChannelMonth> channels, List<OmnichannelPeriod> periods, List<ChannelMonth> influenced) {
}
