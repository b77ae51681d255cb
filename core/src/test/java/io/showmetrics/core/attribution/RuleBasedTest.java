package io.showmetrics.core.attribution;

import static io.showmetrics.core.attribution.Fixtures.DAY;
import static io.showmetrics.core.attribution.Fixtures.touch;
import static io.showmetrics.core.attribution.Fixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RuleBasedTest {
    private static final double EPS = 1e-12;

    @Nested
    class EveryRuleModel {
        @ParameterizedTest
        @EnumSource(value = Model.class, names = {"LAST_TOUCH", "FIRST_TOUCH", "LINEAR", "TIME_DECAY"})
        void singleTouchGetsAllTheCredit(Model model) {
            assertThat(RuleBased.credit(model, visit(touch("A", 6.3)))).containsExactly(entry("A", 1.0));
        }

        @ParameterizedTest
        @EnumSource(value = Model.class, names = {"LAST_TOUCH", "FIRST_TOUCH", "LINEAR", "TIME_DECAY"})
        void visitWithoutTouchInItsWindowGetsNoCredit(Model model) {
            assertThat(RuleBased.credit(model, visit())).isEmpty();
            assertThat(RuleBased.credit(model, visit(touch("A", 3), touch("B", 11)))).isEmpty();
        }

        @Test
        void markovIsNotRuleBased() {
            assertThatThrownBy(() -> RuleBased.credit(Model.MARKOV, visit(touch("A", 9))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MarkovModel.fit");
        }
    }

    @Nested
    class LastTouch {
        @Test
        void latestEndingShowTakesAll() {
            assertThat(RuleBased.credit(Model.LAST_TOUCH, visit(touch("B", 9), touch("A", 5), touch("C", 7))))
                    .containsExactly(entry("B", 1.0));
        }

        @Test
        void equalEndTimesGoToTheGreatestShowId() {
            assertThat(RuleBased.credit(Model.LAST_TOUCH, visit(touch("B", 9), touch("C", 9), touch("A", 9))))
                    .containsExactly(entry("C", 1.0));
        }

        @Test
        void showEndingAfterTheVisitIsIgnored() {
            assertThat(RuleBased.credit(Model.LAST_TOUCH, visit(touch("A", 8), touch("LATER", 10.5))))
                    .containsExactly(entry("A", 1.0));
        }
    }

    @Nested
    class FirstTouch {
        @Test
        void earliestEndingShowTakesAll() {
            assertThat(RuleBased.credit(Model.FIRST_TOUCH, visit(touch("B", 9), touch("A", 5), touch("C", 7))))
                    .containsExactly(entry("A", 1.0));
        }

        @Test
        void equalEndTimesGoToTheSmallestShowId() {
            assertThat(RuleBased.credit(Model.FIRST_TOUCH, visit(touch("B", 4), touch("C", 4), touch("D", 9))))
                    .containsExactly(entry("B", 1.0));
        }

        @Test
        void showEndingExactlySevenDaysBeforeTheVisitIsOutsideTheWindow() {
            assertThat(RuleBased.credit(Model.FIRST_TOUCH, visit(touch("EDGE", 3), touch("A", 3.001))))
                    .containsExactly(entry("A", 1.0));
        }
    }

    @Nested
    class Linear {
        @Test
        void threeShowsGetAThirdEach() {
            Map<String, Double> c = RuleBased.credit(Model.LINEAR, visit(touch("A", 5), touch("B", 6), touch("C", 7)));
            assertThat(c).containsOnlyKeys("A", "B", "C");
            c.values().forEach(v -> assertThat(v).isCloseTo(1.0 / 3, within(EPS)));
        }

        @Test
        void showListedTwiceCountsOnce() {
            assertThat(RuleBased.credit(Model.LINEAR, visit(touch("A", 5), touch("A", 6), touch("B", 7))))
                    .containsExactly(entry("A", 0.5), entry("B", 0.5));
        }

        @Test
        void creditsAreInTouchOrder() {
            assertThat(RuleBased.credit(Model.LINEAR, visit(touch("Z", 5), touch("A", 9), touch("M", 5))).keySet())
                    .containsExactly("M", "Z", "A");
        }
    }

    @Nested
    class TimeDecay {
        @Test
        void zeroAndTwoDaysBeforeTheVisitWeighTwoThirdsAndOneThird() {
            Map<String, Double> c = RuleBased.credit(Model.TIME_DECAY, visit(touch("NOW", 10), touch("TWO_DAYS", 8)));
            assertThat(c.get("NOW")).isCloseTo(2.0 / 3, within(EPS));
            assertThat(c.get("TWO_DAYS")).isCloseTo(1.0 / 3, within(EPS));
        }

        @Test
        void weightsHalveEveryTwoDays() {
            Map<String, Double> c = RuleBased.credit(Model.TIME_DECAY,
                    visit(touch("A", 10), touch("B", 8), touch("C", 6)));
            // weights 1, 1/2, 1/4 → 4/7, 2/7, 1/7
            assertThat(c.get("A")).isCloseTo(4.0 / 7, within(EPS));
            assertThat(c.get("B")).isCloseTo(2.0 / 7, within(EPS));
            assertThat(c.get("C")).isCloseTo(1.0 / 7, within(EPS));
        }

        @Test
        void equalEndTimesShareEqually() {
            Map<String, Double> c = RuleBased.credit(Model.TIME_DECAY, visit(touch("A", 9), touch("B", 9)));
            assertThat(c).containsExactly(entry("A", 0.5), entry("B", 0.5));
        }

        @Test
        void halfLifeAndWindowAreTwoAndSevenDays() {
            assertThat(Attribution.HALF_LIFE_MILLIS).isEqualTo(2 * DAY);
            assertThat(Attribution.WINDOW_MILLIS).isEqualTo(7 * DAY);
        }
    }

    @Test
    void inWindowKeepsLatestEndOfARepeatedShowAndOrdersByEndThenId() {
        Journey j = visit(touch("B", 9), touch("A", 4), touch("A", 9), touch("OLD", 1), touch("C", 2.5));
        assertThat(Attribution.inWindow(j)).containsExactly(touch("A", 9), touch("B", 9));
        assertThat(Attribution.inWindow(visit(touch("X", 10)))).isEqualTo(List.of(touch("X", 10)));
    }
}
