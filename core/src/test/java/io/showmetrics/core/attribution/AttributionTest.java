package io.showmetrics.core.attribution;

import static io.showmetrics.core.attribution.Fixtures.DAY;
import static io.showmetrics.core.attribution.Fixtures.at;
import static io.showmetrics.core.attribution.Fixtures.converted;
import static io.showmetrics.core.attribution.Fixtures.lost;
import static io.showmetrics.core.attribution.Fixtures.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttributionTest {

    @Nested
    class PathsOfOneCustomer {
        @Test
        void visitGetsAConvertedPathOfTheShowsInItsWindowInEndOrder() {
            List<Path> p = Attribution.paths(List.of(touch("B", 9), touch("A", 5), touch("OLD", 1)), List.of(at(10)));
            assertThat(p).containsExactly(converted("A", "B"), lost("OLD"));
        }

        @Test
        void visitAtTheShowEndIsInfluencedAndOneSevenDaysLaterIsNot() {
            assertThat(Attribution.paths(List.of(touch("A", 3)), List.of(at(3)))).containsExactly(converted("A"));
            assertThat(Attribution.paths(List.of(touch("A", 3)), List.of(at(10)))).containsExactly(lost("A"));
            assertThat(Attribution.paths(List.of(touch("A", 3)), List.of(at(10) - 1))).containsExactly(converted("A"));
        }

        @Test
        void showWithoutFollowingVisitGetsANullPathOfTheShowsEndedInTheSevenDaysUpToIt() {
            List<Touch> watched = List.of(touch("A", 1), touch("B", 4), touch("C", 8), touch("D", 8));
            assertThat(Attribution.paths(watched, List.of())).containsExactly(
                    lost("A"), lost("A", "B"), lost("B", "C", "D"), lost("B", "C", "D"));
        }

        @Test
        void visitBeforeTheShowDoesNotCountAsFollowingIt() {
            assertThat(Attribution.paths(List.of(touch("A", 5)), List.of(at(4)))).containsExactly(lost("A"));
        }

        @Test
        void everyVisitGetsItsOwnPath() {
            assertThat(Attribution.paths(List.of(touch("A", 5)), List.of(at(6), at(7))))
                    .containsExactly(converted("A"), converted("A"));
        }
    }

    @Nested
    class CreditAll {
        @Test
        void rulesIgnoreTheChainAndMarkovUsesIt() {
            List<Journey> js = List.of(Fixtures.visit(touch("A", 8), touch("B", 9)));
            assertThat(Attribution.creditAll(Model.LAST_TOUCH, js, null).get(0).credit())
                    .containsExactly(Map.entry("B", 1.0));
            MarkovModel m = MarkovModel.fit(List.of(converted("A", "B"), lost("A"), converted("B")));
            JourneyCredit c = Attribution.creditAll(Model.MARKOV, js, m).get(0);
            assertThat(c.model()).isEqualTo(Model.MARKOV);
            assertThat(c.credit().get("B")).isCloseTo(2.0 / 3, within(1e-12));
        }

        @Test
        void markovWithoutAFittedChainIsAContractViolation() {
            assertThatThrownBy(() -> Attribution.creditAll(Model.MARKOV, List.of(), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void totalsSumCreditPerShow() {
            List<Journey> js = List.of(Fixtures.visit(touch("A", 8), touch("B", 9)), Fixtures.visit(touch("A", 9)));
            assertThat(Attribution.totals(Attribution.creditAll(Model.LINEAR, js, null)))
                    .containsExactly(Map.entry("A", 1.5), Map.entry("B", 0.5));
        }

        @ParameterizedTest
        @ValueSource(strings = {"last_touch", "first_touch", "linear", "time_decay", "markov", " Markov "})
        void modelsAreNamedAsInTheSpec(String name) {
            assertThat(Model.fromSpecName(name).specName()).isEqualTo(name.strip().toLowerCase());
        }

        @Test
        void unknownModelNameListsTheKnownOnes() {
            assertThatThrownBy(() -> Model.fromSpecName("shapley")).hasMessageContaining("time_decay");
        }
    }

    @Nested
    class InvariantsOnRandomData {
        private final List<Journey> journeys = new ArrayList<>();
        private final List<Path> paths = new ArrayList<>();

        InvariantsOnRandomData() {
            Random rnd = new Random(20261122L);
            int shows = 40;
            long[] ends = new long[shows];
            for (int s = 0; s < shows; s++) {
                // hour resolution, so some shows end at the same instant
                ends[s] = at(0) + rnd.nextInt(60 * 24) * 3_600_000L;
            }
            for (int c = 0; c < 800; c++) {
                List<Touch> watched = new ArrayList<>();
                int k = 1 + rnd.nextInt(6);
                for (int i = 0; i < k; i++) {
                    int s = rnd.nextInt(shows);
                    watched.add(new Touch("s" + s, ends[s]));
                }
                List<Long> visits = new ArrayList<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    visits.add(at(0) + (long) (rnd.nextDouble() * 66 * DAY));
                }
                paths.addAll(Attribution.paths(watched, visits));
                for (long v : visits) {
                    Journey j = new Journey("c" + c + "@" + v, v, watched);
                    if (!Attribution.inWindow(j).isEmpty()) {
                        journeys.add(j);
                    }
                }
            }
        }

        @ParameterizedTest
        @EnumSource(Model.class)
        void creditsPerVisitAreNonNegativeAndSumToOne(Model model) {
            MarkovModel m = MarkovModel.fit(paths);
            assertThat(journeys).hasSizeGreaterThan(300);
            for (JourneyCredit c : Attribution.creditAll(model, journeys, m)) {
                double sum = 0;
                for (double v : c.credit().values()) {
                    assertThat(v).isGreaterThanOrEqualTo(0).isFinite();
                    sum += v;
                }
                assertThat(sum).as(c.visitId()).isCloseTo(1.0, within(1e-12));
            }
        }

        @ParameterizedTest
        @EnumSource(Model.class)
        void eachModelsTotalIsTheNumberOfInfluencedVisits(Model model) {
            Map<String, Double> totals = Attribution.totals(Attribution.creditAll(model, journeys, MarkovModel.fit(paths)));
            double sum = totals.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).isCloseTo(journeys.size(), within(1e-9));
        }

        @Test
        void removalEffectsLieBetweenZeroAndOneAndMatchTheirDefinition() {
            MarkovModel m = MarkovModel.fit(paths);
            assertThat(m.conversionProbability()).isStrictlyBetween(0.0, 1.0);
            m.removalEffects().forEach((show, re) -> {
                assertThat(re).isBetween(0.0, 1.0);
                assertThat(re).isCloseTo(1 - m.conversionProbabilityWithout(show) / m.conversionProbability(),
                        within(1e-12));
            });
        }

        @Test
        void randomChainsWithLoopsAndRepeatsKeepTheInvariants() {
            Random rnd = new Random(7L);
            for (int round = 0; round < 30; round++) {
                List<Path> ps = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    List<String> shows = new ArrayList<>();
                    for (int k = rnd.nextInt(5); k >= 0; k--) {
                        shows.add("r" + rnd.nextInt(8));
                    }
                    ps.add(new Path(shows, rnd.nextDouble() < 0.4));
                }
                MarkovModel m = MarkovModel.fit(ps);
                assertThat(m.conversionProbability()).isBetween(0.0, 1.0);
                for (double re : m.removalEffects().values()) {
                    assertThat(re).isBetween(0.0, 1.0);
                }
                for (double[] row : m.transitionMatrix()) {
                    assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-12));
                }
            }
        }
    }

    @Test
    void sixHundredShowChainFitsWithinSeconds() {
        Random rnd = new Random(3L);
        List<Path> ps = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int first = rnd.nextInt(600);
            ps.add(new Path(List.of("s" + first, "s" + (first + 1 + rnd.nextInt(5)) % 600), rnd.nextBoolean()));
        }
        long t0 = System.nanoTime();
        MarkovModel m = MarkovModel.fit(ps);
        assertThat(m.shows()).hasSize(600);
        assertThat(System.nanoTime() - t0).isLessThan(20_000_000_000L);
    }
}
