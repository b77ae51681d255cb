package io.showmetrics.core.experiments;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * SPEC section 6's planner: the customers a conversion experiment needs, by the unpooled two-proportion
 * formula, and the shows that takes at the brand's usual audience.
 *
 * <p>With baseline rate p₁, treatment rate p₂ = p₁·(1 + lift), treatment share s of the customers and
 * z = z₁₋α/₂ + z_power, the total is N = z²·(p₁(1−p₁)/(1−s) + p₂(1−p₂)/s) / (p₂ − p₁)²; the control arm
 * needs ⌈(1−s)·N⌉ customers and the treatment arm ⌈s·N⌉. For an even split this is statsmodels'
 * {@code NormalIndPower} with effect size (p₂−p₁)/√((p₁(1−p₁) + p₂(1−p₂))/2).
 */
public final class ExperimentPlanner {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ExperimentPlanner() {}

    /**
     * @param controlCustomers customers the control arm needs
     * @param treatmentCustomers customers the treatment arm needs
     * @param shows shows at {@code audiencePerShow} assigned customers each (null without an audience)
     */
    public record Plan(long controlCustomers, long treatmentCustomers, Long shows) {
        public long totalCustomers() {
            return controlCustomers + treatmentCustomers;
        }
    }

    /**
     * @param baseline the control's conversion rate, in (0, 1)
     * @param relativeLift the lift to detect, relative to the baseline (0.10 for +10 %); not 0, and the treatment
     *     rate it gives must stay in (0, 1)
     * @param treatmentShare share of customers in the treatment arm, in (0, 1)
     * @param alpha two-sided significance level, in (0, 1)
     * @param power in (0, 1)
     * @param audiencePerShow customers a show brings into the experiment (the median identified viewers of recent
     *     shows); null or not positive for no show count
     * @throws IllegalArgumentException naming the input that is out of range and its range
     */
    public static Plan plan(double baseline, double relativeLift, double treatmentShare, double alpha, double power,
            Double audiencePerShow) {
        requireOpenUnit("baseline", baseline);
        requireOpenUnit("split (treatment share)", treatmentShare);
        requireOpenUnit("alpha", alpha);
        requireOpenUnit("power", power);
        if (relativeLift == 0 || !Double.isFinite(relativeLift)) {
            throw new IllegalArgumentException("lift must be a relative change other than 0, such as 0.10 for +10 %; "
                    + "got " + relativeLift);
        }
        double treated = baseline * (1 + relativeLift);
        if (!(treated > 0 && treated < 1)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "baseline %s with a lift of %s "
                    + "gives a treatment rate of %s, outside (0, 1); choose a smaller lift", baseline, relativeLift,
                    treated));
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha / 2)
                + STANDARD_NORMAL.inverseCumulativeProbability(power);
        double diff = treated - baseline;
        double total = z * z * (baseline * (1 - baseline) / (1 - treatmentShare)
                + treated * (1 - treated) / treatmentShare) / (diff * diff);
        long control = (long) Math.ceil((1 - treatmentShare) * total);
        long treatment = (long) Math.ceil(treatmentShare * total);
        Long shows = audiencePerShow == null || !(audiencePerShow > 0) ? null
                : (long) Math.ceil((control + treatment) / audiencePerShow);
        return new Plan(control, treatment, shows);
    }

    private static void requireOpenUnit(String name, double v) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1 (exclusive), such as 0.05; got " + v);
        }
    }
}
