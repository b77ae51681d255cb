package io.showmetrics.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.showmetrics.core.stats.RegressionStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision rules of SPEC section 6 on hand-made experiments, one rule per test, in the rules' order. */
class ExperimentDecisionTest {
    /** An arm: {@code conv} of {@code n} converted, revenue sum and sum of squares, no pre-period (CUPED = raw). */
    private static Map<String, RegressionStats> arm(long n, long conv, double revenue, double revenue2) {
        Map<String, RegressionStats> m = new LinkedHashMap<>();
        m.put("converted", new RegressionStats(n, conv, conv, 0, 0, 0));
        m.put("revenue", new RegressionStats(n, revenue, revenue2, 0, 0, 0));
        m.put("visited_store", new RegressionStats(n, n / 10, n / 10, 0, 0, 0));
        return m;
    }

    private static ExperimentDecision.Decision decideOne(Map<String, RegressionStats> control,
            Map<String, RegressionStats> treatment, Map<String, Double> split, String primary) {
        Map<String, Map<String, RegressionStats>> stats = new LinkedHashMap<>();
        stats.put("control", control);
        stats.put("b", treatment);
        ExperimentAnalysis.Analysis a = ExperimentAnalysis.analyse(new ExperimentAnalysis.Input("e1", "control",
                split, stats));
        List<ExperimentDecision.Decision> d = ExperimentDecision.decide(a, primary);
        assertThat(d).hasSize(1);
        return d.get(0);
    }

    @Test
    void aClearWinShipsWithItsLiftAndPValueInWords() {
        ExperimentDecision.Decision d = decideOne(arm(5000, 250, 50_000, 2_000_000), arm(5000, 400, 50_500, 2_010_000),
                null, "conversion");
        assertThat(d.metric()).isEqualTo("converted");
        assertThat(d.decision()).isEqualTo(ExperimentDecision.SHIP);
        assertThat(d.reason()).startsWith("Ship b: converted +60.0% against control (Holm-adjusted p = ");
        assertThat(d.power10pct()).isBetween(0.0, 1.0);
        assertThat(d.mdeAbs()).isPositive();
    }

    @Test
    void aClearLossIsNoShip() {
        ExperimentDecision.Decision d = decideOne(arm(5000, 400, 50_000, 2_000_000), arm(5000, 250, 50_500, 2_010_000),
                null, null);
        assertThat(d.decision()).isEqualTo(ExperimentDecision.NO_SHIP);
        assertThat(d.reason()).startsWith("Don't ship b: converted -37.5% against control");
    }

    @Test
    void aGuardrailBreachOverridesAWinningPrimaryMetric() {
        // Conversion up, revenue per customer down by half with a tight CI: the guardrail wins.
        ExperimentDecision.Decision d = decideOne(arm(5000, 250, 100_000, 2_500_000), arm(5000, 400, 50_000, 700_000),
                null, "converted");
        assertThat(d.decision()).isEqualTo(ExperimentDecision.GUARDRAIL);
        assertThat(d.reason()).startsWith("Guardrail: revenue fell (relative lift -50.0%, 95% CI ")
                .endsWith("for b, so do not ship it whatever converted says.");
    }

    @Test
    void aSampleRatioMismatchBlocksEverythingElse() {
        ExperimentDecision.Decision d = decideOne(arm(5000, 250, 50_000, 2_000_000), arm(4000, 400, 40_400, 1_610_000),
                null, "converted");
        assertThat(d.decision()).isEqualTo(ExperimentDecision.SRM_BLOCKED);
        assertThat(d.reason()).startsWith("Blocked by a sample-ratio mismatch");
        // The same counts under the planned 5:4 split are not a mismatch.
        ExperimentDecision.Decision planned = decideOne(arm(5000, 250, 50_000, 2_000_000),
                arm(4000, 400, 40_400, 1_610_000), Map.of("control", 5.0 / 9, "b", 4.0 / 9), "converted");
        assertThat(planned.decision()).isEqualTo(ExperimentDecision.SHIP);
    }

    @Test
    void noDifferenceIsInconclusiveAndSaysWhatItWouldTake() {
        ExperimentDecision.Decision d = decideOne(arm(1000, 50, 10_000, 400_000), arm(1000, 52, 10_100, 404_000),
                null, "converted");
        assertThat(d.decision()).isEqualTo(ExperimentDecision.INCONCLUSIVE);
        assertThat(d.reason()).contains("converted +4.0% for b (Holm-adjusted p = ").contains("not below 0.05")
                .contains("Power to detect a 10% lift now: ").contains("assigned customers in all would give 80%");
        assertThat(d.nNeeded10pct()).isGreaterThan(2000.0);
    }

    @Test
    void aZeroVarianceArmIsInconclusiveWithNullSensitivity() {
        // Nobody converted in either arm: no SE, no test.
        ExperimentDecision.Decision d = decideOne(arm(1000, 0, 10_000, 400_000), arm(1000, 0, 10_100, 404_000),
                null, "converted");
        assertThat(d.decision()).isEqualTo(ExperimentDecision.INCONCLUSIVE);
        assertThat(d.reason()).isEqualTo("Inconclusive: converted has no test for b yet (zero variance).");
        assertThat(d.mdeAbs()).isNull();
        assertThat(d.power10pct()).isNull();
        assertThat(d.nNeeded10pct()).isNull();
    }

    @Test
    void thePlannerRefusesInputsOutsideTheirRangeByName() {
        assertThatThrownBy(() -> ExperimentPlanner.plan(1.2, 0.1, 0.5, 0.05, 0.8, null))
                .hasMessageStartingWith("baseline must be between 0 and 1");
        assertThatThrownBy(() -> ExperimentPlanner.plan(0.6, 1.0, 0.5, 0.05, 0.8, null))
                .hasMessageContaining("treatment rate of 1.2, outside (0, 1)");
        assertThatThrownBy(() -> ExperimentPlanner.plan(0.05, 0, 0.5, 0.05, 0.8, null))
                .hasMessageStartingWith("lift must be a relative change other than 0");
    }
}
