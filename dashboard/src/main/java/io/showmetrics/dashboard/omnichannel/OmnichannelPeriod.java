package io.showmetrics.dashboard.omnichannel;

import java.time.LocalDate;

/**
 * A row of {@code omnichannel_period}.
 *
 * @param period {@code month} or {@code quarter}
 * @param multichannelShare customers who bought in two or more channels / customers; {@code null} when none bought
 * @param influencedVisitsChange change of influenced store visits against the previous period of the same kind
 *     (for a partial period, against the same span of it); {@code null} without one or when it had none
 * @param partial the period is not fully covered by the data through (month or quarter to date)
 */
record OmnichannelPeriod(String period, LocalDate periodStart, long customers, long multichannelCustomers,
                         Double multichannelShare, long influencedVisits, long storeVisits,
                         Double influencedVisitsChange, boolean partial) {
}
