package io.showmetrics.dashboard.omnichannel;

import static io.showmetrics.dashboard.testing.Fixtures.channelMonth;
import static io.showmetrics.dashboard.testing.Fixtures.influencedRevenue;
import static io.showmetrics.dashboard.testing.Fixtures.omnichannelPeriod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.dashboard.testing.TestDatabase;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OmnichannelRepositoryIT {
    private static OmnichannelRepository repository;
    private static TestDatabase db;

    @BeforeAll
    static void seed() {
        db = TestDatabase.create("omnichannel_repository_it");
        var jdbc = db.jdbc();
        channelMonth("2026-01-01", "web", "1000.00", 20, 18).insert(jdbc);
        channelMonth("2026-02-01", "web", "1250.00", 25, 21).insert(jdbc);
        channelMonth("2026-04-01", "web", "900.00", 15, 14).insert(jdbc);
        channelMonth("2026-02-01", "live", "500.00", 9, 9).insert(jdbc);
        influencedRevenue("2026-01-01", "store", "0", 0, 0).insert(jdbc);
        influencedRevenue("2026-02-01", "store", "300.00", 4, 4).insert(jdbc);
        omnichannelPeriod("month", "2026-01-01", 100, 10, 40, 400).insert(jdbc);
        omnichannelPeriod("month", "2026-02-01", 120, 18, 50, 420).insert(jdbc);
        omnichannelPeriod("quarter", "2025-10-01", 300, 30, 100, 1200).insert(jdbc);
        omnichannelPeriod("quarter", "2026-01-01", 200, 25, 90, 820).insert(jdbc);
        repository = new OmnichannelRepository(jdbc);
    }

    @Test
    void monthOverMonthChangeComparesWithThePreviousCalendarMonthOnly() {
        var rows = repository.findChannelMonths();

        assertThat(rows).extracting(r -> r.month().toString() + " " + r.channel())
                .containsExactly("2026-01-01 web", "2026-02-01 live", "2026-02-01 web", "2026-04-01 web");
        assertThat(rows.get(0).revenueChange()).isNull();
        assertThat(rows.get(1).revenueChange()).isNull();
        assertThat(rows.get(2).revenueChange()).isCloseTo(0.25, within(1e-12));
        assertThat(rows.get(3).revenueChange()).as("March is missing: no change across the gap").isNull();
        assertThat(rows.get(2).revenue()).isEqualByComparingTo(new BigDecimal("1250"));
    }

    @Test
    void changeFromAMonthWithoutRevenueIsNull() {
        assertThat(repository.findInfluencedRevenue()).extracting(ChannelMonth::revenueChange).containsExactly(null, null);
    }

    @Test
    void periodsAreMonthsThenQuartersWithTheChangeOfInfluencedVisits() {
        var periods = repository.findPeriods();

        assertThat(periods).extracting(p -> p.period() + " " + p.periodStart())
                .containsExactly("month 2026-01-01", "month 2026-02-01", "quarter 2025-10-01", "quarter 2026-01-01");
        assertThat(periods.get(1).influencedVisitsChange()).isCloseTo(0.25, within(1e-12));
        assertThat(periods.get(3).influencedVisitsChange()).isCloseTo(-0.1, within(1e-12));
        assertThat(periods.get(1).multichannelShare()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void showMonthsOldestFirstWithTheSameSpanOfTheMonthToDate() {
        io.showmetrics.dashboard.testing.Fixtures.showMonth("2026-03", 2, "1500", "300", 1.5).set("partial", true)
                .set("prev_span_shows", 1L).set("prev_span_live_gmv", new java.math.BigDecimal("1000"))
                .set("prev_span_influenced_revenue", new java.math.BigDecimal("200")).insert(db.jdbc());
        io.showmetrics.dashboard.testing.Fixtures.showMonth("2026-02", 8, "8000", "2000", 10).insert(db.jdbc());

        var months = repository.findShowMonths();

        assertThat(months).extracting(m -> m.month().toString()).containsExactly("2026-02-01", "2026-03-01");
        assertThat(months.get(0).prevSpanLiveGmv()).isNull();
        assertThat(months.get(1).partial()).isTrue();
        assertThat(months.get(1).prevSpanShows()).isEqualTo(1L);
        assertThat(months.get(1).drove()).isEqualByComparingTo("1800");
    }
}
