package io.showmetrics.dashboard.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoalBenchmarkTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValue() {
        assertThat(GoalBenchmark.median(List.of(900.0, 100.0, 500.0))).isEqualTo(500.0);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(GoalBenchmark.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void fewerThanThreeShowsGiveNoBenchmark() {
        assertThat(GoalBenchmark.median(List.of(1.0, 2.0))).isNull();
        assertThat(GoalBenchmark.median(List.of())).isNull();
    }

    @ParameterizedTest(name = "target {0} against median 1000: far {1}")
    @CsvSource({"2000, false", "2001, true", "500, false", "499, true", "1000, false", "0, true", "60000, true"})
    void aTargetIsFarBeyondTwiceOrBelowHalfTheMedian(double target, boolean far) {
        assertThat(GoalBenchmark.far(target, 1000)).isEqualTo(far);
    }

    @Test
    void aMedianOfZeroSaysNothingAboutHowFarATargetIs() {
        assertThat(GoalBenchmark.ratio(5, 0)).isNull();
        assertThat(GoalBenchmark.far(5, 0)).isFalse();
    }

    @Test
    void theWarningSaysHowFarAndFromWhat() {
        assertThat(GoalErrors.farFromBenchmark("€60,000.00", 4.84, "€12,400.00", "the 10 shows before this one"))
                .isEqualTo("€60,000.00 is 4.8× the benchmark (€12,400.00, the median of the 10 shows before this one): "
                        + "check the target before saving; a typo in it would make every chart of attainment unreadable.");
        assertThat(GoalErrors.farFromBenchmark("1%", 0.09, "11.4%", "the 5 latest shows"))
                .startsWith("1% is less than half the benchmark (11.4%, the median of the 5 latest shows)");
        assertThat(GoalErrors.farFromBenchmark("100,000", 123.4, "810", "the 10 latest shows"))
                .startsWith("100,000 is 123× the benchmark");
    }
}
