package io.showmetrics.core.attribution;

import static io.showmetrics.core.attribution.Fixtures.converted;
import static io.showmetrics.core.attribution.Fixtures.lost;
import static io.showmetrics.core.attribution.Fixtures.touch;
import static io.showmetrics.core.attribution.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MarkovModelTest {
    private static final double EPS = 1e-12;

    /** A,B→visit; A→null; B→visit: P(visit) = 2/3·1/2 + 1/3·1 = 2/3. */
    private static MarkovModel twoShows() {
        return MarkovModel.fit(List.of(converted("A", "B"), lost("A"), converted("B")));
    }

    @Nested
    class Fitting {
        @Test
        void transitionProbabilitiesAreCountsOverTransitionsOutOfTheState() {
            MarkovModel m = twoShows();
            assertThat(m.states()).containsExactly("start", "A", "B", "visit", "null");
            double[][] p = m.transitionMatrix();
            assertThat(p[0]).containsExactly(0, 2.0 / 3, 1.0 / 3, 0, 0);
            assertThat(p[1]).containsExactly(0, 0, 0.5, 0, 0.5);
            assertThat(p[2]).containsExactly(0, 0, 0, 1, 0);
            assertThat(p[3]).containsExactly(0, 0, 0, 1, 0);
            assertThat(p[4]).containsExactly(0, 0, 0, 0, 1);
            assertThat(m.transitionCounts()[0]).containsExactly(0, 2, 1, 0, 0);
            assertThat(m.showTransition("A", "B")).isEqualTo(0.5);
            assertThat(m.pathCount()).isEqualTo(3);
            assertThat(m.convertedPathCount()).isEqualTo(2);
        }

        @Test
        void conversionProbabilityIsTheAbsorptionProbabilityInVisit() {
            assertThat(twoShows().conversionProbability()).isCloseTo(2.0 / 3, within(EPS));
        }

        @Test
        void removalSendsTransitionsIntoTheShowToNull() {
            MarkovModel m = twoShows();
            // without A: only start→B→visit survives, 1/3; without B nothing converts
            assertThat(m.conversionProbabilityWithout("A")).isCloseTo(1.0 / 3, within(EPS));
            assertThat(m.conversionProbabilityWithout("B")).isCloseTo(0, within(EPS));
            assertThat(m.removalEffects()).containsOnlyKeys("A", "B");
            assertThat(m.removalEffect("A")).isCloseTo(0.5, within(EPS));
            assertThat(m.removalEffect("B")).isCloseTo(1.0, within(EPS));
        }

        @Test
        void repeatedShowInAPathIsASelfLoop() {
            // start→A (1), A→A (1), A→B (1), B→visit; plus A→null: P(A→A) = P(A→B) = P(A→null) = 1/3
            MarkovModel m = MarkovModel.fit(List.of(converted("A", "A", "B"), lost("A")));
            assertThat(m.showTransition("A", "A")).isCloseTo(1.0 / 3, within(EPS));
            // x_A = 1/3 x_A + 1/3 → x_A = 1/2
            assertThat(m.conversionProbability()).isCloseTo(0.5, within(EPS));
            assertThat(m.removalEffect("A")).isCloseTo(1.0, within(EPS));
        }

        @Test
        void emptyPathIsADirectTransitionFromStartToItsOutcome() {
            MarkovModel m = MarkovModel.fit(List.of(converted(), converted("A"), lost("A")));
            // start→visit 1/3, start→A 2/3, A→visit 1/2: P = 2/3; without A: 1/3
            assertThat(m.conversionProbability()).isCloseTo(2.0 / 3, within(EPS));
            assertThat(m.removalEffect("A")).isCloseTo(0.5, within(EPS));
        }
    }

    @Nested
    class Loops {
        /** A→B→visit and B→A→null in different journeys: x_A = ½x_B, x_B = ½ + ½x_A. */
        private MarkovModel loop() {
            return MarkovModel.fit(List.of(converted("A", "B"), lost("B", "A")));
        }

        @Test
        void absorptionIsSolvedExactlyThroughTheCycle() {
            // x_B = 2/3, x_A = 1/3, P = ½(1/3 + 2/3) = 1/2
            assertThat(loop().conversionProbability()).isCloseTo(0.5, within(EPS));
        }

        @Test
        void removalEffectsOfACycle() {
            MarkovModel m = loop();
            // without A: B→visit ½ only from start→B: ¼ → RE 1/2; without B: nothing converts → RE 1
            assertThat(m.conversionProbabilityWithout("A")).isCloseTo(0.25, within(EPS));
            assertThat(m.removalEffect("A")).isCloseTo(0.5, within(EPS));
            assertThat(m.removalEffect("B")).isCloseTo(1.0, within(EPS));
        }

        @Test
        void creditSplitsByRemovalEffect() {
            Map<String, Double> c = loop().credit(visit(touch("A", 8), touch("B", 9)));
            assertThat(c.get("A")).isCloseTo(1.0 / 3, within(EPS));
            assertThat(c.get("B")).isCloseTo(2.0 / 3, within(EPS));
        }
    }

    @Nested
    class Credit {
        @Test
        void singleTouchGetsAllTheCredit() {
            assertThat(twoShows().credit(visit(touch("A", 9)))).containsExactly(Map.entry("A", 1.0));
        }

        @Test
        void twoTouchesShareInProportionToRemovalEffects() {
            JourneyCredit c = twoShows().attribute(visit(touch("B", 9), touch("A", 8)));
            assertThat(c.linearFallback()).isFalse();
            assertThat(c.credit().keySet()).containsExactly("A", "B");
            assertThat(c.credit().get("A")).isCloseTo(1.0 / 3, within(EPS));
            assertThat(c.credit().get("B")).isCloseTo(2.0 / 3, within(EPS));
        }

        @Test
        void showOutsideTheWindowIsNotCredited() {
            assertThat(twoShows().credit(visit(touch("A", 3), touch("B", 9)))).containsExactly(Map.entry("B", 1.0));
        }

        @Test
        void showThatOnlyLeadsToNullHasExactlyZeroEffect() {
            MarkovModel m = MarkovModel.fit(List.of(converted("A"), lost("A", "E"), lost("E"), lost("E", "E")));
            assertThat(m.removalEffect("E")).isZero();
            JourneyCredit c = m.attribute(visit(touch("A", 8), touch("E", 9)));
            assertThat(c.credit()).containsExactly(Map.entry("A", 1.0), Map.entry("E", 0.0));
            assertThat(c.linearFallback()).isFalse();
        }
    }

    @Nested
    class Degenerate {
        @Test
        void noPathsGivesZeroConversionAndLinearFallback() {
            MarkovModel m = MarkovModel.fit(List.of());
            assertThat(m.conversionProbability()).isZero();
            assertThat(m.removalEffects()).isEmpty();
            assertThat(m.states()).containsExactly("start", "visit", "null");
            assertThat(m.transitionMatrix()[0]).containsExactly(0, 0, 1);
            JourneyCredit c = m.attribute(visit(touch("A", 8), touch("B", 9)));
            assertThat(c.linearFallback()).isTrue();
            assertThat(c.credit()).containsExactly(Map.entry("A", 0.5), Map.entry("B", 0.5));
        }

        @Test
        void noConvertedPathGivesZeroEffectsAndLinearFallback() {
            MarkovModel m = MarkovModel.fit(List.of(lost("A", "B"), lost("B")));
            assertThat(m.conversionProbability()).isZero();
            assertThat(m.removalEffects()).containsExactly(Map.entry("A", 0.0), Map.entry("B", 0.0));
            assertThat(m.conversionProbabilityWithout("A")).isZero();
            JourneyCredit c = m.attribute(visit(touch("A", 8), touch("B", 9)));
            assertThat(c.linearFallback()).isTrue();
            assertThat(c.credit().values()).containsExactly(0.5, 0.5);
        }

        @Test
        void journeyWhoseShowsAreAbsentFromTheChainFallsBackToLinear() {
            MarkovModel m = twoShows();
            assertThat(m.removalEffect("X")).isZero();
            assertThat(m.conversionProbabilityWithout("X")).isCloseTo(2.0 / 3, within(EPS));
            JourneyCredit c = m.attribute(visit(touch("X", 8), touch("Y", 9)));
            assertThat(c.linearFallback()).isTrue();
            assertThat(c.credit()).containsExactly(Map.entry("X", 0.5), Map.entry("Y", 0.5));
        }

        @Test
        void absentShowBesideAKnownOneGetsZero() {
            JourneyCredit c = twoShows().attribute(visit(touch("X", 8), touch("A", 9)));
            assertThat(c.linearFallback()).isFalse();
            assertThat(c.credit()).containsExactly(Map.entry("X", 0.0), Map.entry("A", 1.0));
        }

        @Test
        void journeyWithoutTouchInItsWindowGetsEmptyCredit() {
            JourneyCredit c = twoShows().attribute(visit());
            assertThat(c.credit()).isEmpty();
            assertThat(c.linearFallback()).isFalse();
        }

        @Test
        void showIdsThatLookLikeStateNamesAreOrdinaryShows() {
            MarkovModel m = MarkovModel.fit(List.of(converted("start", "visit"), lost("null")));
            assertThat(m.states()).containsExactly("start", "null", "start", "visit", "visit", "null");
            assertThat(m.conversionProbability()).isCloseTo(0.5, within(EPS));
            assertThat(m.removalEffect("visit")).isCloseTo(1.0, within(EPS));
            assertThat(m.removalEffect("null")).isZero();
        }
    }
}
