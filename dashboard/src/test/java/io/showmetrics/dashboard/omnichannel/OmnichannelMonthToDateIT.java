package io.showmetrics.dashboard.omnichannel;

import static io.showmetrics.dashboard.testing.Fixtures.channelMonth;
import static io.showmetrics.dashboard.testing.Fixtures.omnichannelPeriod;
import static io.showmetrics.dashboard.testing.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.dashboard.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A month holding one day of data (month to date) against a whole February. */
class OmnichannelMonthToDateIT {
    private static OmnichannelRepository repository;

    @BeforeAll
    static void seed() {
        TestDatabase db = TestDatabase.create("omnichannel_month_to_date_it");
        var jdbc = db.jdbc();
        channelMonth("2026-02-01", "web", "2500.00", 50, 40).insert(jdbc);
        channelMonth("2026-03-01", "web", "100.00", 2, 2).set("partial", true)
                .set("prev_span_revenue", new BigDecimal("80.00")).insert(jdbc);
        omnichannelPeriod("month", "2026-02-01", 100, 10, 56, 400).insert(jdbc);
        omnichannelPeriod("month", "2026-03-01", 4, 0, 3, 10).set("partial", true)
                .set("prev_span_influenced_visits", 2L).insert(jdbc);
        run("r1").set("data_through", Instant.parse("2026-03-01T23:00:00Z")).insert(jdbc);
        run("r2").set("started_at", Instant.parse("2026-03-03T03:00:00Z")).set("status", "failed").insert(jdbc);
        repository = new OmnichannelRepository(jdbc);
    }

    @Test
    void theMonthToDateIsComparedWithTheSameSpanOfFebruary() {
        var march = repository.findChannelMonths().get(1);

        assertThat(march.partial()).isTrue();
        assertThat(march.revenueChange()).as("not 100 / 2500 − 1 = −96 %").isCloseTo(0.25, within(1e-12));
        assertThat(march.prevSpanRevenue()).isEqualByComparingTo("80.00");
    }

    @Test
    void influencedVisitsOfThePartialMonthCompareWithTheSameSpan() {
        var march = repository.findPeriods().get(1);

        assertThat(march.partial()).isTrue();
        assertThat(march.influencedVisitsChange()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theDataThroughIsTheLatestRecordedOneAFailedRunLeavesItAlone() {
        assertThat(repository.findDataThrough()).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
    }
}
