package io.showmetrics.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Multiple-testing corrections over one family of p-values (SPEC: every treatment variant × metric of one
 * experiment; raw and CUPED results are corrected as separate families). Both methods return adjusted
 * p-values identical to statsmodels {@code multipletests(pvals, method='holm')} and
 * {@code method='fdr_bh'}: monotone in the raw p-values and capped at 1.
 *
 * <p>A {@code null} p-value (a result that could not be computed) is not part of the family: it is
 * skipped, m counts only the non-null p-values, and its position in the output is {@code null}.
 * With p<sub>(1)</sub> ≤ … ≤ p<sub>(m)</sub> the sorted non-null p-values:
 * <pre>
 *   Holm:  p̃_(i) = min(1, max_{j ≤ i} (m − j + 1)·p_(j))
 *   BH:    p̃_(i) = min(1, min_{j ≥ i} m·p_(j) / j)
 * </pre>
 */
public final class MultipleTesting {
    private MultipleTesting() {}

    /**
     * Holm's step-down (family-wise error rate) adjusted p-values, in input order.
     *
     * @throws IllegalArgumentException if a non-null p-value is outside [0, 1] or NaN
     */
    public static List<Double> holm(List<Double> pValues) {
        return adjust(pValues, true);
    }

    /**
     * Benjamini–Hochberg step-up (false discovery rate) adjusted p-values, in input order.
     *
     * @throws IllegalArgumentException if a non-null p-value is outside [0, 1] or NaN
     */
    public static List<Double> benjaminiHochberg(List<Double> pValues) {
        return adjust(pValues, false);
    }

    private static List<Double> adjust(List<Double> pValues, boolean holm) {
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < pValues.size(); i++) {
            Double p = pValues.get(i);
            if (p == null) {
                continue;
            }
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("p-value must be in [0, 1], got " + p + " at " + i);
            }
            present.add(i);
        }
        present.sort(Comparator.comparingDouble(pValues::get));
        int m = present.size();
        double[] adjusted = new double[m];
        if (holm) {
            double running = 0;
            for (int j = 0; j < m; j++) {
                running = Math.max(running, (m - j) * pValues.get(present.get(j)));
                adjusted[j] = Math.min(1.0, running);
            }
        } else {
            double running = Double.POSITIVE_INFINITY;
            for (int j = m - 1; j >= 0; j--) {
                running = Math.min(running, m * pValues.get(present.get(j)) / (j + 1));
                adjusted[j] = Math.min(1.0, running);
            }
        }
        Double[] out = new Double[pValues.size()];
        Arrays.fill(out, null);
        for (int j = 0; j < m; j++) {
            out[present.get(j)] = adjusted[j];
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }
}
