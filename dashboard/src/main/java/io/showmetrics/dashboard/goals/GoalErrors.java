package io.showmetrics.dashboard.goals;

import java.util.List;

/** Every user-facing goal error message, in one place: what is wrong, where, and how to fix it. */
final class GoalErrors {
    static final String HEADER = "show_id,metric,target,direction";
    /** The longest value of the file repeated in a message. */
    static final int MAX_QUOTED = 80;

    private GoalErrors() {
    }

    static GoalError showRequired(Integer line) {
        return new GoalError(line, "showId", "Show is missing: give the show_id of a published show.");
    }

    static GoalError unknownShow(Integer line, String showId) {
        return new GoalError(line, "showId", "Show '" + quoted(showId) + "' does not exist: use the show_id of a "
                + "published show (see the Shows page or /api/shows).");
    }

    static GoalError metricRequired(Integer line, List<String> allowed) {
        return new GoalError(line, "metric", "Metric is missing: use one of " + String.join(", ", allowed) + ".");
    }

    static GoalError unknownMetric(Integer line, String metric, List<String> allowed) {
        return new GoalError(line, "metric", "Metric '" + quoted(metric) + "' is not in the metric catalogue: use "
                + "one of " + String.join(", ", allowed) + ".");
    }

    static GoalError metricNotAllowed(Integer line, String metric, List<String> allowed) {
        return new GoalError(line, "metric", "Metric '" + metric + "' cannot carry a goal (it is not a show-level "
                + "goal metric on the Definitions page): use one of " + String.join(", ", allowed) + ".");
    }

    /** How a target may be written, for the end of a message. */
    static final String TARGET_FORMS = "write it as 1500, 1,500 or 2500.50; a rate also as 5 % (or 0.05), money as "
            + "€600, watch time as mm:ss (12:30)";

    static GoalError targetRequired(Integer line) {
        return new GoalError(line, "target", "Target is missing: " + TARGET_FORMS + ".");
    }

    static GoalError targetNotANumber(Integer line, String text) {
        return new GoalError(line, "target", "Target '" + quoted(text) + "' is not a number: " + TARGET_FORMS + ".");
    }

    static GoalError misplacedComma(Integer line, String text) {
        return new GoalError(line, "target", "Target '" + quoted(text) + "' has a comma that does not group "
                + "thousands: write decimals with a point (1.5, not 1,5) and group thousands by three (1,500).");
    }

    static GoalError negativeTarget(Integer line, String text) {
        return new GoalError(line, "target", "Target '" + quoted(text) + "' is negative: no show metric can be below "
                + "0, so write 0 or more.");
    }

    static GoalError percentNotARate(Integer line, String text, String metric, String unit) {
        return new GoalError(line, "target", "Target '" + quoted(text) + "' is a percentage, but " + metric
                + " is not a rate (" + unitWords(unit) + "): write it without %.");
    }

    static GoalError moneyNotCurrency(Integer line, String text, String metric, String unit) {
        return new GoalError(line, "target", "Target '" + quoted(text) + "' is an amount of money, but " + metric
                + " is not money (" + unitWords(unit) + "): write it without € or EUR.");
    }

    static GoalError otherCurrency(Integer line, String text) {
        return new GoalError(line, "target", "Target '" + quoted(text) + "' is in another currency: money targets "
                + "are in EUR, the reporting currency (€600 or 600).");
    }

    static GoalError durationNotSeconds(Integer line, String text, String metric, String unit) {
        return new GoalError(line, "target", "Target '" + quoted(text) + "' is a duration (mm:ss), but " + metric
                + " is not a duration (" + unitWords(unit) + "): write it as a number.");
    }

    static GoalError badDuration(Integer line, String text) {
        return new GoalError(line, "target", "Target '" + quoted(text) + "' is not a duration: write minutes and "
                + "two-digit seconds below 60, as mm:ss (12:30) or h:mm:ss (1:05:00).");
    }

    /** A caution, not an error: a bare number above 1 on a rate is read as a fraction, so 5 is 500%. */
    static String rateAboveOne(String text, double value) {
        return "'" + quoted(text) + "' on a rate reads as " + GoalNumbers.plain(value * 100) + "%; for "
                + GoalNumbers.plain(value) + " percent write " + GoalNumbers.plain(value) + " %.";
    }

    /** A caution, not an error: a rate above 100%. */
    static String percentAboveHundred(String text) {
        return "'" + quoted(text) + "' is above 100%, more than a share of viewers can reach.";
    }

    private static String unitWords(String unit) {
        if (unit == null) {
            return "unit unknown";
        }
        return switch (unit) {
            case "count" -> "a count";
            case "ratio" -> "a rate";
            case "currency" -> "money";
            case "seconds" -> "seconds";
            case "minutes" -> "minutes";
            default -> unit;
        };
    }

    static GoalError directionInvalid(Integer line, String direction) {
        return new GoalError(line, "direction", (direction == null || direction.isBlank()
                ? "Direction is missing" : "Direction '" + quoted(direction) + "' is not valid")
                + ": use at_least (met when the actual value reaches the target) or at_most (met when it stays at "
                + "or below it).");
    }

