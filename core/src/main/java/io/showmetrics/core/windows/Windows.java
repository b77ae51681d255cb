package io.showmetrics.core.windows;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every time window of the metric definitions (SPEC section 2: "Windows and defaults are configurable; the
 * defaults are given"), in one place: the jobs compute with it, the catalogue quotes it, publish and the
 * dashboard derive finality from it. {@link #DEFAULTS} holds SPEC's values.
 *
 * @param heartbeatTimeout presence continues while signs of life come within this of the last one (60 s)
 * @param liveGrace the live window is {@code [starts_at, ends_at + liveGrace)} (15 min)
 * @param conversion purchases count from the first live presence until this after the show ends (24 h); also
 *     the experiments' conversion window after their last show and the show-influenced revenue window
 * @param momentEffect a show moment's effect compares this before it with this after it (5 min)
 * @param storeVisit a store visit is influenced by the shows that ended this before it (7 days); also the
 *     experiments' store-visit window after their last show
 * @param timeDecayHalfLife half-life of the time-decay attribution weight (2 days)
 * @param nextShowRetention next-show retention looks this far after the show (30 days)
 * @param experimentPrePeriod CUPED's covariate is measured over this before assignment (28 days)
 */
public record Windows(Duration heartbeatTimeout, Duration liveGrace, Duration conversion, Duration momentEffect,
        Duration storeVisit, Duration timeDecayHalfLife, Duration nextShowRetention, Duration experimentPrePeriod) {

    /** SPEC section 2's defaults. */
    public static final Windows DEFAULTS = new Windows(Duration.ofSeconds(60), Duration.ofMinutes(15),
            Duration.ofHours(24), Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofDays(2), Duration.ofDays(30),
            Duration.ofDays(28));

    public Windows {
        positive("heartbeat timeout", heartbeatTimeout);
        notNegative("live grace", liveGrace);
        positive("conversion window", conversion);
        positive("moment effect window", momentEffect);
        positive("store visit window", storeVisit);
        positive("time decay half-life", timeDecayHalfLife);
        positive("next show retention window", nextShowRetention);
        notNegative("experiment pre-period", experimentPrePeriod);
    }

    /**
     * A show's KPIs are final once every window that feeds them has closed (SPEC section 2): conversion, store
     * visits and next-show retention, counted from the show's end (30 days by default).
     */
    public Duration showFinalAfter() {
        return max(max(conversion, storeVisit), max(nextShowRetention, liveGrace));
    }

    /**
     * An experiment's results are final once its conversion and store-visit windows after its last show have
     * closed (7 days by default).
     */
    public Duration experimentFinalAfter() {
        return max(conversion, storeVisit);
    }

    /** The settings' names of the windows, in the order of the record. */
    public static final List<String> NAMES = List.of("heartbeat_timeout", "live_grace", "conversion", "moment_effect",
            "store_visit", "time_decay_half_life", "next_show_retention", "experiment_pre_period");

    /**
     * The windows the jobs follow when they are changed; the others are computed with SPEC's defaults in this
     * version, so the command line refuses to change them rather than ignore the setting.
     */
    public static final List<String> SETTABLE = List.of("conversion");

    /** The window named as in {@link #NAMES}. */
    public Duration get(String name) {
        return values()[index(name)];
    }

    public Windows withConversion(Duration d) {
        return with("conversion", d);
    }

    /**
     * These windows with one of them, named as in {@link #NAMES}, changed.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public Windows with(String name, Duration d) {
        Duration[] v = values();
        v[index(name)] = d;
        return new Windows(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** The windows in the order of {@link #NAMES}. */
    private Duration[] values() {
        return new Duration[] {heartbeatTimeout, liveGrace, conversion, momentEffect, storeVisit, timeDecayHalfLife,
            nextShowRetention, experimentPrePeriod};
    }

    private static int index(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("Unknown window " + name + "; the windows are "
                    + String.join(", ", NAMES) + ".");
        }
        return i;
    }

    /**
     * Parses a duration as a user writes it: a whole number with a unit, {@code 60s}, {@code 15m}, {@code 24h},
     * {@code 7d}, or ISO-8601 ({@code PT24H}, {@code P7D}).
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|m|h|d)").matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("Cannot read the duration '" + text + "': write a whole number with "
                    + "s, m, h or d (60s, 15m, 24h, 7d) or ISO-8601 (PT24H)", e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("The " + name + " must be longer than zero, got " + d);
        }
    }

    private static void notNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException("The " + name + " must not be negative, got " + d);
        }
    }
}
