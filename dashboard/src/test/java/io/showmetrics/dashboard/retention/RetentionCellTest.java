package io.showmetrics.dashboard.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionCellTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

    @Test
    void theRunningWeekIsTheIsoWeekThatHoldsTheDataThrough() {
        assertThat(RetentionCell.runningWeek(Instant.parse("2026-03-08T23:59:59Z"))).isEqualTo(MONDAY); // Sunday
        assertThat(RetentionCell.runningWeek(Instant.parse("2026-03-02T00:00:00Z"))).isEqualTo(MONDAY);
        assertThat(RetentionCell.runningWeek(null)).isNull();
    }

    @Test
    void aCellIsPartialWhenTheWeekItMeasuresIsStillRunning() {
        assertThat(RetentionCell.partial(MONDAY.minusWeeks(2), 1, MONDAY)).isFalse();
        assertThat(RetentionCell.partial(MONDAY.minusWeeks(2), 2, MONDAY)).isTrue();
        assertThat(RetentionCell.partial(MONDAY, 0, MONDAY)).isTrue();
        assertThat(RetentionCell.partial(MONDAY, 0, null)).isFalse();
    }
}
