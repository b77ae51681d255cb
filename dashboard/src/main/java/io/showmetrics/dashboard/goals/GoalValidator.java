package io.showmetrics.dashboard.goals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a {@link GoalDraft}: the show must exist, the metric must be in the catalogue with {@code goal_allowed},
 * the target a finite decimal number, the direction {@code at_least} or {@code at_most}. Uniqueness of
 * (show, metric) needs the stored goals and is checked by {@link GoalService}.
 */
final class GoalValidator {
    /** A plain decimal number: no thousands separators, no NaN/Infinity, no hex or type suffix. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private GoalValidator() {
    }

    /** The result: either {@code values} (no errors) or the errors. */
    record Result(GoalValues values, List<GoalError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * @param line the CSV line for the messages; {@code null} for a single goal
     */
    static Result validate(GoalDraft draft, GoalCatalogue catalogue, Integer line) {
        List<GoalError> errors = new ArrayList<>();
        String showId = trim(draft.showId());
        String metric = trim(draft.metric());
        String targetText = trim(draft.target());
        String direction = trim(draft.direction());
        List<String> allowed = catalogue.allowedMetrics();

        if (showId == null) {
            errors.add(GoalErrors.showRequired(line));
        } else if (!catalogue.showIds().contains(showId)) {
            errors.add(GoalErrors.unknownShow(line, showId));
        }
        if (metric == null) {
            errors.add(GoalErrors.metricRequired(line, allowed));
        } else if (!catalogue.metrics().containsKey(metric)) {
            errors.add(GoalErrors.unknownMetric(line, metric, allowed));
        } else if (!catalogue.metrics().get(metric)) {
            errors.add(GoalErrors.metricNotAllowed(line, metric, allowed));
        }
        Double target = null;
        if (targetText == null) {
            errors.add(GoalErrors.targetRequired(line));
        } else if (!NUMBER.matcher(targetText).matches() || !Double.isFinite(Double.parseDouble(targetText))) {
            errors.add(GoalErrors.targetNotANumber(line, targetText));
        } else {
            target = Double.parseDouble(targetText);
        }
        String normalisedDirection = direction == null ? null : direction.toLowerCase(Locale.ROOT);
        if (!GoalEvaluation.AT_LEAST.equals(normalisedDirection) && !GoalEvaluation.AT_MOST.equals(normalisedDirection)) {
            errors.add(GoalErrors.directionInvalid(line, direction));
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new GoalValues(showId, metric, target, normalisedDirection), List.of());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
