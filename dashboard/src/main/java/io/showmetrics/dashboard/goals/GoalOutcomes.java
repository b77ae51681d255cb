package io.showmetrics.dashboard.goals;

import java.util.Map;

/** Every show's goals counted by status now, for pages that summarise goals across shows (the Hosts page). */
@FunctionalInterface
public interface GoalOutcomes {
    /** A show's goals by status: met, missed and still pending (in progress on air counts as pending). */
    record Outcome(int met, int missed, int pending) {
        Outcome plus(Outcome other) {
            return new Outcome(met + other.met, missed + other.missed, pending + other.pending);
        }

        static Outcome of(String status) {
            return new Outcome("met".equals(status) ? 1 : 0, "missed".equals(status) ? 1 : 0,
                    "pending".equals(status) || "in_progress".equals(status) ? 1 : 0);
        }
    }

    /** Per show id with at least one goal, its goals by status at the server's time. */
    Map<String, Outcome> byShow();
}
