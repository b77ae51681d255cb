package io.showmetrics.core.stats;

import java.util.List;

/**
 * A sample-ratio-mismatch check of one experiment.
 *
 * @param cells            one row per variant of {@code expected_split} ∪ observed variants, sorted by name
 * @param chiSquare        Pearson's statistic Σ (observed − expected)² / expected over the variants with a
 *                         positive expected share; null when it cannot be computed
 * @param degreesOfFreedom number of variants with a positive expected share − 1; null when not computed
 * @param pValue           upper tail of χ²(degreesOfFreedom) at {@code chiSquare}; 0 for
 *                         {@link StatsErrors#UNEXPECTED_VARIANT}; null when the test cannot be run
 * @param flagged          {@code pValue < 0.001}: the dashboard shows the flag before any result
 * @param errorCode        null, or {@link StatsErrors#NO_ASSIGNMENTS}, {@link StatsErrors#TOO_FEW_VARIANTS},
 *                         {@link StatsErrors#INVALID_EXPECTED_SPLIT}, {@link StatsErrors#UNEXPECTED_VARIANT}
 */
public record SrmResult(
        List<Cell> cells, Double chiSquare, Integer degreesOfFreedom, Double pValue, boolean flagged,
        String errorCode) {

    /** Defensive copy of the cells. */
    public SrmResult {
        cells = List.copyOf(cells);
    }

    /**
     * One variant.
     *
     * @param variant       variant name
     * @param observed      assigned units
     * @param expectedShare normalised expected share in [0, 1] (0 for a variant missing from the split)
     * @param expectedCount {@code expectedShare} × all assigned units
     */
    public record Cell(String variant, long observed, double expectedShare, double expectedCount) {}
}
