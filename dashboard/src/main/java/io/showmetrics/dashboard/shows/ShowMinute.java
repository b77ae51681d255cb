package io.showmetrics.dashboard.shows;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code show_minute}: minute {@code minuteIndex} of the live window, starting at
 * {@code minuteStart}. {@code viewers} counts distinct viewers present at any time in the minute;
 * {@code newViewers} those whose first live presence is in this minute (their running sum is the unique viewers so
 * far); {@code orders} and {@code gmv} the live orders placed in the minute (running sums: the sales pacing).
 */
record ShowMinute(int minuteIndex, Instant minuteStart, long viewers, long newViewers, long chatEvents,
                  long productClicks, long addToCarts, long orders, BigDecimal gmv) {
}
