package io.showmetrics.core.attribution;

import io.showmetrics.core.windows.Windows;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Store-visit attribution (SPEC §2 "Store-visit attribution", "Precise rules: Markov attribution"): the
 * window, the helpers shared by every model, path building for one customer and the all-journeys
 * convenience. The formulas are in {@code docs/attribution.md}.
 */
public final class Attribution {
    /** The attribution window: a show influences a visit at t when it ended in {@code (t − 7 days, t]}. */
    public static final long WINDOW_MILLIS = Windows.DEFAULTS.storeVisit().toMillis();
    /** The half-life of {@code time_decay}: a show that ended 2 days before the visit weighs ½. */
    public static final long HALF_LIFE_MILLIS = Windows.DEFAULTS.timeDecayHalfLife().toMillis();

    private Attribution() {}

    /**
     * The touches of a journey that the models use: those that ended in {@code (visitMillis − 7 days,
     * visitMillis]}, one per {@code show_id} (a show listed twice keeps its latest end time in the window),
     * sorted by {@link Touch#ORDER} (end time, then {@code show_id}).
     */
    public static List<Touch> inWindow(Journey journey) {
        Objects.requireNonNull(journey, "journey");
        long t = journey.visitMillis();
        Map<String, Touch> latest = new HashMap<>();
        for (Touch touch : journey.touches()) {
            long end = touch.showEndMillis();
            if (end > t - WINDOW_MILLIS && end <= t) {
                latest.merge(touch.showId(), touch, (a, b) -> a.showEndMillis() >= b.showEndMillis() ? a : b);
            }
        }
        List<Touch> out = new ArrayList<>(latest.values());
        out.sort(Touch.ORDER);
        return out;
    }

    /**
     * The credit of every journey under one model, in input order.
     *
     * @param model the model
     * @param journeys influenced visits
     * @param markov the fitted chain, required for {@link Model#MARKOV} and ignored (may be null) otherwise
     * @return one {@link JourneyCredit} per journey; its credits sum to 1 unless the journey has no touch in
     *     its window (then empty)
     * @throws IllegalArgumentException when {@code model} is MARKOV and {@code markov} is null
     */
    public static List<JourneyCredit> creditAll(Model model, List<Journey> journeys, MarkovModel markov) {
        Objects.requireNonNull(model, "model");
        if (model == Model.MARKOV && markov == null) {
            throw new IllegalArgumentException("the markov model needs a fitted chain: pass MarkovModel.fit(paths)");
        }
        List<JourneyCredit> out = new ArrayList<>(journeys.size());
        for (Journey j : journeys) {
            out.add(model == Model.MARKOV
                    ? markov.attribute(j)
                    : new JourneyCredit(j.visitId(), model, RuleBased.credit(model, j), false));
        }
        return out;
    }

    /**
     * Credit summed per show ({@code store_attribution.visits} before the split by store), sorted by
     * {@code show_id}. The total equals the number of journeys with at least one touch in their window.
     */
    public static Map<String, Double> totals(List<JourneyCredit> credits) {
        Map<String, Double> out = new TreeMap<>();
        for (JourneyCredit c : credits) {
            c.credit().forEach((show, v) -> out.merge(show, v, Double::sum));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The Markov paths of one customer, as the Spark job builds them (SPEC "Precise rules: Markov
     * attribution"), converted paths first (by visit time), then null paths (by show order).
     *
     * <ul>
     *   <li>one converted path per visit at t with at least one watched show that ended in {@code (t − 7 d,
     *       t]}: those shows in {@link Touch#ORDER};</li>
     *   <li>one null path per watched show s (end e) with no visit in {@code [e, e + 7 d)} — exactly the
     *       visits s would influence: the watched shows that ended in {@code (e − 7 d, e]}, in {@link
     *       Touch#ORDER}.</li>
     * </ul>
     * A show listed twice in {@code watched} counts once, with its latest end time.
     *
     * @param watched the shows the customer had live presence in, any order
     * @param visitMillis the customer's store visit times, any order
     */
    public static List<Path> paths(List<Touch> watched, List<Long> visitMillis) {
        Map<String, Touch> latest = new HashMap<>();
        for (Touch touch : watched) {
            latest.merge(touch.showId(), touch, (a, b) -> a.showEndMillis() >= b.showEndMillis() ? a : b);
        }
        List<Touch> shows = new ArrayList<>(latest.values());
        shows.sort(Touch.ORDER);
        List<Long> visits = new ArrayList<>(visitMillis);
        Collections.sort(visits);

        List<Path> out = new ArrayList<>();
        for (long t : visits) {
            List<String> ids = endedIn(shows, t - WINDOW_MILLIS, t);
            if (!ids.isEmpty()) {
                out.add(new Path(ids, true));
            }
        }
        for (Touch s : shows) {
            long e = s.showEndMillis();
            boolean followed = false;
            for (long t : visits) {
                if (t >= e && t < e + WINDOW_MILLIS) {
                    followed = true;
                    break;
                }
            }
            if (!followed) {
                out.add(new Path(endedIn(shows, e - WINDOW_MILLIS, e), false));
            }
        }
        return out;
    }

    /** Ids of the (ordered) shows that ended in {@code (after, upTo]}. */
    private static List<String> endedIn(List<Touch> ordered, long after, long upTo) {
        List<String> ids = new ArrayList<>();
        for (Touch s : ordered) {
            if (s.showEndMillis() > after && s.showEndMillis() <= upTo) {
                ids.add(s.showId());
            }
        }
        return ids;
    }
}
