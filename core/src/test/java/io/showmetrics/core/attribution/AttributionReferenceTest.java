package io.showmetrics.core.attribution;

import io.showmetrics.core.testing.MiniJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code attribution/reference.json}, produced by {@code attribution/make_reference.py} with numpy
 * by a different method (fundamental matrix N = (I − Q)⁻¹, the chain literally rebuilt for each removal; Java
 * uses one LU factorisation and the first-passage identity), must be reproduced: P(visit), P(visit | s removed),
 * removal effects and the per-journey credits of all five models to an absolute 1e-9 (every value is a
 * probability or a credit in [0, 1]); key sets, fallback flags and the paths built from customer histories
 * exactly.
 */
class AttributionReferenceTest {
    static final double TOLERANCE = 1e-9;
    private static final Map<String, Object> REFERENCE = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = AttributionReferenceTest.class.getResourceAsStream("/attribution/reference.json")) {
            if (in == null) {
                throw new IllegalStateException("attribution/reference.json is missing from the test resources");
            }
            return (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() {
        return (List<Map<String, Object>>) (List<?>) REFERENCE.get("cases");
    }

    @Test
    void referenceFileHasAtLeastEightCasesAndStatesTheTolerance() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(8);
        assertThat((Double) REFERENCE.get("tolerance")).isEqualTo(TOLERANCE);
        assertThat(cases()).extracting(c -> c.get("name")).contains("loops_ab_and_ba", "single_touch_paths",
                "show_never_leads_to_visit", "only_null_paths_for_a_show", "ties_in_end_time", "no_converted_path");
    }

    @TestFactory
    Stream<DynamicTest> markovChainMatchesTheFundamentalMatrixReference() {
        return cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            MarkovModel m = MarkovModel.fit(paths(list(c, "paths")));
            Map<String, Object> expected = map(c, "expected");
            assertThat(m.conversionProbability()).as("P(visit)")
                    .isCloseTo(num(expected.get("p_visit")), within(TOLERANCE));
            Map<String, Object> effects = map(expected, "removal_effects");
            assertThat(m.removalEffects().keySet()).containsExactlyInAnyOrderElementsOf(effects.keySet());
            effects.forEach((show, re) -> assertThat(m.removalEffect(show)).as("RE " + show)
                    .isCloseTo(num(re), within(TOLERANCE)));
            map(expected, "p_visit_without").forEach((show, p) -> assertThat(m.conversionProbabilityWithout(show))
                    .as("P(visit | %s removed)", show).isCloseTo(num(p), within(TOLERANCE)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyModelsCreditsMatchTheReference() {
        return cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            MarkovModel m = MarkovModel.fit(paths(list(c, "paths")));
            List<Journey> journeys = journeys(list(c, "journeys"));
            List<Object> expected = list(map(c, "expected"), "credits");
            assertThat(expected).hasSameSizeAs(journeys);
            for (Model model : Model.values()) {
                List<JourneyCredit> actual = Attribution.creditAll(model, journeys, m);
                for (int i = 0; i < journeys.size(); i++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> e = (Map<String, Object>) expected.get(i);
                    assertThat(actual.get(i).visitId()).isEqualTo(e.get("visit_id"));
                    assertCredit(model + " " + e.get("visit_id"), actual.get(i).credit(), map(e, model.specName()));
                    if (model == Model.MARKOV) {
                        assertThat(actual.get(i).linearFallback()).as("fallback " + e.get("visit_id"))
                                .isEqualTo(e.get("markov_fallback"));
                    }
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> pathsBuiltFromCustomerHistoriesMatchTheReference() {
        return cases().stream().filter(c -> c.containsKey("customers"))
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
                    for (Object o : list(c, "customers")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> customer = (Map<String, Object>) o;
                        List<Long> visits = new ArrayList<>();
                        for (Object v : list(customer, "visits")) {
                            visits.add(Math.round(num(v)));
                        }
                        assertThat(Attribution.paths(touches(list(customer, "watched")), visits))
                                .isEqualTo(paths(list(customer, "paths")));
                    }
                }));
    }

    private static void assertCredit(String what, Map<String, Double> actual, Map<String, Object> expected) {
        assertThat(actual.keySet()).as(what).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((show, v) -> assertThat(actual.get(show)).as(what + " " + show)
                .isCloseTo(num(v), within(TOLERANCE)));
    }

    private static List<Path> paths(List<Object> raw) {
        List<Path> out = new ArrayList<>();
        for (Object o : raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) o;
            List<String> shows = new ArrayList<>();
            for (Object s : list(p, "shows")) {
                shows.add((String) s);
            }
            out.add(new Path(shows, (Boolean) p.get("converted")));
        }
        return out;
    }

    private static List<Journey> journeys(List<Object> raw) {
        List<Journey> out = new ArrayList<>();
        for (Object o : raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> j = (Map<String, Object>) o;
            out.add(new Journey((String) j.get("visit_id"), Math.round(num(j.get("visit_millis"))),
                    touches(list(j, "touches"))));
        }
        return out;
    }

    private static List<Touch> touches(List<Object> raw) {
        List<Touch> out = new ArrayList<>();
        for (Object o : raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> t = (Map<String, Object>) o;
            out.add(new Touch((String) t.get("show_id"), Math.round(num(t.get("end_millis")))));
        }
        return out;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        return (List<Object>) m.get(key);
    }
}