    static GoalError duplicate(Integer line, String showId, String metric, long existingGoalId) {
        return new GoalError(line, "metric", "Show '" + showId + "' already has a goal on " + metric + " (goal "
                + existingGoalId + "): edit that goal instead of adding a second one.");
    }

    static GoalError repeatedInFile(int line, String showId, String metric, int firstLine) {
        return new GoalError(line, "metric", "Line " + line + " repeats show '" + showId + "' and metric " + metric
                + " from line " + firstLine + ": keep one line per show and metric.");
    }

    static GoalError badHeader(String header) {
        return new GoalError(1, "file", "Line 1 must be the header " + HEADER + ", found '" + quoted(header) + "'.");
    }

    static GoalError emptyFile() {
        return new GoalError(null, "file", "The file is empty: the first line must be the header " + HEADER
                + ", then one goal per line.");
    }

    static GoalError noRows() {
        return new GoalError(null, "file", "The file has a header but no goals: add one line per goal below it.");
    }

    static GoalError wrongColumnCount(int line, int found) {
        return new GoalError(line, "file", "Line " + line + " has " + found + " field" + (found == 1 ? "" : "s")
                + ", expected 4 (" + HEADER + ")" + (found > 4 ? ": quote a field that holds a comma (\"1,500\")." : "."));
    }

    static GoalError badQuoting(int line) {
        return new GoalError(line, "file", "Line " + line + " has an unterminated quoted field: close the quote.");
    }

    static GoalError fileTooLarge(long bytes) {
        return new GoalError(null, "file", "The file has " + bytes + " bytes, more than the " + GoalCsv.MAX_BYTES
                + " bytes (1 MiB) an import accepts: split it into smaller files.");
    }

    static GoalError tooManyLines(int lines) {
        return new GoalError(null, "file", "The file has " + lines + " goal lines, more than the " + GoalCsv.MAX_LINES
                + " an import accepts: split it into smaller files.");
    }

    static GoalError moreErrors(int unlisted) {
        return new GoalError(null, "file", "... and " + unlisted + " more error" + (unlisted == 1 ? "" : "s")
                + " not listed: fix the lines above and import again.");
    }

    /**
     * A value from the file as it is quoted in a message, cut to {@value #MAX_QUOTED} characters so that a long
     * field cannot blow up the reply.
     */
    static String quoted(String value) {
        if (value == null || value.length() <= MAX_QUOTED) {
            return value;
        }
        return value.substring(0, MAX_QUOTED) + "...";
    }

    static GoalError seriesKindInvalid(String kind) {
        return new GoalError(null, "kind", (kind == null ? "Series kind is missing" : "Series kind '" + quoted(kind)
                + "' is not valid") + ": use title_prefix (every show whose title starts with the text) or host "
                + "(every show of that host).");
    }

    static GoalError seriesPatternRequired(String kind) {
        return new GoalError(null, "pattern", SeriesGoal.HOST.equals(kind)
                ? "Host is missing: give the host's name as the shows list it."
                : "Title start is missing: give the start that the series' titles share, e.g. Spring.");
    }

    static GoalError seriesPatternTooLong(int length) {
        return new GoalError(null, "pattern", "The series has " + length + " characters, more than "
                + GoalValidator.MAX_PATTERN + ": shorten it.");
    }

    static GoalError duplicateSeries(String series, String metric, long existingId) {
        return new GoalError(null, "metric", "The series " + series + " already has a goal on " + metric
                + " (series goal " + existingId + "): edit that goal instead of adding a second one.");
    }

    /**
     * A warning, not an error: a target more than 2× or less than 0.5× of the benchmark, shown beside the form before
     * saving.
     */
    static String farFromBenchmark(String target, double ratio, String benchmark, String basis) {
        String times = ratio >= 10 ? String.valueOf(Math.round(ratio)) : GoalNumbers.plain(Math.round(ratio * 10) / 10.0);
        String how = ratio > 1 ? times + "× the benchmark" : "less than half the benchmark";
        return target + " is " + how + " (" + benchmark + ", the median of " + basis + "): check the target "
                + "before saving; a typo in it would make every chart of attainment unreadable.";
    }

    static String unknownShowForCheck(String showId) {
        return "Show '" + quoted(showId) + "' does not exist: pick a show from the list.";
    }

    static GoalError sameShow(String showId) {
        return new GoalError(null, "toShowId", "Cannot copy goals from show '" + showId + "' onto itself: pick "
                + "another show.");
    }

    static GoalError noPreviousShow(String toShowId) {
        return new GoalError(null, "fromShowId", "Show '" + toShowId + "' has no earlier show to copy goals from: "
                + "pick the show to copy from.");
    }

    static GoalError nothingToCopy(String fromShowId) {
        return new GoalError(null, "fromShowId", "Show '" + fromShowId + "' has no goals to copy.");
    }
}
