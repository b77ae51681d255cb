package io.showmetrics.core.experiments;

import io.showmetrics.core.stats.Cuped;
import io.showmetrics.core.stats.CupedAdjustment;
import io.showmetrics.core.stats.CupedResult;
import io.showmetrics.core.stats.MultipleTesting;
import io.showmetrics.core.stats.RegressionStats;
import io.showmetrics.core.stats.SampleRatioMismatch;
import io.showmetrics.core.stats.SrmResult;
import io.showmetrics.core.stats.TwoSampleResult;
import io.showmetrics.core.stats.TwoSampleTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns one experiment's per-variant sufficient statistics into the rows of {@code experiment_result}:
 * for every treatment variant and metric, the raw test and the CUPED-adjusted test (the raw test on
 * Y′ = Y − θ(X − mean X), X = the same metric over the 28 days before assignment), always-valid
 * sequential intervals, Holm and Benjamini–Hochberg adjusted p-values over the family (every treatment
 * variant × metric; raw and adjusted corrected separately), and the sample-ratio check.
 */
public final class ExperimentAnalysis {
    private ExperimentAnalysis() {}

    /**
     * @param stats variant → metric name → sufficient statistics (Y the in-window metric, X its pre-period)
     * @param expectedSplit variant → expected share, or null for an equal split
     */
    public record Input(String experimentId, String controlVariant, Map<String, Double> expectedSplit,
            Map<String, Map<String, RegressionStats>> stats) {}

    /** One {@code experiment_result} row. Null fields are not computable; {@code errorCode} says why. */
    public record Row(String experimentId, String metric, String variant, boolean adjusted, TwoSampleResult result,
            Double seqCiLow, Double seqCiHigh, Double pValueHolm, Double pValueBh, Double theta,
            Double varianceReduction, Double srmPValue, String errorCode) {}

    public record Analysis(List<Row> rows, SrmResult srm) {}

    public static Analysis analyse(Input in) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Map<String, RegressionStats>> v : in.stats().entrySet()) {
            RegressionStats any = v.getValue().values().stream().findFirst().orElse(RegressionStats.EMPTY);
            counts.put(v.getKey(), any.n());
        }
        SrmResult srm = SampleRatioMismatch.test(counts, in.expectedSplit());
        Map<String, RegressionStats> control = in.stats().getOrDefault(in.controlVariant(), Map.of());
        TreeSet<String> treatments = new TreeSet<>(in.stats().keySet());
        if (in.expectedSplit() != null) {
            treatments.addAll(in.expectedSplit().keySet());
        }
        treatments.remove(in.controlVariant());

        List<Row> raw = new ArrayList<>();
        List<Row> adjusted = new ArrayList<>();
        for (String variant : treatments) {
            Map<String, RegressionStats> treated = in.stats().getOrDefault(variant, Map.of());
            for (ExperimentMetric metric : ExperimentMetric.ALL) {
                RegressionStats t = treated.getOrDefault(metric.name(), RegressionStats.EMPTY);
                RegressionStats c = control.getOrDefault(metric.name(), RegressionStats.EMPTY);
                CupedResult cuped = Cuped.analyse(metric.kind(), t, c);
                TwoSampleResult seqRaw = TwoSampleTests.sequential(metric.kind(), t.y(), c.y());
                CupedAdjustment adj = Cuped.adjust(t, c);
                TwoSampleResult seqAdj = adj.treatment() == null || adj.control() == null ? null
                        : TwoSampleTests.sequential(metric.kind(), adj.treatment(), adj.control());
                raw.add(new Row(in.experimentId(), metric.name(), variant, false, cuped.raw(),
                        seqRaw.absCiLow(), seqRaw.absCiHigh(), null, null, null, null, srm.pValue(),
                        cuped.raw().errorCode()));
                TwoSampleResult a = cuped.adjusted() != null ? cuped.adjusted() : cuped.raw();
                adjusted.add(new Row(in.experimentId(), metric.name(), variant, true, a,
                        seqAdj == null ? null : seqAdj.absCiLow(), seqAdj == null ? null : seqAdj.absCiHigh(), null,
                        null, cuped.theta(), cuped.varianceReduction(), srm.pValue(),
                        a.errorCode() != null ? a.errorCode() : cuped.errorCode()));
            }
        }
        List<Row> rows = new ArrayList<>(corrected(raw));
        rows.addAll(corrected(adjusted));
        return new Analysis(rows, srm);
    }

    /** Holm and Benjamini–Hochberg over one family; rows without a p-value stay uncorrected (null). */
    private static List<Row> corrected(List<Row> family) {
        List<Double> p = family.stream().map(r -> r.result().pValue()).toList();
        List<Double> holm = MultipleTesting.holm(p);
        List<Double> bh = MultipleTesting.benjaminiHochberg(p);
        List<Row> out = new ArrayList<>(family.size());
        for (int i = 0; i < family.size(); i++) {
            Row r = family.get(i);
            out.add(new Row(r.experimentId(), r.metric(), r.variant(), r.adjusted(), r.result(), r.seqCiLow(),
                    r.seqCiHigh(), holm.get(i), bh.get(i), r.theta(), r.varianceReduction(), r.srmPValue(),
                    r.errorCode()));
        }
        return out;
    }
}
