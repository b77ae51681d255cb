package io.showmetrics.dashboard.omnichannel;

import java.time.LocalDate;

/**
 * A row of {@code omnichannel_period}.
 *
 * @param period {@code month} or {@code quarter}
 * @param multichannelShare customers who bought in two or more channels / customers; {@code null} when none bought
 * @param influencedVisitsChange change of influenced store visits against the previous period of the same kind;
 *     {@code null} without one or when it had none
 */
record OmnichannelPeriod(String period, LocalDate periodStart, long customers, long multichannelCustomers,
                         Double multichannelShare, long influencedVisits, long storeVisits,
                         Double influencedVisitsChange) {
}
