package io.showmetrics.dashboard.goals;

import io.showmetrics.core.goals.SeriesGoals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which goal a show has on each metric: its own goal ({@code goal}) when it has one, else the series goal
 * ({@code series_goal}) that covers it ({@link SeriesGoal#covers}: the series matches and the show starts at or after
 * the series goal was set). Between series goals on one metric, a title prefix wins over a host, a longer prefix over
 * a shorter one, then the earlier series goal. Plain Java: the caller loads the rows.
 */
final class GoalResolution {
    static final String SOURCE_SHOW = "show";
    static final String SOURCE_SERIES = "series";

    /** Prefers title prefixes over hosts, longer prefixes, then the earlier goal. */
    private static final Comparator<SeriesGoal> MOST_SPECIFIC =
            SeriesGoals.mostSpecificFirst(SeriesGoal::kind, SeriesGoal::pattern, SeriesGoal::seriesGoalId);

    private GoalResolution() {
    }

    /** What a show's goal-relevant facts are. */
    record ShowFacts(String showId, String title, String host, Instant startsAt) {
    }

    /**
     * A goal as it applies to one show: the show's own ({@code series} null) or a series goal's ({@code goalId} null).
     *
     * @param source {@link #SOURCE_SHOW} or {@link #SOURCE_SERIES}
     */
    record Applied(String showId, String metric, double target, String direction, String updatedBy, Instant updatedAt,
                   Long goalId, SeriesGoal series) {
        String source() {
            return series == null ? SOURCE_SHOW : SOURCE_SERIES;
        }

        static Applied own(StoredGoal g) {
            return new Applied(g.showId(), g.metric(), g.target(), g.direction(), g.updatedBy(), g.updatedAt(),
                    g.goalId(), null);
        }

        static Applied fromSeries(String showId, SeriesGoal g) {
            return new Applied(showId, g.metric(), g.target(), g.direction(), g.updatedBy(), g.updatedAt(), null, g);
        }
    }

    /**
     * The show's goals, one per metric: every own goal, then for each other metric the most specific series goal that
     * covers the show; own goals first in {@code own}'s order, then series goals in {@code series}' order of metrics.
     *
     * @param own the show's own goals (others are ignored)
     * @param series every series goal
     */
    static List<Applied> resolve(ShowFacts show, List<StoredGoal> own, List<SeriesGoal> series) {
        Map<String, Applied> byMetric = new LinkedHashMap<>();
        for (StoredGoal g : own) {
            if (g.showId().equals(show.showId())) {
                byMetric.putIfAbsent(g.metric(), Applied.own(g));
            }
        }
        Map<String, SeriesGoal> best = new LinkedHashMap<>();
        for (SeriesGoal g : series) {
            if (!byMetric.containsKey(g.metric()) && g.covers(show.title(), show.host(), show.startsAt())) {
                best.merge(g.metric(), g, (a, b) -> MOST_SPECIFIC.compare(a, b) <= 0 ? a : b);
            }
        }
        List<Applied> out = new ArrayList<>(byMetric.values());
        best.values().forEach(g -> out.add(Applied.fromSeries(show.showId(), g)));
        return out;
    }

    /** The series goal that would apply to the show on {@code metric} were it not to have its own. */
    static Optional<SeriesGoal> seriesGoal(ShowFacts show, String metric, List<SeriesGoal> series) {
        return series.stream().filter(g -> g.metric().equals(metric))
                .filter(g -> g.covers(show.title(), show.host(), show.startsAt())).min(MOST_SPECIFIC);
    }
}
