package io.showmetrics.dashboard.experiments;

import java.time.Instant;

/**
 * The sample-ratio check of an experiment as the signed-in user sees it.
 *
 * @param pValue chi-square p-value of assigned counts against the expected split; {@code null} when not computable
 * @param threshold the p-value below which the experiment is flagged (0.001, SPEC section 2)
 * @param acknowledgedAt when this user acknowledged the mismatch; {@code null} when they have not
 * @param resultsVisible {@code false} only for a flagged experiment this user has not acknowledged
 */
record SrmCheck(Double pValue, double threshold, boolean flagged, String errorCode, Instant acknowledgedAt,
                boolean resultsVisible) {
    static final double THRESHOLD = 0.001;

    static SrmCheck of(Experiment e, Instant acknowledgedAt) {
        return new SrmCheck(e.srmPValue(), THRESHOLD, e.srmFlagged(), e.srmErrorCode(), acknowledgedAt,
                !e.srmFlagged() || acknowledgedAt != null);
    }
}
