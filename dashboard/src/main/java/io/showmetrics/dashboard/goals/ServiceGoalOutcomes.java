package io.showmetrics.dashboard.goals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link GoalOutcomes} from the goals as the Goals page evaluates them ({@link GoalService#list}). */
@Component
class ServiceGoalOutcomes implements GoalOutcomes {
    private final GoalService goals;

    ServiceGoalOutcomes(GoalService goals) {
        this.goals = goals;
    }

    @Override
    public Map<String, Outcome> byShow() {
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (GoalView g : goals.list(null)) {
            out.merge(g.showId(), Outcome.of(g.status()), Outcome::plus);
        }
        return out;
    }
}
