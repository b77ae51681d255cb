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
        assertThat(repository.findCells("viewer", "all")).containsExactly(
                new RetentionCell(LocalDate.parse("2026-02-02"), 0, 100, 100, 1.0),
                new RetentionCell(LocalDate.parse("2026-02-02"), 1, 100, 35, 0.35),
                new RetentionCell(LocalDate.parse("2026-02-09"), 0, 80, 80, 1.0));
    }

    @Test
    void anEmptyCohortHasANullRate() {
        assertThat(repository.findCells("buyer", "all")).singleElement().extracting(RetentionCell::rate).isNull();
    }
}
