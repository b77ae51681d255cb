package io.showmetrics.core.experiments;

import io.showmetrics.core.stats.SampleStats;
import io.showmetrics.core.stats.TwoSampleResult;
import io.showmetrics.core.stats.TwoSampleTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Store visits an experiment changed (SPEC section 2, "Store-visit attribution"): per treatment variant,
 * (visit rate treatment − visit rate control) × treated customers, with the z-test's 95% CI scaled the same
 * way. The number belongs to the experiment over all of its shows, never to one show.
 *
 * <p>Only an experiment whose control is a holdout (customers not told about the shows) measures visits the
 * shows caused: there the number is "incremental store visits". Otherwise (host A vs host B, a new checkout
 * vs the current one) every arm watches a show and the number is the difference between two variants.
 */
public final class IncrementalVisits {
    private IncrementalVisits() {}

    /**
     * One treatment variant against the control.
     *
     * @param holdout whether the control is a holdout ({@link #isHoldout}), so the number is incremental
     * @param treated customers assigned to {@code variant}
     * @param visits (rate of {@code variant} − rate of control) × {@code treated}; null when not computable
     * @param ciLow lower end of the 95% CI of {@code visits}; null when not computable ({@code errorCode})
     */
    public record Row(String experimentId, String variant, String controlVariant, boolean holdout, long treated,
            long controlN, Double visits, Double ciLow, Double ciHigh, String errorCode) {}

    /**
     * Whether the control variant is a holdout: its name (any case, {@code -} or space for {@code _}) contains
     * {@code holdout} or {@code hold_out}. Experiments name their arms, not their design, so the name is the
     * only signal the feed carries; {@code control}, {@code host_a} and the like compare two variants.
     */
    public static boolean isHoldout(String controlVariant) {
        if (controlVariant == null) {
            return false;
        }
        String key = ExperimentMetric.key(controlVariant);
        return key.contains("holdout") || key.contains("hold_out");
    }

    /**
     * @param visitedStore variant → sufficient statistics of {@code visited_store} (0/1 per assigned customer)
     * @return one row per treatment variant (every variant but the control), by variant name; empty when the
     *     control has no statistics row and no variant has one either
     */
    public static List<Row> of(String experimentId, String controlVariant, Map<String, SampleStats> visitedStore) {
        SampleStats control = visitedStore.getOrDefault(controlVariant, SampleStats.EMPTY);
        boolean holdout = isHoldout(controlVariant);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, SampleStats> e : new TreeMap<>(visitedStore).entrySet()) {
            if (e.getKey().equals(controlVariant)) {
                continue;
            }
            SampleStats treatment = e.getValue();
            TwoSampleResult t = TwoSampleTests.proportions(treatment, control);
            double treated = treatment.n();
            rows.add(new Row(experimentId, e.getKey(), controlVariant, holdout, treatment.n(), control.n(),
                    scale(t.absLift(), treated), scale(t.absCiLow(), treated), scale(t.absCiHigh(), treated),
                    t.absCiLow() == null ? t.errorCode() : null));
        }
        return rows;
    }

    private static Double scale(Double v, double by) {
        return v == null ? null : v * by;
    }
}
