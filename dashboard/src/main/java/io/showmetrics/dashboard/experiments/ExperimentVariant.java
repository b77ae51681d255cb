package io.showmetrics.dashboard.experiments;

/**
 * A row of {@code experiment_variant}: one arm of the sample-ratio check.
 *
 * @param expectedShare the designed share of assignments, in [0, 1]; {@code null} when the design gave none
 * @param observedShare {@code assigned} / all assigned of the experiment; {@code null} when nobody was assigned
 */
record ExperimentVariant(String variant, long assigned, Double expectedShare, Double observedShare, boolean control) {
}
