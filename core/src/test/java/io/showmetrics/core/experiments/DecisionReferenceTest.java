package io.showmetrics.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.core.stats.MetricKind;
import io.showmetrics.core.stats.SampleStats;
import io.showmetrics.core.stats.TwoSampleResult;
import io.showmetrics.core.stats.TwoSampleTests;
import io.showmetrics.core.testing.MiniJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code experiments/decision_reference.json}, produced by {@code make_decision_reference.py}
 * with SciPy's {@code norm.ppf}/{@code norm.cdf} (cross-checked against statsmodels' {@code NormalIndPower}),
 * reproduced from the sufficient statistics: numbers to 1e-9 (absolute up to 1, relative above), customer and
 * show counts exactly.
 */
class DecisionReferenceTest {
    static final double TOLERANCE = 1e-9;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases(String type) {
        try (InputStream in = DecisionReferenceTest.class.getResourceAsStream("/experiments/decision_reference.json")) {
            Map<String, Object> all = (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            List<Map<String, Object>> out = ((List<Object>) all.get("cases")).stream()
                    .map(c -> (Map<String, Object>) c).filter(c -> type.equals(c.get("type"))).toList();
            assertThat(out).as("reference cases of type " + type).isNotEmpty();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static SampleStats stats(Map<String, Object> c, String arm) {
        Map<String, Object> a = (Map<String, Object>) c.get(arm);
        return new SampleStats(((Number) a.get("n")).longValue(), num(a, "sum"), num(a, "sum_sq"));
    }

    private static void close(String what, Double actual, double expected) {
        assertThat(actual).as(what).isNotNull();
        assertThat(Math.abs(actual - expected)).as("%s: %s against %s", what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(expected)));
    }

    @TestFactory
    Stream<DynamicTest> sensitivityMatchesScipy() {
        return cases("sensitivity").stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            MetricKind kind = "binary".equals(c.get("kind")) ? MetricKind.BINARY : MetricKind.CONTINUOUS;
            TwoSampleResult r = TwoSampleTests.test(kind, stats(c, "treatment"), stats(c, "control"));
            close("SE", r.standardError(), num(c, "se"));
            ExperimentDecision.Sensitivity s = ExperimentDecision.sensitivity(r);
            close("mde_abs", s.mdeAbs(), num(c, "mde_abs"));
            close("power_10pct", s.power10pct(), num(c, "power_10pct"));
            close("n_needed_10pct", s.nNeeded10pct(), num(c, "n_needed_10pct"));
        }));
    }

    @TestFactory
    Stream<DynamicTest> plannerMatchesTheClosedFormAndStatsmodels() {
        return cases("plan").stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            Double audience = c.get("audience") == null ? null : num(c, "audience");
            ExperimentPlanner.Plan p = ExperimentPlanner.plan(num(c, "baseline"), num(c, "lift"), num(c, "share"),
                    num(c, "alpha"), num(c, "power"), audience);
            assertThat(p.controlCustomers()).isEqualTo(((Number) c.get("control")).longValue());
            assertThat(p.treatmentCustomers()).isEqualTo(((Number) c.get("treatment")).longValue());
            assertThat(p.shows()).isEqualTo(c.get("shows") == null ? null : ((Number) c.get("shows")).longValue());
        }));
    }
}
