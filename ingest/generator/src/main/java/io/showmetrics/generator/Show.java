package io.showmetrics.generator;

import java.util.List;

/**
 * One live show of the calendar.
 *
 * @param key          stable numeric key (day * 10 + slot) used to seed the show's randomness
 * @param ordinal      position in the calendar (0-based, in start order)
 * @param day          day index relative to the generator start
 * @param featured     indices into {@link Catalog#SKUS}
 * @param experimentId experiment this show belongs to, or null
 * @param variant      for a host test, the variant whose customers are invited to this show, else null
 */
record Show(long key, int ordinal, int day, String id, String title, String host, String channel,
            long startMs, long endMs, int[] featured, String experimentId, String variant, List<Moment> moments) {

    /** Live window end: ends_at plus the 15 minute grace. */
    long liveEndMs() {
        return endMs + Model.GRACE_MS;
    }

    /** What the show cost (planted, EUR): {@link Model#SHOW_COST_FIXED} + {@link Model#SHOW_COST_PER_MINUTE} × minutes. */
    java.math.BigDecimal cost() {
        double minutes = (endMs - startMs) / (double) Ts.MINUTE;
        return java.math.BigDecimal.valueOf(Model.SHOW_COST_FIXED + Model.SHOW_COST_PER_MINUTE * minutes)
            .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Whether the planted host effect applies: a show of {@link Model#HOST_EFFECT_HOST} outside experiments. */
    boolean hostEffect() {
        return experimentId == null && Model.HOST_EFFECT_HOST.equals(host);
    }

    /** A moment of the show: a product pin, promo, giveaway, quiz or guest. */
    record Moment(long ts, String type, int sku, String label) {
    }
}
