package io.showmetrics.core.live;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The alerts of live mode (SPEC section 6), evaluated on a show's closed minutes only, so that the same data gives
 * the same alerts at the same minutes however the files were batched and however often the live loop ran:
 * <ul>
 *   <li>{@link #GOAL_BEHIND_PACE}: an additive goal ({@code unique_viewers}, {@code live_orders}, {@code live_gmv},
 *   direction at least) whose running total at the end of a minute is more than {@link #BEHIND_PACE_SHARE} below its
 *   even pacing line (0 at {@code starts_at}, the target at {@code ends_at}, flat in the grace period: the line the
 *   Show page draws), once a quarter of the show has passed. It fires once per show and goal, at the first such
 *   minute.</li>
 *   <li>{@link #VIEWERS_FALLING}: viewers of a minute more than {@link #FALL_SHARE} below those of one of the
 *   {@link #FALL_MINUTES} minutes before it, for minutes that start before the scheduled end (the audience leaving at
 *   the end is not news) and where that earlier minute had at least {@link #FALL_MIN_VIEWERS} viewers (a show with 6
 *   viewers losing 2 is noise). A drop fires once, at its first minute; viewers must recover (a minute without the
 *   condition) before another drop fires.</li>
 * </ul>
 * Plain Java: the live job passes the minute rows it has just computed; the dashboard only reads the alerts.
 */
public final class LiveAlerts {
    public static final String GOAL_BEHIND_PACE = "goal_behind_pace";
    public static final String VIEWERS_FALLING = "viewers_falling";
    /** "More than 20 % behind its pacing line." */
    public static final double BEHIND_PACE_SHARE = 0.20;
    /** Pacing alerts wait until this share of the scheduled show has passed. */
    public static final double PACE_AFTER_SHARE = 0.25;
    /** "Viewers falling by more than 30 % within 5 minutes." */
    public static final double FALL_SHARE = 0.30;
    public static final int FALL_MINUTES = 5;
    public static final long FALL_MIN_VIEWERS = 20;
    /** The metrics an additive goal can pace (the running sums of show_minute). */
    public static final List<String> PACED_METRICS = List.of("unique_viewers", "live_orders", "live_gmv");

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private LiveAlerts() {
    }

    /**
     * A closed minute of the show (a row of show_minute whose end is at or before the show's data through).
     *
     * @param newViewers viewers whose first live presence is in this minute (their running sum: unique viewers so far)
     */
    public record Minute(int minuteIndex, Instant minuteStart, long viewers, long newViewers, long orders,
                         BigDecimal gmv) {
        Instant end() {
            return minuteStart.plusSeconds(60);
        }
    }

    /** A goal of the show (its own, or the series goal that applies to it). */
    public record Goal(String metric, double target, String direction) {
    }

    /**
     * An alert to store and post.
     *
     * @param at the end of the minute at which the condition held
     * @param metric the goal's metric for {@link #GOAL_BEHIND_PACE}, null for {@link #VIEWERS_FALLING}
     * @param dedupKey the same alert always has the same key (a restart never fires it twice)
     */
    public record Alert(String showId, String kind, String metric, Instant at, String message, double actual,
                        double expected, String dedupKey) {
    }

    /**
     * Every alert the show's closed minutes raise, in time order.
     *
     * @param closed the show's closed minutes (any order; minutes missing from the list count as 0 viewers)
     * @param metricLabels display labels of the goal metrics (e.g. "Live GMV"); a missing one falls back to the name
     * @param currency the reporting currency (ISO 4217) of GMV
     */
    public static List<Alert> evaluate(String showId, Instant startsAt, Instant endsAt, List<Minute> closed,
            List<Goal> goals, Map<String, String> metricLabels, String currency) {
        List<Minute> minutes = new ArrayList<>(closed);
        minutes.sort((a, b) -> Integer.compare(a.minuteIndex(), b.minuteIndex()));
        List<Alert> out = new ArrayList<>();
        for (Goal goal : goals) {
            if (PACED_METRICS.contains(goal.metric()) && !"at_most".equals(goal.direction()) && goal.target() > 0) {
                behindPace(showId, startsAt, endsAt, minutes, goal, metricLabels.getOrDefault(goal.metric(),
                        goal.metric()), currency).ifPresent(out::add);
            }
        }
        out.addAll(viewersFalling(showId, endsAt, minutes));
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return out;
    }

    private static java.util.Optional<Alert> behindPace(String showId, Instant startsAt, Instant endsAt,
            List<Minute> minutes, Goal goal, String label, String currency) {
        long length = Duration.between(startsAt, endsAt).toMillis();
        double total = 0;
        for (Minute m : minutes) {
            total += perMinute(goal.metric(), m);
            long elapsed = Duration.between(startsAt, m.end()).toMillis();
            if (length <= 0 || elapsed < PACE_AFTER_SHARE * length) {
                continue;
            }
            double pace = goal.target() * Math.min(1.0, (double) elapsed / length);
            if (total < (1 - BEHIND_PACE_SHARE) * pace * (1 - 1e-12)) { // exactly 20 % behind is not "more"
                double behind = 1 - total / pace;
                String message = String.format(Locale.ROOT,
                        "%s %s at %s UTC: %d %% behind the even pace to the goal %s (%s expected by now)",
                        label, format(goal.metric(), currency, total), HH_MM.format(m.end()), Math.round(behind * 100),
                        format(goal.metric(), currency, goal.target()), format(goal.metric(), currency, pace));
                return java.util.Optional.of(new Alert(showId, GOAL_BEHIND_PACE, goal.metric(), m.end(), message,
                        round2(total), round2(pace), showId + "|" + GOAL_BEHIND_PACE + "|" + goal.metric()));
            }
        }
        return java.util.Optional.empty();
    }

    private static List<Alert> viewersFalling(String showId, Instant endsAt, List<Minute> minutes) {
        List<Alert> out = new ArrayList<>();
        if (minutes.isEmpty()) {
            return out;
        }
        int first = minutes.get(0).minuteIndex();
        int last = minutes.get(minutes.size() - 1).minuteIndex();
        long[] viewers = new long[last - first + 1];
        Instant[] starts = new Instant[viewers.length];
        for (Minute m : minutes) {
            viewers[m.minuteIndex() - first] = m.viewers();
            starts[m.minuteIndex() - first] = m.minuteStart();
        }
        boolean falling = false;
        for (int i = 1; i < viewers.length; i++) {
            int before = -1;
            for (int k = Math.max(0, i - FALL_MINUTES); k < i; k++) {
                if (before < 0 || viewers[k] >= viewers[before]) { // the latest of equal highs
                    before = k;
                }
            }
            boolean now = starts[i] != null && starts[i].isBefore(endsAt) && viewers[before] >= FALL_MIN_VIEWERS
                    && viewers[i] < (1 - FALL_SHARE) * viewers[before];
            if (now && !falling) {
                Instant at = starts[i].plusSeconds(60);
                double drop = 1 - (double) viewers[i] / viewers[before];
                String message = String.format(Locale.ROOT,
                        "Viewers fell %d %% in %d min: %,d at %s UTC against %,d at %s UTC",
                        Math.round(drop * 100), i - before, viewers[i], HH_MM.format(starts[i]), viewers[before],
                        HH_MM.format(starts[before] == null ? starts[i] : starts[before]));
                out.add(new Alert(showId, VIEWERS_FALLING, null, at, message, viewers[i], viewers[before],
                        showId + "|" + VIEWERS_FALLING + "|" + (first + i)));
            }
            falling = now;
        }
        return out;
    }

    private static double perMinute(String metric, Minute m) {
        return switch (metric) {
            case "unique_viewers" -> m.newViewers();
            case "live_orders" -> m.orders();
            case "live_gmv" -> m.gmv() == null ? 0 : m.gmv().doubleValue();
            default -> throw new IllegalArgumentException("Not a paced metric: " + metric);
        };
    }

    private static String format(String metric, String currency, double v) {
        if ("live_gmv".equals(metric)) {
            NumberFormat f = NumberFormat.getCurrencyInstance(Locale.UK);
            f.setCurrency(java.util.Currency.getInstance(currency));
            return f.format(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
        }
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
