package io.showmetrics.dashboard.goals;

/**
 * One thing wrong with a goal someone tried to save.
 *
 * @param line the CSV line (1 = header) for an import, {@code null} for a single goal
 * @param field {@code showId}, {@code metric}, {@code target}, {@code direction} or {@code file}
 * @param message what is wrong and how to fix it
 */
public record GoalError(Integer line, String field, String message) {
}
