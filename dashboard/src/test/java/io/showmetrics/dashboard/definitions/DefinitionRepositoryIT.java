package io.showmetrics.dashboard.definitions;

import static io.showmetrics.dashboard.testing.Fixtures.definition;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DefinitionRepository} against a real, migrated PostgreSQL. */
class DefinitionRepositoryIT {
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("definition_repository_it");
    }

    @BeforeEach
    void emptyTables() {
        db.truncateAll();
    }

    @Test
    void listsDefinitionsInCatalogueOrderWithEveryField() {
        definition("peak_concurrent_viewers", 2).set("label", "Peak concurrent viewers").set("goal_allowed", false)
                .insert(db.jdbc());
        definition("unique_viewers", 1).set("additive", true).insert(db.jdbc());

        var definitions = new DefinitionRepository(db.jdbc()).findAll();

        assertThat(definitions).extracting(MetricDefinition::name)
                .containsExactly("unique_viewers", "peak_concurrent_viewers");
        MetricDefinition first = definitions.get(0);
        assertThat(first.label()).isEqualTo("Unique viewers");
        assertThat(first.level()).isEqualTo("show");
        assertThat(first.definition()).isEqualTo("Distinct viewer_id with live presence in the show");
        assertThat(first.window()).isEqualTo("Live window [starts_at, ends_at + 15 min)");
        assertThat(first.unit()).isEqualTo("count");
        assertThat(first.additive()).isTrue();
        assertThat(first.goalAllowed()).isTrue();
        assertThat(definitions.get(1).goalAllowed()).isFalse();
    }

    @Test
    void emptyCatalogueGivesAnEmptyList() {
        assertThat(new DefinitionRepository(db.jdbc()).findAll()).isEmpty();
    }
}
