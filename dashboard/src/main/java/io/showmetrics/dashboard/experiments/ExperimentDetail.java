package io.showmetrics.dashboard.experiments;

import java.util.List;

/**
 * An experiment, its shows and its sample-ratio check for the signed-in user.
 *
 * @param primaryMetricHasResults whether {@code experiment_result} has rows for the experiment's primary metric
 *     (published under its one name, e.g. a feed's {@code conversion} as {@code converted}); {@code false} for a
 *     primary metric the jobs do not compute, which the page then says; {@code null} without a primary metric
 * @param decisions one per treatment variant, the page's first answer; an experiment blocked by a sample-ratio
 *     mismatch shows its {@code srm_blocked} decisions without acknowledgement (they carry no lift)
 */
record ExperimentDetail(Experiment experiment, List<ExperimentShow> shows, SrmCheck srm,
                        Boolean primaryMetricHasResults, List<ExperimentDecision> decisions) {
}
