package io.showmetrics.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.core.Ratios;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {
    @Test
    void namesAreUniqueSnakeCaseAndEveryDefinitionIsFilledIn() {
        Set<String> seen = new HashSet<>();
        for (MetricDefinition m : MetricCatalog.all()) {
            assertThat(seen.add(m.name())).as("duplicate %s", m.name()).isTrue();
            assertThat(m.name()).matches("[a-z0-9_]+");
            assertThat(m.definition()).isNotBlank();
            assertThat(m.window()).isNotBlank();
            assertThat(m.unit()).isIn("count", "ratio", "seconds", "minutes", "currency", "timestamp");
        }
    }

    @Test
    void definitionsQuoteTheConstantsTheJobsUse() {
        assertThat(MetricCatalog.find("unique_viewers").orElseThrow().definition()).contains("60 s")
                .contains("ends_at + 15 min");
    }

    @Test
    void experimentMetricsTellWhichPrimaryMetricNamesTheyAccept() {
        assertThat(MetricCatalog.find("converted").orElseThrow().definition()).contains("conversion, conversion_rate")
                .contains("published as converted");
        assertThat(MetricCatalog.find("visited_store").orElseThrow().definition()).contains("store_visits");
    }

    @Test
    void zeroDenominatorGivesNullNotZeroOrNaN() {
        assertThat(Ratios.ratio(3, 0)).isNull();
        assertThat(Ratios.ratio(1, 4)).isEqualTo(0.25);
    }
}
