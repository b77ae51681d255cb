package io.showmetrics.dashboard.omnichannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthHeadlineTest {
    private static final LocalDate FEB = LocalDate.parse("2026-02-01");
    private static final LocalDate MAR = LocalDate.parse("2026-03-01");

    private static ChannelMonth full(LocalDate month, String channel, String revenue) {
        return new ChannelMonth(month, channel, new BigDecimal(revenue), 1, 1, null, false, null);
    }

    private static ChannelMonth monthToDate(String channel, String revenue, String prevSpanRevenue) {
        return new ChannelMonth(MAR, channel, new BigDecimal(revenue), 1, 1, null, true,
                prevSpanRevenue == null ? null : new BigDecimal(prevSpanRevenue));
    }

    @Test
    void aMonthToDateIsComparedWithTheSameSpanOfThePreviousMonthNeverTheWholeMonth() {
        // One day of March (data through 1 Mar 23:00) against February: a whole-month comparison would say −96 %.
        Instant dataThrough = Instant.parse("2026-03-01T23:00:00Z");
        MonthHeadline h = MonthHeadline.of(List.of(full(FEB, "web", "2600.00"), full(FEB, "live", "200.00"),
                monthToDate("web", "95.00", "90.00"), monthToDate("live", "15.00", "10.00")), dataThrough);

        assertThat(h.month()).isEqualTo(MAR);
        assertThat(h.partial()).isTrue();
        assertThat(h.revenue()).isEqualByComparingTo("110.00");
        assertThat(h.comparisonRevenue()).isEqualByComparingTo("100.00");
        assertThat(h.change()).isCloseTo(0.10, within(1e-12));
        assertThat(h.comparisonMonth()).isEqualTo(FEB);
        assertThat(h.comparisonThrough()).isEqualTo(Instant.parse("2026-02-01T23:00:00Z"));
    }

    @Test
    void theComparedSpanEndsOnTheLastDayOfAShorterMonth() {
        MonthHeadline h = MonthHeadline.of(List.of(monthToDate("web", "10.00", "8.00")),
                Instant.parse("2026-03-31T12:00:00Z"));

        assertThat(h.comparisonThrough()).isEqualTo(Instant.parse("2026-02-28T12:00:00Z"));
    }

    @Test
    void aWholeMonthIsComparedWithTheWholePreviousCalendarMonth() {
        MonthHeadline h = MonthHeadline.of(List.of(full(FEB, "web", "100.00"), full(MAR, "web", "125.00")), null);

        assertThat(h.partial()).isFalse();
        assertThat(h.comparisonRevenue()).isEqualByComparingTo("100.00");
        assertThat(h.change()).isCloseTo(0.25, within(1e-12));
        assertThat(h.comparisonThrough()).isNull();
    }

    @Test
    void hasNoChangeWithoutAComparison() {
        assertThat(MonthHeadline.of(List.of(full(MAR, "web", "125.00")), null).change()).isNull();
        assertThat(MonthHeadline.of(List.of(monthToDate("web", "5.00", null)), null).comparisonRevenue()).isNull();
        assertThat(MonthHeadline.of(List.of(), null).month()).isNull();
    }
}
