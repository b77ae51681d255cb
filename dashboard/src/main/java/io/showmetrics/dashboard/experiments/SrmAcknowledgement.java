package io.showmetrics.dashboard.experiments;

import java.time.Instant;

/** A row of {@code srm_acknowledgement}: {@code username} read the sample-ratio warning of the experiment. */
record SrmAcknowledgement(String experimentId, String username, Instant acknowledgedAt) {
}
