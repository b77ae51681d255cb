package io.showmetrics.core.experiments;

import io.showmetrics.core.stats.SrmResult;
import io.showmetrics.core.stats.TwoSampleResult;
import io.showmetrics.core.stats.TwoSampleTests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * SPEC section 6, "Experiment decision": per experiment and treatment variant, on its primary metric
 * ({@code primary_metric}, else conversion) and the CUPED rows of every metric (equal to the raw ones when
 * there is no pre-period), one decision with its reason in words, and what the data can still detect.
 *
 * <p>Rules, in order: {@code srm_blocked} when the sample-ratio check flags the experiment; {@code
 * guardrail} when any other metric of the variant has a relative-lift 95% CI entirely below 0; {@code ship}
 * when the primary metric's Holm-adjusted p &lt; 0.05 and its lift is positive; {@code no_ship} when it is
 * below 0.05 and the lift is negative; {@code inconclusive} otherwise (including a primary metric without a
 * test, such as zero variance).
 *
 * <p>Beside it, from the primary metric's SE of the difference and control mean: {@code mde_abs} = (z₀.₉₇₅ +
 * z₀.₈)·SE, {@code power_10pct} = Φ(0.10·|control mean|/SE − z₀.₉₇₅) and {@code n_needed_10pct} = (n_t + n_c)
 * ·(SE/SE₁₀)² with SE₁₀ = 0.10·|control mean|/(z₀.₉₇₅ + z₀.₈); null where SE or the control mean is
 * missing or 0.
 */
public final class ExperimentDecision {
    public static final String SRM_BLOCKED = "srm_blocked";
    public static final String GUARDRAIL = "guardrail";
    public static final String SHIP = "ship";
    public static final String NO_SHIP = "no_ship";
    public static final String INCONCLUSIVE = "inconclusive";
    /** The decisions, from the most to the least binding. */
    public static final List<String> DECISIONS = List.of(SRM_BLOCKED, GUARDRAIL, SHIP, NO_SHIP, INCONCLUSIVE);

    /** Significance level of the decision (Holm-adjusted) and of the intervals. */
    public static final double ALPHA = TwoSampleTests.ALPHA;
    /** Power of the minimum detectable effect and of the customers needed. */
    public static final double POWER = 0.8;
    /** The relative lift that {@code power_10pct} and {@code n_needed_10pct} are about. */
    public static final double LIFT = 0.10;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    static final double Z_975 = STANDARD_NORMAL.inverseCumulativeProbability(1 - ALPHA / 2);
    static final double Z_80 = STANDARD_NORMAL.inverseCumulativeProbability(POWER);

    private ExperimentDecision() {}

    /** One {@code experiment_decision} row. */
    public record Decision(String experimentId, String variant, String metric, String decision, String reason,
            Double mdeAbs, Double power10pct, Double nNeeded10pct) {}

    /** What the data can detect for one metric's result: the three columns beside the decision. */
    public record Sensitivity(Double mdeAbs, Double power10pct, Double nNeeded10pct) {
        static final Sensitivity NONE = new Sensitivity(null, null, null);
    }

    /**
     * The decisions of one experiment, one per treatment variant, in variant order.
     *
     * @param analysis the experiment's rows (the CUPED rows, {@code adjusted = true}, are read) and its SRM check
     * @param primaryMetric the experiment's {@code primary_metric} (canonical or alias); null or a name that is no
     *     metric's means conversion
     */
    public static List<Decision> decide(ExperimentAnalysis.Analysis analysis, String primaryMetric) {
        String primary = ExperimentMetric.find(primaryMetric).orElse(ExperimentMetric.CONVERTED).name();
        Map<String, List<ExperimentAnalysis.Row>> byVariant = new LinkedHashMap<>();
        for (ExperimentAnalysis.Row r : analysis.rows()) {
            if (r.adjusted()) {
                byVariant.computeIfAbsent(r.variant(), v -> new ArrayList<>()).add(r);
            }
        }
        List<Decision> out = new ArrayList<>();
        for (Map.Entry<String, List<ExperimentAnalysis.Row>> e : byVariant.entrySet()) {
            ExperimentAnalysis.Row main = e.getValue().stream().filter(r -> r.metric().equals(primary)).findFirst()
                    .orElse(null);
            if (main == null) {
                continue;
            }
            List<ExperimentAnalysis.Row> others = e.getValue().stream().filter(r -> r != main).toList();
            out.add(decide(main, others, analysis.srm()));
        }
        return out;
    }

