package io.showmetrics.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Sample-ratio mismatch (SRM): Pearson's chi-square goodness-of-fit test of the assigned counts against
 * the experiment's {@code expected_split} (SPEC §2 and its precise rules), equal to SciPy's
 * {@code scipy.stats.chisquare(f_obs, f_exp)}.
 *
 * <p>Rules, including where SPEC is silent:
 * <ul>
 *   <li>The variants are those of {@code expected_split} ∪ the observed variants; a variant in the split
 *       with no assignments counts 0.</li>
 *   <li>Without {@code expected_split} (null or empty), every observed variant has the same share.</li>
 *   <li>Shares are normalised to sum to 1, so {@code {"a": 50, "b": 50}} and {@code {"a": 0.5, "b": 0.5}}
 *       are the same split. A negative or non-finite share, or all shares 0, gives
 *       {@code invalid_expected_split} and no test.</li>
 *   <li>A variant with expected share 0 (in the split with 0, or observed but missing from the split)
 *       and at least one assignment is a certain mismatch: {@code unexpected_variant}, p = 0, flagged,
 *       statistic null (SciPy's statistic is infinite and its p-value 0 there). A variant with share 0
 *       and no assignments carries no information and is left out of the test.</li>
 *   <li>The test runs over the variants with a positive share, with (their number − 1) degrees of
 *       freedom; fewer than two gives {@code too_few_variants}; no assignment at all gives
 *       {@code no_assignments}.</li>
 *   <li>{@code p < 0.001} flags the experiment.</li>
 * </ul>
 */
public final class SampleRatioMismatch {
    private SampleRatioMismatch() {}

    /** SPEC: an SRM p-value below this flags the experiment. */
    public static final double FLAG_THRESHOLD = 0.001;

    /**
     * Runs the check.
     *
     * @param assignedCounts units per observed variant (counts must be {@code >= 0})
     * @param expectedSplit  variant → expected share (any positive scale), or null for an equal split
     * @throws IllegalArgumentException if a count is negative or a key is null
     */
    public static SrmResult test(Map<String, Long> assignedCounts, Map<String, Double> expectedSplit) {
        Map<String, Long> observed = new TreeMap<>();
        assignedCounts.forEach((variant, count) -> {
            if (variant == null || count == null || count < 0) {
                throw new IllegalArgumentException("assigned counts need a variant and a count >= 0: "
                        + variant + " = " + count);
            }
            observed.put(variant, count);
        });
        boolean equalSplit = expectedSplit == null || expectedSplit.isEmpty();
        TreeSet<String> variants = new TreeSet<>(observed.keySet());
        Map<String, Double> rawShares = new TreeMap<>();
        if (equalSplit) {
            observed.keySet().forEach(v -> rawShares.put(v, 1.0));
        } else {
            for (Map.Entry<String, Double> e : expectedSplit.entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("expected_split has a null variant");
                }
                variants.add(e.getKey());
                rawShares.put(e.getKey(), e.getValue());
            }
        }
        long total = observed.values().stream().mapToLong(Long::longValue).sum();

        double shareSum = 0;
        boolean validSplit = true;
        for (Double share : rawShares.values()) {
            if (share == null || !Double.isFinite(share) || share < 0) {
                validSplit = false;
            } else {
                shareSum += share;
            }
        }
        validSplit &= shareSum > 0;

        List<SrmResult.Cell> cells = new ArrayList<>();
        for (String v : variants) {
            long o = observed.getOrDefault(v, 0L);
            double share = validSplit ? rawShares.getOrDefault(v, 0.0) / shareSum : 0;
            cells.add(new SrmResult.Cell(v, o, share, share * total));
        }
        if (!validSplit) {
            return new SrmResult(cells, null, null, null, false, StatsErrors.INVALID_EXPECTED_SPLIT);
        }
        if (total == 0) {
            return new SrmResult(cells, null, null, null, false, StatsErrors.NO_ASSIGNMENTS);
        }
        for (SrmResult.Cell cell : cells) {
            if (cell.expectedShare() == 0 && cell.observed() > 0) {
                return new SrmResult(cells, null, null, 0.0, true, StatsErrors.UNEXPECTED_VARIANT);
            }
        }
        double chiSquare = 0;
        int tested = 0;
        for (SrmResult.Cell cell : cells) {
            if (cell.expectedShare() > 0) {
                double d = cell.observed() - cell.expectedCount();
                chiSquare += d * d / cell.expectedCount();
                tested++;
            }
        }
        if (tested < 2) {
            return new SrmResult(cells, null, null, null, false, StatsErrors.TOO_FEW_VARIANTS);
        }
        int df = tested - 1;
        double p = ChiSquaredDistribution.of(df).survivalProbability(chiSquare);
        return new SrmResult(cells, chiSquare, df, p, p < FLAG_THRESHOLD, null);
    }
}
