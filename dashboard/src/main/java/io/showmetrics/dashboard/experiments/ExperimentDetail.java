package io.showmetrics.dashboard.experiments;

import java.util.List;

/** An experiment, its shows and its sample-ratio check for the signed-in user. */
record ExperimentDetail(Experiment experiment, List<ExperimentShow> shows, SrmCheck srm) {
}
