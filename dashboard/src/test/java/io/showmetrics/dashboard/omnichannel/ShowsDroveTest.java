package io.showmetrics.dashboard.omnichannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowsDroveTest {
    static ShowMonth month(String month, long shows, String live, String influenced, double visits) {
        return new ShowMonth(LocalDate.parse(month + "-01"), shows, new BigDecimal(live), new BigDecimal(influenced),
                visits, false, null, null, null);
    }

    static ShowMonth monthToDate(String month, long shows, String live, String influenced, String prevLive,
                                 String prevInfluenced) {
        return new ShowMonth(LocalDate.parse(month + "-01"), shows, new BigDecimal(live), new BigDecimal(influenced),
                1.5, true, 2L, prevLive == null ? null : new BigDecimal(prevLive),
                prevInfluenced == null ? null : new BigDecimal(prevInfluenced));
    }

    @Test
    void theLatestMonthAgainstTheWholeMonthBefore() {
        ShowsDrove d = ShowsDrove.of(List.of(month("2026-02", 4, "1000", "500", 3.5), month("2026-01", 3, "900", "300", 2)),
                null, null);

        assertThat(d.from()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(d.to()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(d.drove()).isEqualByComparingTo("1500");
        assertThat(d.comparisonDrove()).isEqualByComparingTo("1200");
        assertThat(d.change()).isCloseTo(0.25, within(1e-12));
        assertThat(d.comparisonSameSpan()).isFalse();
        assertThat(d.months()).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    }

    @Test
    void aPeriodOfSeveralMonthsAgainstAsManyMonthsBefore() {
        List<ShowMonth> rows = List.of(month("2026-01", 1, "100", "0", 0), month("2026-02", 1, "100", "100", 0),
                month("2026-03", 2, "300", "100", 1), month("2026-04", 2, "200", "200", 1));

        ShowsDrove d = ShowsDrove.of(rows, YearMonth.of(2026, 3), YearMonth.of(2026, 4));

        assertThat(d.shows()).isEqualTo(4);
        assertThat(d.drove()).isEqualByComparingTo("800");
        assertThat(d.comparisonFrom()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(d.comparisonTo()).isEqualTo(YearMonth.of(2026, 2));
        assertThat(d.comparisonDrove()).isEqualByComparingTo("300");
        assertThat(d.influencedStoreVisits()).isEqualTo(2.0);
    }

    @Test
    void theMonthToDateAgainstTheSameSpanOfTheMonthBeforeNeverTheWholeMonth() {
        List<ShowMonth> rows = List.of(month("2026-02", 8, "8000", "2000", 10),
                monthToDate("2026-03", 2, "1500", "300", "1000", "200"));

        ShowsDrove d = ShowsDrove.of(rows, null, null);

        assertThat(d.partial()).isTrue();
        assertThat(d.comparisonSameSpan()).isTrue();
        assertThat(d.comparisonDrove()).isEqualByComparingTo("1200");
        assertThat(d.change()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void severalMonthsEndingInTheMonthToDateHaveNoComparison() {
        List<ShowMonth> rows = List.of(month("2026-01", 1, "1", "1", 0), month("2026-02", 8, "8000", "2000", 10),
                monthToDate("2026-03", 2, "1500", "300", "1000", "200"));

        ShowsDrove d = ShowsDrove.of(rows, YearMonth.of(2026, 2), YearMonth.of(2026, 3));

        assertThat(d.drove()).isEqualByComparingTo("11800");
        assertThat(d.comparisonDrove()).isNull();
        assertThat(d.change()).isNull();
        assertThat(d.comparisonFrom()).isNull();
    }

    @Test
    void noEarlierShowsNoComparisonAndNoShowsNoAnswer() {
        assertThat(ShowsDrove.of(List.of(month("2026-02", 1, "10", "0", 0)), null, null).comparisonDrove()).isNull();
        assertThat(ShowsDrove.of(List.of(), null, null)).isNull();
    }

    @Test
    void aPeriodThatStartsAfterItEndsIsRefused() {
        assertThatThrownBy(() -> ShowsDrove.of(List.of(month("2026-02", 1, "10", "0", 0)), YearMonth.of(2026, 3),
                YearMonth.of(2026, 2))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-03");
    }
}
