package io.showmetrics.dashboard.hosts;

import static io.showmetrics.dashboard.testing.Fixtures.decision;
import static io.showmetrics.dashboard.testing.Fixtures.experiment;
import static io.showmetrics.dashboard.testing.Fixtures.kpi;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.dashboard.goals.GoalOutcomes;
import io.showmetrics.dashboard.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link HostRepository} against a real, migrated PostgreSQL, with hand-computed expectations. */
class HostRepositoryIT {
    private static JdbcClient jdbc;

    @BeforeAll
    static void seed() {
        jdbc = TestDatabase.create("host_repository_it").jdbc();
        experiment("exp-host").insert(jdbc);
        decision("exp-host", "lena", "ship").insert(jdbc);
        Instant t = Instant.parse("2026-03-01T19:00:00Z");
        // Lena: 3 shows of 1 h, 30 min, 1 h; viewers 100, 300, 200; GMV 1000 + 500 + 1000 over 2.5 h.
        show("l1").set("host", "Lena").set("starts_at", t).set("ends_at", t.plusSeconds(3600))
                .set("experiment_id", "exp-host").insert(jdbc);
        show("l2").set("host", "Lena").set("starts_at", t.plusSeconds(86400)).set("ends_at", t.plusSeconds(86400 + 1800))
                .insert(jdbc);
        show("l3").set("host", "Lena").set("starts_at", t.plusSeconds(2 * 86400))
                .set("ends_at", t.plusSeconds(2 * 86400 + 3600)).insert(jdbc);
        kpi("l1").set("unique_viewers", 100L).set("identified_viewers", 50L).set("buyers_24h", 5L)
                .set("live_gmv", new BigDecimal("1000")).insert(jdbc);
        kpi("l2").set("unique_viewers", 300L).set("identified_viewers", 150L).set("buyers_24h", 10L)
                .set("live_gmv", new BigDecimal("500")).insert(jdbc);
        kpi("l3").set("unique_viewers", 200L).set("identified_viewers", 0L).set("buyers_24h", 0L)
                .set("live_gmv", new BigDecimal("1000")).insert(jdbc);
        // Max: one 1 h show, GMV 3000; a show without host; an upcoming show without KPIs is not counted.
        show("m1").set("host", "Max").set("starts_at", t).set("ends_at", t.plusSeconds(3600)).insert(jdbc);
        kpi("m1").set("unique_viewers", 10L).set("identified_viewers", 0L).set("buyers_24h", 0L)
                .set("live_gmv", new BigDecimal("3000")).insert(jdbc);
        show("m2").set("host", "Max").set("starts_at", t.plusSeconds(30 * 86400))
                .set("ends_at", t.plusSeconds(30 * 86400 + 3600)).insert(jdbc);
        // Max is on air (live mode): his figures wait for the batch run.
        show("m3").set("host", "Max").set("starts_at", t.plusSeconds(3 * 86400))
                .set("ends_at", t.plusSeconds(3 * 86400 + 3600)).insert(jdbc);
        io.showmetrics.dashboard.testing.Fixtures.liveKpi("m3", t.plusSeconds(3 * 86400 + 600))
                .set("live_gmv", new BigDecimal("99999")).insert(jdbc);
        show("n1").set("host", null).insert(jdbc);
        kpi("n1").set("live_gmv", BigDecimal.ZERO).insert(jdbc);
    }

    static HostRepository repository(Map<String, GoalOutcomes.Outcome> goals) {
        return new HostRepository(jdbc, () -> goals);
    }

    @Test
    void hostsRankedByGmvPerLiveHourWithPooledConversionAndMedianViewers() {
        List<HostRow> rows = repository(Map.of()).findAll();

        assertThat(rows).extracting(HostRow::host).containsExactly("Max", "Lena", HostRepository.NO_HOST);
        HostRow lena = rows.get(1);
        assertThat(lena.shows()).isEqualTo(3);
        assertThat(lena.medianViewers()).isEqualTo(200.0);
        assertThat(lena.conversionRate()).isCloseTo(15.0 / 200, within(1e-12));
        assertThat(lena.liveGmv()).isEqualByComparingTo("2500");
        assertThat(lena.liveHours()).isCloseTo(2.5, within(1e-12));
        assertThat(lena.gmvPerLiveHour()).isCloseTo(1000.0, within(1e-9));
        assertThat(lena.goalHitRate()).isNull();
        assertThat(lena.experiments()).singleElement().satisfies(e -> {
            assertThat(e.experimentId()).isEqualTo("exp-host");
            assertThat(e.decision()).isEqualTo("ship");
        });
        HostRow max = rows.get(0);
        assertThat(max.shows()).as("the upcoming show has no KPIs yet, the live one only numbers so far").isEqualTo(1);
        assertThat(max.liveGmv()).isEqualByComparingTo("3000");
        assertThat(max.conversionRate()).as("no identified viewer").isNull();
        assertThat(max.experiments()).isEmpty();
    }

    @Test
    void goalHitRateCountsSettledGoalsOnly() {
        List<HostRow> rows = repository(Map.of("l1", new GoalOutcomes.Outcome(2, 1, 0),
                "l2", new GoalOutcomes.Outcome(0, 1, 3), "m2", new GoalOutcomes.Outcome(0, 0, 2))).findAll();

        HostRow lena = rows.stream().filter(r -> r.host().equals("Lena")).findFirst().orElseThrow();
        assertThat(lena.goalsMet()).isEqualTo(2);
        assertThat(lena.goalsMissed()).isEqualTo(2);
        assertThat(lena.goalsPending()).isEqualTo(3);
        assertThat(lena.goalHitRate()).isEqualTo(0.5);
        HostRow max = rows.stream().filter(r -> r.host().equals("Max")).findFirst().orElseThrow();
        assertThat(max.goalsPending()).as("goals of an upcoming show count as pending").isEqualTo(2);
        assertThat(max.goalHitRate()).isNull();
    }
}
