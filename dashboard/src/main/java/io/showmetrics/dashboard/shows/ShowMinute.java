package io.showmetrics.dashboard.shows;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of {@code show_minute}: minute {@code minuteIndex} of the live window, starting at
 * {@code minuteStart}. {@code viewers} counts distinct viewers present at any time in the minute;
 * {@code newViewers} those whose first live presence is in this minute (their running sum is the unique viewers so
 * far); {@code orders} and {@code gmv} the live orders placed in the minute (running sums: the sales pacing).
 * {@code viewersJoined} and {@code viewersLost}: the drop-off (SPEC section 6), viewers of this minute who were not
 * in the minute before, and viewers of the minute before who are not in this one.
 * {@code stillCounting}: the show is on air (its {@code show_kpi} row is {@code live}) and the show's data through
 * has not reached the end of this minute, so its numbers can still grow (live mode writes a minute once it has
 * started); always false once the batch run has computed the show.
 */
record ShowMinute(int minuteIndex, Instant minuteStart, long viewers, long newViewers, long chatEvents,
                  long productClicks, long addToCarts, long orders, BigDecimal gmv, long viewersJoined,
                  long viewersLost, boolean stillCounting) {
    ShowMinute(int minuteIndex, Instant minuteStart, long viewers, long newViewers, long chatEvents,
               long productClicks, long addToCarts, long orders, BigDecimal gmv, long viewersJoined, long viewersLost) {
        this(minuteIndex, minuteStart, viewers, newViewers, chatEvents, productClicks, addToCarts, orders, gmv,
                viewersJoined, viewersLost, false);
    }
}
