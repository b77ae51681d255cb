package io.showmetrics.dashboard.shows;

import java.time.Instant;

/**
 * A row of {@code show_moment} with its effect (SPEC section 2, "moment effect"): product clicks and live
 * orders of the moment's sku (any sku when {@code sku} is null) in the 5 minutes before vs the 5 minutes
 * after {@code ts}. Each count is {@code null} when not computed; a delta is {@code null} when either side is.
 *
 * @param offsetSeconds seconds from the show's {@code starts_at} to {@code ts} (negative in the lobby)
 * @param type {@code product_pin}, {@code promo}, {@code giveaway}, {@code quiz} or {@code guest}
 * @param clicksDelta {@code clicksAfter − clicksBefore}
 * @param ordersDelta {@code ordersAfter − ordersBefore}
 */
record ShowMoment(Instant ts, long offsetSeconds, String type, String sku, String label, Long viewersPresent,
                  Long clicksBefore, Long clicksAfter, Long clicksDelta, Long ordersBefore, Long ordersAfter,
                  Long ordersDelta) {

    /** The moment with its deltas computed from the before/after counts. */
    static ShowMoment of(Instant ts, long offsetSeconds, String type, String sku, String label, Long viewersPresent,
                         Long clicksBefore, Long clicksAfter, Long ordersBefore, Long ordersAfter) {
        return new ShowMoment(ts, offsetSeconds, type, sku, label, viewersPresent, clicksBefore, clicksAfter,
                delta(clicksBefore, clicksAfter), ordersBefore, ordersAfter, delta(ordersBefore, ordersAfter));
    }

    private static Long delta(Long before, Long after) {
        return before == null || after == null ? null : after - before;
    }
}
