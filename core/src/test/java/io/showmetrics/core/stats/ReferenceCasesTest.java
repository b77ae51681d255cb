package io.showmetrics.core.stats;

import io.showmetrics.core.testing.MiniJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code stats/reference.json}, produced by {@code stats/make_reference.py} with SciPy and
 * statsmodels from raw rows, must be reproduced from the sufficient statistics alone.
 *
 * <p>Tolerance: {@code |actual − expected| ≤ 1e-6 · max(1, |expected|)}, i.e. absolute 1e-6 for values up to
 * 1 in magnitude (rates, lifts) and relative 1e-6 above; p-values are held to the stricter relative
 * {@code 1e-6 · |expected|}, so tail p-values such as 1e-52 must agree in their leading digits too. Nulls,
 * error codes and flags must match exactly.
 */
class ReferenceCasesTest {
    static final double TOLERANCE = 1e-6;
    private static final Map<String, Object> REFERENCE = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = ReferenceCasesTest.class.getResourceAsStream("/stats/reference.json")) {
            if (in == null) {
                throw new IllegalStateException("stats/reference.json is missing from the test resources");
            }
            return (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases(String type) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object c : (List<Object>) REFERENCE.get("cases")) {
            Map<String, Object> m = (Map<String, Object>) c;
            if (type.equals(m.get("type"))) {
                out.add(m);
            }
        }
        return out;
    }

    private static Stream<DynamicTest> each(String type, java.util.function.Consumer<Map<String, Object>> check) {
        List<Map<String, Object>> cases = cases(type);
        assertThat(cases).as("reference cases of type " + type).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check.accept(c)));
    }

    @Test
    void referenceFileHasAtLeastThirtyCasesAndStatesTheTolerance() {
        assertThat((List<?>) REFERENCE.get("cases")).hasSizeGreaterThanOrEqualTo(30);
        assertThat((Double) REFERENCE.get("tolerance")).isEqualTo(TOLERANCE);
    }

    @Nested
    class BinaryProportions {
        @TestFactory
        Stream<DynamicTest> matchStatsmodelsUnpooledWaldTest() {
            return each("binary", c -> assertResult((String) c.get("name"),
                    TwoSampleTests.proportions(sample(c, "treatment"), sample(c, "control")), map(c, "expected")));
        }
    }

    @Nested
    class WelchRevenue {
        @TestFactory
        Stream<DynamicTest> matchStatsmodelsCompareMeansUnequalVariance() {
            return each("welch", c -> assertResult((String) c.get("name"),
                    TwoSampleTests.welch(sample(c, "treatment"), sample(c, "control")), map(c, "expected")));
        }
    }

    @Nested
    class CupedAdjusted {
        @TestFactory
        Stream<DynamicTest> matchRowLevelAdjustmentThenRawTest() {
            return each("cuped", c -> {
                String name = (String) c.get("name");
                Map<String, Object> e = map(c, "expected");
                CupedResult r = Cuped.analyse(MetricKind.valueOf((String) c.get("kind")),
                        regression(c, "treatment"), regression(c, "control"));
                assertResult(name + " raw", r.raw(), map(e, "raw"));
                assertResult(name + " adjusted", r.adjusted(), map(e, "adjusted"));
                assertNumber(name, "theta", r.theta(), (Double) e.get("theta"));
                assertNumber(name, "varianceReduction", r.varianceReduction(), (Double) e.get("varianceReduction"));
                assertThat(r.errorCode()).as(name + " errorCode").isEqualTo(e.get("errorCode"));
            });
        }
    }

    @Nested
    class SequentialAlwaysValid {
        @TestFactory
        Stream<DynamicTest> matchGrowthBookFormulaInNumpy() {
            return each("sequential", c -> assertResult((String) c.get("name"),
                    TwoSampleTests.sequential(MetricKind.valueOf((String) c.get("kind")), sample(c, "treatment"),
                            sample(c, "control"), (Double) c.get("tuningParameter")),
                    map(c, "expected")));
        }
    }

    @Nested
    class SampleRatio {
        @TestFactory
        @SuppressWarnings("unchecked")
        Stream<DynamicTest> matchScipyChisquare() {
            return each("srm", c -> {
                String name = (String) c.get("name");
                Map<String, Long> observed = new LinkedHashMap<>();
                ((Map<String, Object>) c.get("observed")).forEach((k, v) -> observed.put(k, ((Double) v).longValue()));
                Map<String, Double> split = null;
                if (c.get("expectedSplit") != null) {
                    split = new LinkedHashMap<>();
                    for (Map.Entry<String, Object> en : ((Map<String, Object>) c.get("expectedSplit")).entrySet()) {
                        split.put(en.getKey(), (Double) en.getValue());
                    }
                }
                SrmResult r = SampleRatioMismatch.test(observed, split);
                Map<String, Object> e = map(c, "expected");
                assertNumber(name, "chiSquare", r.chiSquare(), (Double) e.get("chiSquare"));
                assertNumber(name, "degreesOfFreedom",
                        r.degreesOfFreedom() == null ? null : r.degreesOfFreedom().doubleValue(),
                        (Double) e.get("degreesOfFreedom"));
                assertNumber(name, "pValue", r.pValue(), (Double) e.get("pValue"));
                assertThat(r.flagged()).as(name + " flagged").isEqualTo(e.get("flagged"));
                assertThat(r.errorCode()).as(name + " errorCode").isEqualTo(e.get("errorCode"));
            });
        }
    }

    @Nested
    class MultipleTestingCorrections {
        @TestFactory
        @SuppressWarnings("unchecked")
        Stream<DynamicTest> matchStatsmodelsMultipletests() {
            return each("multiple", c -> {
                String name = (String) c.get("name");
                List<Double> p = new ArrayList<>();
                ((List<Object>) c.get("pValues")).forEach(v -> p.add((Double) v));
                Map<String, Object> e = map(c, "expected");
                assertList(name + " holm", MultipleTesting.holm(p), (List<Object>) e.get("holm"));
                assertList(name + " bh", MultipleTesting.benjaminiHochberg(p), (List<Object>) e.get("benjaminiHochberg"));
            });
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    static SampleStats sample(Map<String, Object> c, String arm) {
        Map<String, Object> s = map(c, arm);
        return new SampleStats(((Double) s.get("n")).longValue(), (Double) s.get("sum"), (Double) s.get("sumSquares"));
    }

    static RegressionStats regression(Map<String, Object> c, String arm) {
        Map<String, Object> s = map(c, arm);
        return new RegressionStats(((Double) s.get("n")).longValue(), (Double) s.get("sumY"), (Double) s.get("sumY2"),
                (Double) s.get("sumX"), (Double) s.get("sumX2"), (Double) s.get("sumXY"));
    }

    static void assertResult(String name, TwoSampleResult r, Map<String, Object> e) {
        assertThat(r.n()).as(name + " n").isEqualTo(((Double) e.get("n")).longValue());
        assertThat(r.controlN()).as(name + " controlN").isEqualTo(((Double) e.get("controlN")).longValue());
        assertNumber(name, "value", r.value(), (Double) e.get("value"));
        assertNumber(name, "controlValue", r.controlValue(), (Double) e.get("controlValue"));
        assertNumber(name, "absLift", r.absLift(), (Double) e.get("absLift"));
        assertNumber(name, "absCiLow", r.absCiLow(), (Double) e.get("absCiLow"));
        assertNumber(name, "absCiHigh", r.absCiHigh(), (Double) e.get("absCiHigh"));
        assertNumber(name, "relLift", r.relLift(), (Double) e.get("relLift"));
        assertNumber(name, "relCiLow", r.relCiLow(), (Double) e.get("relCiLow"));
        assertNumber(name, "relCiHigh", r.relCiHigh(), (Double) e.get("relCiHigh"));
        assertNumber(name, "pValue", r.pValue(), (Double) e.get("pValue"));
        assertNumber(name, "statistic", r.statistic(), (Double) e.get("statistic"));
        assertNumber(name, "degreesOfFreedom", r.degreesOfFreedom(), (Double) e.get("degreesOfFreedom"));
        assertThat(r.errorCode()).as(name + " errorCode").isEqualTo(e.get("errorCode"));
    }

    static void assertList(String name, List<Double> actual, List<Object> expected) {
        assertThat(actual).as(name + " size").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertNumber(name, "[" + i + "]", actual.get(i), (Double) expected.get(i));
        }
    }

    static void assertNumber(String name, String field, Double actual, Double expected) {
        if (expected == null || actual == null) {
            if (expected != actual) {
                fail(name + " " + field + ": expected " + expected + " but was " + actual);
            }
            return;
        }
        assertThat(Double.isFinite(actual)).as(name + " " + field + " finite").isTrue();
        double allowed = field.equals("pValue")
                ? TOLERANCE * Math.abs(expected)
                : TOLERANCE * Math.max(1, Math.abs(expected));
        if (Math.abs(actual - expected) > allowed) {
            fail(name + " " + field + ": expected " + expected + " but was " + actual + " (tolerance " + allowed + ")");
        }
    }
}
