package io.showmetrics.dashboard.goals;

/**
 * A target checked before it is saved (the Goals page shows it beside the form): how it reads, and how it compares
 * with the benchmark of the show or the series.
 *
 * @param target the target as it would be stored, in the metric's unit; {@code null} when it cannot be read
 * @param targetText the target as it can be typed back ("5%", "€600.00"); {@code null} with {@code target}
 * @param error why the target cannot be read, or another problem that would stop the save; {@code null} when none
 * @param caution a remark on a target that can be saved ("'5' on a rate reads as 500%"); {@code null} when none
 * @param benchmarkMedian the benchmark, in the metric's unit; {@code null} without one (fewer than 3 shows)
 * @param benchmarkText the benchmark in the metric's unit, as the target is shown
 * @param benchmarkN how many shows the benchmark is the median of
 * @param benchmarkBasis which shows, in words ("the 10 shows before this one")
 * @param ratio target / benchmark; {@code null} without a target, a benchmark or a positive benchmark
 * @param warning the target is more than 2× or less than 0.5× of the benchmark, in words; {@code null} otherwise
 */
record GoalCheck(Double target, String targetText, String error, String caution, Double benchmarkMedian,
                 String benchmarkText, Integer benchmarkN, String benchmarkBasis, Double ratio, String warning) {
}
