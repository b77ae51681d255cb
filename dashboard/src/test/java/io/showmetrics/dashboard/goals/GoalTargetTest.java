package io.showmetrics.dashboard.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoalTargetTest {

    private static double read(String text, String unit) throws GoalTarget.Invalid {
        return GoalTarget.parse(text, unit, "the_metric", null).value();
    }

    private static String refusal(String text, String unit) {
        try {
            GoalTarget.parse(text, unit, "the_metric", 3);
        } catch (GoalTarget.Invalid e) {
            assertThat(e.error().field()).isEqualTo("target");
            assertThat(e.error().line()).isEqualTo(3);
            return e.getMessage();
        }
        throw new AssertionError("'" + text + "' was read as a " + unit + " target");
    }

    @Nested
    class Numbers {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = ';', value = {
                "1500; 1500", "1,000; 1000", "1,500,000; 1500000", "1 000; 1000", "2,500.50; 2500.5", "0.25; 0.25",
                ".5; 0.5", "7.; 7", "1e3; 1000", "+12; 12", "0; 0", "-0; 0", "' 900 '; 900"})
        void plainNumbersWithOrWithoutThousandsSeparators(String text, double expected) throws Exception {
            assertThat(read(text, "count")).isEqualTo(expected);
        }

        @Test
        void nonBreakingAndThinSpacesGroupThousandsToo() throws Exception {
            assertThat(read("1\u00A0000", "count")).isEqualTo(1000);
            assertThat(read("12\u202F500", "count")).isEqualTo(12500);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1,5", "1,50", "1,5000", "1.000,50", "12,34,567"})
        void aCommaThatDoesNotGroupThousandsIsNotGuessedAsADecimalComma(String text) {
            assertThat(refusal(text, "count")).isEqualTo("Target '" + text + "' has a comma that does not group "
                    + "thousands: write decimals with a point (1.5, not 1,5) and group thousands by three (1,500).");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "NaN", "Infinity", "0x10", "12d", "1e999", "1.2.3", "1 00", ".", "five"})
        void anythingElseIsNotANumber(String text) {
            assertThat(refusal(text, "count")).isEqualTo("Target '" + text + "' is not a number: write it as 1500, "
                    + "1,500 or 2500.50; a rate also as 5 % (or 0.05), money as €600, watch time as mm:ss (12:30).");
        }

        @ParameterizedTest
        @ValueSource(strings = {"-5", "−5", "-1,000", "€-20", "-5 %"})
        void aNegativeTargetIsRefused(String text) {
            String unit = text.contains("€") ? "currency" : text.contains("%") ? "ratio" : "count";
            assertThat(refusal(text, unit)).isEqualTo("Target '" + text + "' is negative: no show metric can be below "
                    + "0, so write 0 or more.");
        }
    }

    @Nested
    class Rates {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = ';', value = {"5 %; 0.05", "5%; 0.05", "12.5 %; 0.125", "0.5%; 0.005", "100 %; 1",
                "0.05; 0.05", "0 %; 0"})
        void aPercentageBecomesAFraction(String text, double expected) throws Exception {
            assertThat(read(text, "ratio")).isCloseTo(expected, within(1e-15));
        }

        @Test
        void percentagesAreExactInDecimal() throws Exception {
            assertThat(read("7 %", "ratio")).isEqualTo(0.07);
            assertThat(read("29 %", "ratio")).isEqualTo(0.29);
        }

        @Test
        void aBareNumberAboveOneIsReadAsAFractionWithACaution() throws Exception {
            GoalTarget.Parsed parsed = GoalTarget.parse("5", "ratio", "conversion_rate_24h", null);

            assertThat(parsed.value()).isEqualTo(5.0);
            assertThat(parsed.caution()).isEqualTo("'5' on a rate reads as 500%; for 5 percent write 5 %.");
            assertThat(GoalTarget.parse("0.05", "ratio", "conversion_rate_24h", null).caution()).isNull();
        }

        @Test
        void aPercentageAboveAHundredCarriesACaution() throws Exception {
            assertThat(GoalTarget.parse("150 %", "ratio", "engagement_rate", null).caution())
                    .isEqualTo("'150 %' is above 100%, more than a share of viewers can reach.");
        }

        @Test
        void aPercentageOnAMetricThatIsNotARateIsRefused() {
            assertThat(refusal("5 %", "count")).isEqualTo("Target '5 %' is a percentage, but the_metric is not a rate "
                    + "(a count): write it without %.");
        }
    }

    @Nested
    class Money {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = ';', value = {"€600; 600", "€ 600; 600", "600 €; 600", "600€; 600", "EUR 600; 600",
                "600 eur; 600", "€1,200.50; 1200.5", "1,200.50; 1200.5"})
        void euroSignsAndCodesAreRead(String text, double expected) throws Exception {
            assertThat(read(text, "currency")).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"$600", "£600", "600 USD", "CHF 600"})
        void anotherCurrencyIsRefused(String text) {
            assertThat(refusal(text, "currency")).isEqualTo("Target '" + text + "' is in another currency: money "
                    + "targets are in EUR, the reporting currency (€600 or 600).");
        }

        @Test
        void moneyOnAMetricThatIsNotMoneyIsRefused() {
            assertThat(refusal("€600", "count")).isEqualTo("Target '€600' is an amount of money, but the_metric is not "
                    + "money (a count): write it without € or EUR.");
        }
    }

    @Nested
    class Durations {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = ';', value = {"12:30; 750", "0:45; 45", "90:00; 5400", "1:05:00; 3900", "750; 750",
                "12.5; 12.5"})
        void minutesAndSecondsBecomeSeconds(String text, double expected) throws Exception {
            assertThat(read(text, "seconds")).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"12:75", "12:5", "1:75:00", "1:5:00"})
        void secondsMustHaveTwoDigitsBelowSixty(String text) {
            assertThat(refusal(text, "seconds")).isEqualTo("Target '" + text + "' is not a duration: write minutes "
                    + "and two-digit seconds below 60, as mm:ss (12:30) or h:mm:ss (1:05:00).");
        }

        @Test
        void aDurationOnAMetricThatIsNotSecondsIsRefused() {
            assertThat(refusal("12:30", "ratio")).isEqualTo("Target '12:30' is a duration (mm:ss), but the_metric is "
                    + "not a duration (a rate): write it as a number.");
        }
    }

    @Test
    void aVeryLongTargetIsQuotedShortInTheMessage() {
        String text = "x".repeat(500);
        assertThatThrownBy(() -> GoalTarget.parse(text, "count", "m", null))
                .hasMessageContaining("x".repeat(80) + "...'").hasMessageNotContaining("x".repeat(81));
    }

    @Nested
    class Formatting {
        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource(delimiter = ';', value = {"1500; count; 1,500", "0.05; ratio; 5%", "0.125; ratio; 12.5%",
                "600; currency; €600.00", "1200.5; currency; €1,200.50", "750; seconds; 12:30", "6.5; minutes; 6.5"})
        void aTargetIsShownAsItCanBeTypedBack(double value, String unit, String shown) throws Exception {
            assertThat(GoalTarget.format(value, unit)).isEqualTo(shown);
            assertThat(read(shown, unit)).isEqualTo(value);
        }
    }
}
