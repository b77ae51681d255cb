package io.showmetrics.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.core.stats.MultipleTesting;
import io.showmetrics.core.stats.RegressionStats;
import io.showmetrics.core.stats.StatsErrors;
import io.showmetrics.core.stats.TwoSampleResult;
import io.showmetrics.core.stats.TwoSampleTests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentAnalysisTest {
    /** A binary metric where {@code conv} of {@code n} converted, with a pre-period correlated to it. */
    private static RegressionStats binary(long n, long conv, long preConv, long both) {
        return new RegressionStats(n, conv, conv, preConv, preConv, both);
    }

    private static Map<String, RegressionStats> arm(long n, long conv, double revenue, double revenue2) {
        Map<String, RegressionStats> m = new LinkedHashMap<>();
        m.put("converted", binary(n, conv, conv / 2, conv / 3));
        m.put("revenue", new RegressionStats(n, revenue, revenue2, revenue / 2, revenue2 / 3, revenue2 / 4));
        m.put("visited_store", binary(n, n / 10, n / 20, n / 40));
        return m;
    }

    private static ExperimentAnalysis.Analysis analyse(Map<String, Double> split) {
        Map<String, Map<String, RegressionStats>> stats = new LinkedHashMap<>();
        stats.put("control", arm(1000, 100, 5000, 90000));
        stats.put("b", arm(1000, 130, 5600, 95000));
        stats.put("c", arm(1000, 100, 5000, 90000));
        return ExperimentAnalysis.analyse(new ExperimentAnalysis.Input("e1", "control", split, stats));
    }

    @Test
    void everyTreatmentVariantAndMetricGetsARawAndAnAdjustedRow() {
        List<ExperimentAnalysis.Row> rows = analyse(null).rows();
        assertThat(rows).hasSize(2 * 3 * 2);
        assertThat(rows.stream().filter(ExperimentAnalysis.Row::adjusted).count()).isEqualTo(6);
        assertThat(rows).allSatisfy(r -> assertThat(r.variant()).isIn("b", "c"));
    }

    @Test
    void rawRowIsTheTwoSampleTestOnTheInWindowMetric() {
        ExperimentAnalysis.Row r = analyse(null).rows().stream()
                .filter(x -> !x.adjusted() && x.variant().equals("b") && x.metric().equals("converted")).findFirst()
                .orElseThrow();
        TwoSampleResult expected = TwoSampleTests.proportions(
                arm(1000, 130, 0, 0).get("converted").y(), arm(1000, 100, 0, 0).get("converted").y());
        assertThat(r.result().pValue()).isCloseTo(expected.pValue(), within(1e-12));
        assertThat(r.result().absLift()).isCloseTo(0.03, within(1e-12));
    }

    @Test
    void holmAndBhCorrectRawAndCupedFamiliesSeparately() {
        List<ExperimentAnalysis.Row> rows = analyse(null).rows();
        for (boolean adjusted : new boolean[] {false, true}) {
            List<ExperimentAnalysis.Row> family = rows.stream().filter(r -> r.adjusted() == adjusted).toList();
            List<Double> p = family.stream().map(r -> r.result().pValue()).toList();
            List<Double> holm = MultipleTesting.holm(p);
            for (int i = 0; i < family.size(); i++) {
                assertThat(family.get(i).pValueHolm()).isEqualTo(holm.get(i));
            }
        }
    }

    @Test
    void sampleRatioMismatchIsReportedOnEveryRow() {
        ExperimentAnalysis.Analysis a = analyse(Map.of("control", 0.8, "b", 0.1, "c", 0.1));
        assertThat(a.srm().flagged()).isTrue();
        assertThat(a.rows()).allSatisfy(r -> assertThat(r.srmPValue()).isEqualTo(a.srm().pValue()));
        assertThat(analyse(null).srm().flagged()).isFalse();
    }

    @Test
    void aVariantWithNoAssignedCustomerGivesAnErrorCodeNotAnException() {
        Map<String, Map<String, RegressionStats>> stats = new LinkedHashMap<>();
        stats.put("control", arm(1000, 100, 5000, 90000));
        ExperimentAnalysis.Analysis a = ExperimentAnalysis.analyse(new ExperimentAnalysis.Input("e1", "control",
                Map.of("control", 0.5, "b", 0.5), stats));
        assertThat(a.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.errorCode()).isEqualTo(StatsErrors.EMPTY_ARM));
    }
}
