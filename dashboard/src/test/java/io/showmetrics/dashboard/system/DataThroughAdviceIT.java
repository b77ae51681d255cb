package io.showmetrics.dashboard.system;

import static io.showmetrics.dashboard.testing.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.TestDatabase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

class DataThroughAdviceIT {

    private static DataThroughAdvice advice(JdbcClient jdbc) {
        return new DataThroughAdvice(new StaticListableBeanFactory(Map.of("jdbcClient", jdbc))
                .getBeanProvider(JdbcClient.class));
    }

    @Test
    void everyPageSaysTheDataThroughOfTheLatestRunThatRecordedOne() {
        var jdbc = TestDatabase.create("data_through_advice_it").jdbc();
        DataThroughAdvice advice = advice(jdbc);
        assertThat(advice.dataThrough()).as("no run yet: nothing to say").isNull();

        run("r1").set("data_through", Instant.parse("2026-03-01T21:30:00Z")).insert(jdbc);
        run("r2").set("started_at", Instant.parse("2026-03-03T03:00:00Z"))
                .set("data_through", Instant.parse("2026-03-02T23:05:00Z")).insert(jdbc);
        run("r3").set("started_at", Instant.parse("2026-03-04T03:00:00Z")).set("status", "failed").insert(jdbc);

        assertThat(advice.dataThrough()).isEqualTo("2026-03-02 23:05 UTC");
    }

    @Test
    void saysNothingWithoutADatabase() {
        assertThat(new DataThroughAdvice(new StaticListableBeanFactory().getBeanProvider(JdbcClient.class))
                .dataThrough()).isNull();
    }
}
