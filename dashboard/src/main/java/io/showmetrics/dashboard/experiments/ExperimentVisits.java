package io.showmetrics.dashboard.experiments;

import java.util.List;

/**
 * The store visits an experiment changed, over all of its shows (SPEC section 2): a number of the experiment,
 * shown on each of its shows' pages as the experiment's, never as the show's own.
 *
 * @param holdout whether the control is a holdout (customers not told about the shows), so each variant's
 *     number is incremental store visits; otherwise it is the difference in store visits between the variant
 *     and the control; {@code null} when the experiment has no published rows
 * @param srmFlagged whether the experiment is flagged for sample-ratio mismatch
 * @param resultsVisible {@code false} while the experiment is flagged and the signed-in user has not
 *     acknowledged the mismatch: {@code variants} is then empty (the server withholds the numbers)
 * @param variants one row per treatment variant against the control, by variant name
 */
public record ExperimentVisits(String experimentId, String name, Boolean holdout, boolean srmFlagged,
                               boolean resultsVisible, List<Variant> variants) {

    /**
     * One treatment variant against the control.
     *
     * @param visits (store visit rate of {@code variant} − rate of the control) × {@code treated}; {@code null}
     *     when not computable ({@code errorCode})
     * @param ciLow lower end of the 95% CI of {@code visits} (z-test, unpooled standard error)
     */
    public record Variant(String variant, String controlVariant, long treated, long controlN, Double visits,
                          Double ciLow, Double ciHigh, String errorCode) {
    }
}
