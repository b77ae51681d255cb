package io.showmetrics.dashboard.goals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a {@link GoalDraft}: the show must exist, the metric must be in the catalogue with {@code goal_allowed},
 * the target a number as people type it in the metric's unit ({@link GoalTarget}: 1,500, 5 %, €600, 12:30), the
 * direction {@code at_least} or {@code at_most}. Uniqueness of (show, metric) needs the stored goals and is checked by
 * {@link GoalService}.
 */
final class GoalValidator {
    /** The units a target of an unknown metric is tried in, so that only an unreadable target is reported with it. */
    private static final List<String> ANY_UNIT = List.of("count", GoalTarget.RATIO, GoalTarget.CURRENCY, GoalTarget.SECONDS);

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
        String targetText = draft.target();
        String direction = draft.direction();
        if (showId == null) {
            errors.add(GoalErrors.showRequired(line));
        } else if (!catalogue.showIds().contains(showId)) {
            errors.add(GoalErrors.unknownShow(line, showId));
        }
        metric(metric, catalogue, line, errors);
        Double target = target(metric, targetText, catalogue, line, errors);
        String normalisedDirection = direction(direction, line, errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new GoalValues(showId, metric, target, normalisedDirection), List.of());
    }

    /** A series goal's result: either {@code values} (no errors) or the errors. */
    record SeriesResult(SeriesGoalValues values, List<GoalError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The longest series pattern (a title's start or a host's name). */
    static final int MAX_PATTERN = 200;

    /**
     * Checks a series goal: the kind must be {@code title_prefix} or {@code host}, the pattern not blank and at most
     * {@value #MAX_PATTERN} characters; metric, target and direction as for a show's goal.
     */
    static SeriesResult validateSeries(SeriesGoalDraft draft, GoalCatalogue catalogue) {
        List<GoalError> errors = new ArrayList<>();
        String kind = trim(draft.kind());
        String normalisedKind = kind == null ? null : kind.toLowerCase(Locale.ROOT);
        if (!SeriesGoal.TITLE_PREFIX.equals(normalisedKind) && !SeriesGoal.HOST.equals(normalisedKind)) {
            errors.add(GoalErrors.seriesKindInvalid(kind));
        }
        String pattern = trim(draft.pattern());
        if (pattern == null) {
            errors.add(GoalErrors.seriesPatternRequired(normalisedKind));
        } else if (pattern.length() > MAX_PATTERN) {
            errors.add(GoalErrors.seriesPatternTooLong(pattern.length()));
        }
        String metric = trim(draft.metric());
        metric(metric, catalogue, null, errors);
        Double target = target(metric, draft.target(), catalogue, null, errors);
        String direction = direction(draft.direction(), null, errors);
        if (!errors.isEmpty()) {
            return new SeriesResult(null, List.copyOf(errors));
        }
        return new SeriesResult(new SeriesGoalValues(normalisedKind, pattern, metric, target, direction), List.of());
    }

    /** Adds the metric's error, if any: missing, not in the catalogue, or not allowed to carry a goal. */
    static void metric(String metric, GoalCatalogue catalogue, Integer line, List<GoalError> errors) {
        List<String> allowed = catalogue.allowedMetrics();
        if (metric == null) {
            errors.add(GoalErrors.metricRequired(line, allowed));
        } else if (!catalogue.metrics().containsKey(metric)) {
            errors.add(GoalErrors.unknownMetric(line, metric, allowed));
        } else if (!catalogue.metrics().get(metric)) {
            errors.add(GoalErrors.metricNotAllowed(line, metric, allowed));
        }
    }

    /**
     * The target read in the metric's unit, or {@code null} with its error added. For a metric that is not in the
     * catalogue (already reported), any unit will do.
     */
    static Double target(String metric, String targetText, GoalCatalogue catalogue, Integer line, List<GoalError> errors) {
        String text = trim(targetText);
        if (text == null) {
            errors.add(GoalErrors.targetRequired(line));
            return null;
        }
        String unit = metric == null ? null : catalogue.unit(metric.strip());
        if (unit != null) {
            try {
                return GoalTarget.parse(text, unit, metric.strip(), line).value();
            } catch (GoalTarget.Invalid e) {
                errors.add(e.error());
                return null;
            }
        }
        for (String any : ANY_UNIT) {
            try {
                return GoalTarget.parse(text, any, "the metric", line).value();
            } catch (GoalTarget.Invalid e) {
                // not in this unit; try the next
            }
        }
        errors.add(GoalErrors.targetNotANumber(line, text));
        return null;
    }

    /** {@code at_least} or {@code at_most} in any case, or {@code null} with its error added. */
    static String direction(String direction, Integer line, List<GoalError> errors) {
        String d = trim(direction);
        String normalised = d == null ? null : d.toLowerCase(Locale.ROOT);
        if (!GoalEvaluation.AT_LEAST.equals(normalised) && !GoalEvaluation.AT_MOST.equals(normalised)) {
            errors.add(GoalErrors.directionInvalid(line, d));
            return null;
        }
        return normalised;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
