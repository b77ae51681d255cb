package io.showmetrics.dashboard.goals;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the Shows list needs from the goals: per show, the mean attainment of its goals. The one entry point of the
 * goals feature for other features; the evaluation itself stays in {@link GoalService}.
 */
@Component
public class GoalAttainments {
    private final GoalService goals;

    GoalAttainments(GoalService goals) {
        this.goals = goals;
    }

    /**
     * Per show id, the mean of {@code attainment} (actual / target, {@link GoalEvaluation}) over the show's goals at
     * the server's time, its own goals and the series goals that apply to it; goals without an attainment (pending, or
     * a zero target) and in-progress goals (a show on air: its attainment so far is no outcome yet) are left out, and a show with none is absent from the map. An {@code at_most} goal counts as its
     * plain ratio (below 1 is good), as on the Goals page.
     */
    public Map<String, Double> meanByShow() {
        return goals.list(null).stream()
                .filter(g -> g.attainment() != null && !GoalStatus.IN_PROGRESS.equals(g.status()))
                .collect(Collectors.groupingBy(GoalView::showId, Collectors.averagingDouble(GoalView::attainment)));
    }
}
