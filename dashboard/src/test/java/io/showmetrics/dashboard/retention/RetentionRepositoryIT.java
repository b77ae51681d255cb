package io.showmetrics.dashboard.retention;

import static io.showmetrics.dashboard.testing.Fixtures.retentionCell;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.TestDatabase;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RetentionRepositoryIT {
    private static TestDatabase db;
    private static RetentionRepository repository;

    @BeforeAll
    static void seed() {
        db = TestDatabase.create("retention_repository_it");
        var jdbc = db.jdbc();
        retentionCell("viewer", "region:north", "2026-02-02", 0, 10, 10).insert(jdbc);
        retentionCell("viewer", "all", "2026-02-09", 0, 80, 80).insert(jdbc);
        retentionCell("viewer", "all", "2026-02-02", 1, 100, 35).insert(jdbc);
        retentionCell("viewer", "all", "2026-02-02", 0, 100, 100).insert(jdbc);
        retentionCell("viewer", "generation:Gen Z", "2026-02-02", 0, 30, 30).insert(jdbc);
        retentionCell("buyer", "all", "2026-02-02", 0, 0, 0).insert(jdbc);
        repository = new RetentionRepository(jdbc);
    }

    @Test
    void segmentsListAllFirstThenByName() {
        assertThat(repository.findSegments("viewer")).containsExactly("all", "generation:Gen Z", "region:north");
        assertThat(repository.findSegments("buyer")).containsExactly("all");
    }

    @Test
    void cellsComeByCohortThenOffsetWithoutInventingMissingOnes() {
        assertThat(repository.findCells("viewer", "all", null)).containsExactly(
                new RetentionCell(LocalDate.parse("2026-02-02"), 0, 100, 100, 1.0, false),
                new RetentionCell(LocalDate.parse("2026-02-02"), 1, 100, 35, 0.35, false),
                new RetentionCell(LocalDate.parse("2026-02-09"), 0, 80, 80, 1.0, false));
    }

    @Test
    void cellsMeasuringTheWeekStillRunningAtTheDataThroughArePartial() {
        // Data through Wednesday 2026-02-11: the week of 2026-02-09 is still running. Cohort 2026-02-02 at +1 and
        // cohort 2026-02-09 at +0 both measure it.
        LocalDate running = RetentionCell.runningWeek(java.time.Instant.parse("2026-02-11T10:00:00Z"));

        assertThat(running).isEqualTo(LocalDate.parse("2026-02-09"));
        assertThat(repository.findCells("viewer", "all", running)).extracting(RetentionCell::partial)
                .containsExactly(false, true, true);
    }

    @Test
    void theFirstCohortWeekIsTheEarliestOverEverySegment() {
        assertThat(repository.findFirstCohortWeek("viewer")).isEqualTo(LocalDate.parse("2026-02-02"));
        assertThat(repository.findFirstCohortWeek("nobody")).isNull();
    }

    @Test
    void anEmptyCohortHasANullRate() {
        assertThat(repository.findCells("buyer", "all", null)).singleElement().extracting(RetentionCell::rate).isNull();
    }
}