    /** The decision for one variant: its primary metric's CUPED row, the other metrics' CUPED rows, the SRM check. */
    static Decision decide(ExperimentAnalysis.Row primary, List<ExperimentAnalysis.Row> others, SrmResult srm) {
        TwoSampleResult r = primary.result();
        Sensitivity s = sensitivity(r);
        String variant = primary.variant();
        String metric = primary.metric();
        String decision;
        String reason;
        List<String> breaches = new ArrayList<>();
        for (ExperimentAnalysis.Row o : others) {
            Double high = o.result().relCiHigh();
            if (high != null && high < 0) {
                breaches.add(String.format(Locale.ROOT, "%s fell (relative lift %s, 95%% CI %s to %s)", o.metric(),
                        percent(o.result().relLift()), percent(o.result().relCiLow()), percent(high)));
            }
        }
        Double holm = primary.pValueHolm();
        if (srm != null && srm.flagged()) {
            decision = SRM_BLOCKED;
            reason = String.format(Locale.ROOT, "Blocked by a sample-ratio mismatch: the assigned customers are not "
                    + "split as planned (chi-square p = %s < 0.001), so no lift can be trusted until the assignment "
                    + "is fixed.", pValue(srm.pValue()));
        } else if (!breaches.isEmpty()) {
            decision = GUARDRAIL;
            reason = "Guardrail: " + String.join("; ", breaches) + " for " + variant + ", so do not ship it whatever "
                    + metric + " says.";
        } else if (holm != null && holm < ALPHA && r.absLift() != null && r.absLift() > 0) {
            decision = SHIP;
            reason = String.format(Locale.ROOT, "Ship %s: %s %s against control (Holm-adjusted p = %s < 0.05).",
                    variant, metric, lift(r), pValue(holm));
        } else if (holm != null && holm < ALPHA && r.absLift() != null && r.absLift() < 0) {
            decision = NO_SHIP;
            reason = String.format(Locale.ROOT, "Don't ship %s: %s %s against control (Holm-adjusted p = %s < 0.05).",
                    variant, metric, lift(r), pValue(holm));
        } else {
            decision = INCONCLUSIVE;
            reason = inconclusive(variant, metric, r, holm, s);
        }
        return new Decision(primary.experimentId(), variant, metric, decision, reason, s.mdeAbs(), s.power10pct(),
                s.nNeeded10pct());
    }

    /** {@code mde_abs}, {@code power_10pct} and {@code n_needed_10pct} of one result (nulls when not computable). */
    public static Sensitivity sensitivity(TwoSampleResult r) {
        Double se = r.standardError();
        if (se == null || !(se > 0) || !Double.isFinite(se)) {
            return Sensitivity.NONE;
        }
        double mde = (Z_975 + Z_80) * se;
        Double control = r.controlValue();
        if (control == null || control == 0 || !Double.isFinite(control)) {
            return new Sensitivity(mde, null, null);
        }
        double effect = LIFT * Math.abs(control);
        double power = STANDARD_NORMAL.cumulativeProbability(effect / se - Z_975);
        double se10 = effect / (Z_975 + Z_80);
        double ratio = se / se10;
        double needed = (r.n() + r.controlN()) * ratio * ratio;
        return new Sensitivity(mde, power, Double.isFinite(needed) ? needed : null);
    }

    private static String inconclusive(String variant, String metric, TwoSampleResult r, Double holm, Sensitivity s) {
        StringBuilder b = new StringBuilder("Inconclusive: ");
        if (holm == null) {
            b.append(metric).append(" has no test for ").append(variant).append(" yet")
                    .append(r.errorCode() == null ? "" : " (" + r.errorCode().replace('_', ' ') + ")").append('.');
        } else {
            b.append(String.format(Locale.ROOT, "%s %s for %s (Holm-adjusted p = %s, not below 0.05).", metric,
                    lift(r), variant, pValue(holm)));
        }
        if (s.power10pct() != null) {
            b.append(String.format(Locale.ROOT, " Power to detect a 10%% lift now: %.0f%%", 100 * s.power10pct()));
            if (s.power10pct() < POWER && s.nNeeded10pct() != null) {
                b.append(String.format(Locale.ROOT, "; about %,d assigned customers in all would give 80%%",
                        (long) Math.ceil(s.nNeeded10pct())));
            }
            b.append('.');
        }
        return b.toString();
    }

    private static String lift(TwoSampleResult r) {
        return r.relLift() != null ? percent(r.relLift())
                : String.format(Locale.ROOT, "%+.4g (absolute)", r.absLift());
    }

    static String percent(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * v);
    }

    static String pValue(Double p) {
        if (p == null) {
            return "n/a";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.2g", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
