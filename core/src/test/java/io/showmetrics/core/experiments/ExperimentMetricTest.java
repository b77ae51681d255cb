package io.showmetrics.core.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExperimentMetricTest {
    @Test
    void documentedAliasesOfAPrimaryMetricMapToTheResultName() {
        assertThat(ExperimentMetric.canonicalName("conversion")).isEqualTo("converted");
        assertThat(ExperimentMetric.canonicalName("Conversion Rate")).isEqualTo("converted");
        assertThat(ExperimentMetric.canonicalName(" conversion-rate ")).isEqualTo("converted");
        assertThat(ExperimentMetric.canonicalName("store_visits")).isEqualTo("visited_store");
        assertThat(ExperimentMetric.canonicalName("revenue_per_customer")).isEqualTo("revenue");
        assertThat(ExperimentMetric.canonicalName("converted")).isEqualTo("converted");
    }

    @Test
    void anUnknownPrimaryMetricIsKeptExactlyAsGiven() {
        assertThat(ExperimentMetric.canonicalName("Basket Size")).isEqualTo("Basket Size");
        assertThat(ExperimentMetric.canonicalName(null)).isNull();
    }

    @Test
    void noAliasNamesTwoMetrics() {
        Set<String> seen = new HashSet<>();
        for (ExperimentMetric m : ExperimentMetric.ALL) {
            assertThat(seen.add(m.name())).isTrue();
            for (String a : m.aliases()) {
                assertThat(seen.add(a)).as("alias %s", a).isTrue();
                assertThat(ExperimentMetric.key(a)).isEqualTo(a);
            }
        }
    }
}
