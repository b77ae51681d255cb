package io.showmetrics.dashboard.experiments;

import static io.showmetrics.dashboard.testing.Fixtures.decision;
import static io.showmetrics.dashboard.testing.Fixtures.experiment;
import static io.showmetrics.dashboard.testing.Fixtures.incrementalVisits;
import static io.showmetrics.dashboard.testing.Fixtures.result;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static io.showmetrics.dashboard.testing.Fixtures.srmAcknowledgement;
import static io.showmetrics.dashboard.testing.Fixtures.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.showmetrics.dashboard.testing.MutableClock;
import io.showmetrics.dashboard.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ExperimentRepository} against a real, migrated PostgreSQL. */
class ExperimentRepositoryIT {
    private static final Instant NOW = Instant.parse("2026-03-05T09:00:00Z");
    private static TestDatabase db;
    private JdbcClient jdbc;
    private MutableClock clock;
    private ExperimentRepository repository;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("experiment_repository_it");
    }

    @BeforeEach
    void emptyTables() {
        db.truncateAll();
        jdbc = db.jdbc();
        clock = new MutableClock(NOW);
        repository = new ExperimentRepository(jdbc, clock);
    }

    private void pushExperiment() {
        experiment("exp-push").insert(jdbc);
        variant("exp-push", "push", 7_997, 0.8, false).insert(jdbc);
        variant("exp-push", "holdout", 2_003, 0.2, true).insert(jdbc);
    }

    @Nested
    class StoreVisitsAndPrimaryMetric {
        @Test
        void incrementalVisitsComePerTreatmentVariantWithTheHoldoutFlag() {
            pushExperiment();
            incrementalVisits("exp-push", "sms", "holdout").set("visits", null).set("ci_low", null).set("ci_high", null)
                    .set("error_code", "empty_arm").insert(jdbc);
            incrementalVisits("exp-push", "push", "holdout").insert(jdbc);
            incrementalVisits("exp-other", "b", "a").insert(jdbc);

            var rows = repository.findIncrementalVisits("exp-push");

            assertThat(rows).extracting(r -> r.variant().variant()).containsExactly("push", "sms");
            assertThat(rows).allMatch(ExperimentRepository.IncrementalRow::holdout);
            assertThat(rows.get(0).variant().visits()).isEqualTo(35.0);
            assertThat(rows.get(0).variant().ciLow()).isEqualTo(8.2);
            assertThat(rows.get(0).variant().treated()).isEqualTo(700L);
            assertThat(rows.get(1).variant().visits()).isNull();
            assertThat(rows.get(1).variant().errorCode()).isEqualTo("empty_arm");
        }

        @Test
        void decisionsComePerTreatmentVariantWithTheirSensitivity() {
            pushExperiment();
            experiment("exp-other").insert(jdbc);
            decision("exp-push", "sms", "inconclusive").set("mde_abs", null).set("power_10pct", null)
                    .set("n_needed_10pct", null).insert(jdbc);
            decision("exp-push", "push", "ship").insert(jdbc);
            decision("exp-other", "b", "no_ship").insert(jdbc);

            var rows = repository.findDecisions("exp-push");

            assertThat(rows).extracting(ExperimentDecision::variant).containsExactly("push", "sms");
            assertThat(rows.get(0)).isEqualTo(new ExperimentDecision("push", "converted", "ship",
                    "Ship push: converted +17.5% against control (Holm-adjusted p = 0.010 < 0.05).", 0.0123, 0.41,
                    24_500.0));
            assertThat(rows.get(1).decision()).isEqualTo("inconclusive");
            assertThat(rows.get(1).power10pct()).isNull();
        }

        @Test
        void saysWhetherAMetricHasResults() {
            pushExperiment();
            result("exp-push", "converted", "push", false).insert(jdbc);

            assertThat(repository.hasResults("exp-push", "converted")).isTrue();
            assertThat(repository.hasResults("exp-push", "conversion")).isFalse();
        }
    }

    @Nested
    class FindAll {
        @Test
        void listsExperimentsLatestStartFirstWithVariantsControlFirstAndObservedShares() {
            pushExperiment();
            experiment("exp-old").set("name", "Old test").set("starts_at", Instant.parse("2026-01-01T00:00:00Z"))
                    .insert(jdbc);
            experiment("exp-undated").set("starts_at", null).insert(jdbc);

            var all = repository.findAll();

            assertThat(all).extracting(Experiment::experimentId).containsExactly("exp-push", "exp-old", "exp-undated");
            Experiment push = all.get(0);
            assertThat(push.name()).isEqualTo("Push invite vs holdout");
            assertThat(push.primaryMetric()).isEqualTo("converted");
            assertThat(push.controlVariant()).isEqualTo("holdout");
            assertThat(push.assigned()).isEqualTo(10_000L);
            assertThat(push.srmPValue()).isEqualTo(0.944);
            assertThat(push.srmFlagged()).isFalse();
            assertThat(push.variants()).extracting(ExperimentVariant::variant).containsExactly("holdout", "push");
            assertThat(push.variants().get(0).control()).isTrue();
            assertThat(push.variants().get(0).expectedShare()).isEqualTo(0.2);
            assertThat(push.variants().get(0).observedShare()).isCloseTo(0.2003, within(1e-12));
            assertThat(push.variants().get(1).observedShare()).isCloseTo(0.7997, within(1e-12));
            assertThat(all.get(1).variants()).isEmpty();
        }

        @Test
        void observedShareIsNullWhenNobodyWasAssigned() {
            experiment("exp-empty").set("assigned", 0L).set("srm_p_value", null).set("srm_error_code", "no_assignments")
                    .insert(jdbc);
            variant("exp-empty", "a", 0, 0.5, true).insert(jdbc);
            variant("exp-empty", "b", 0, null, false).insert(jdbc);

            Experiment e = repository.findAll().get(0);

            assertThat(e.variants()).extracting(ExperimentVariant::observedShare).containsOnlyNulls();
            assertThat(e.variants().get(1).expectedShare()).isNull();
            assertThat(e.srmPValue()).isNull();
            assertThat(e.srmErrorCode()).isEqualTo("no_assignments");
        }
    }

    @Nested
    class Status {
        @Test
        void isProvisionalUntilFinalAtThenFinal() {
            pushExperiment();

            assertThat(repository.findById("exp-push").orElseThrow().status()).isEqualTo("provisional");

            clock.set(Instant.parse("2026-03-08T20:00:00Z"));

            assertThat(repository.findById("exp-push").orElseThrow().status()).isEqualTo("final");
            assertThat(repository.findAll().get(0).status()).isEqualTo("final");
        }

        @Test
        void resultsWhoseWindowEndsAfterTheDataThroughAreStillMovingHoweverLateTheClock() {
            pushExperiment();
            io.showmetrics.dashboard.testing.Fixtures.run("r1")
                    .set("data_through", Instant.parse("2026-03-05T12:00:00Z")).insert(jdbc);
            clock.set(Instant.parse("2026-06-01T00:00:00Z"));

            Experiment e = repository.findById("exp-push").orElseThrow();
            assertThat(e.status()).isEqualTo("provisional");
            assertThat(e.dataThrough()).isEqualTo(Instant.parse("2026-03-05T12:00:00Z"));
        }

        @Test
        void storedFinalIsOverruledWhileTheWindowIsStillOpen() {
            experiment("exp-push").set("status", "final").insert(jdbc);

            assertThat(repository.findById("exp-push").orElseThrow().status()).isEqualTo("provisional");
        }
    }

    @Nested
    class FindById {
        @Test
        void readsOneExperimentAndItsShows() {
            pushExperiment();
            show("s2").set("experiment_id", "exp-push").set("starts_at", Instant.parse("2026-03-01T19:00:00Z"))
                    .set("ends_at", Instant.parse("2026-03-01T20:00:00Z")).insert(jdbc);
            show("s1").set("experiment_id", "exp-push").set("title", "Warm-up")
                    .set("starts_at", Instant.parse("2026-02-26T19:00:00Z"))
                    .set("ends_at", Instant.parse("2026-02-26T19:30:00Z")).insert(jdbc);
            show("s3").insert(jdbc);

            Experiment e = repository.findById("exp-push").orElseThrow();

            assertThat(e.hypothesis()).startsWith("Inviting customers");
            assertThat(e.lastShowEnd()).isEqualTo(Instant.parse("2026-03-01T20:00:00Z"));
            assertThat(e.variants()).hasSize(2);
            assertThat(repository.findShows("exp-push")).extracting(ExperimentShow::showId).containsExactly("s1", "s2");
        }

        @Test
        void unknownExperimentIsEmpty() {
            assertThat(repository.findById("nope")).isEmpty();
        }
    }

    @Nested
    class FindResults {
        @Test
        void ordersByMetricThenVariantWithRawBeforeCuped() {
            pushExperiment();
            result("exp-push", "visited_store", "push", false).insert(jdbc);
            result("exp-push", "revenue", "push", true).insert(jdbc);
            result("exp-push", "converted", "push", true).insert(jdbc);
            result("exp-push", "revenue", "push", false).insert(jdbc);
            result("exp-push", "converted", "push", false).insert(jdbc);
            result("other", "converted", "push", false).insert(jdbc);

            var results = repository.findResults("exp-push");

            assertThat(results).extracting(r -> r.metric() + "/" + r.adjusted()).containsExactly(
                    "converted/false", "converted/true", "revenue/false", "revenue/true", "visited_store/false");
        }

        @Test
        void readsEveryColumnOfARawAndACupedRow() {
            pushExperiment();
            result("exp-push", "converted", "push", false).insert(jdbc);
            result("exp-push", "converted", "push", true).insert(jdbc);

            var results = repository.findResults("exp-push");

            ExperimentResult raw = results.get(0);
            assertThat(raw.n()).isEqualTo(5190L);
            assertThat(raw.value()).isEqualTo(0.0611);
            assertThat(raw.controlN()).isEqualTo(4810L);
            assertThat(raw.controlValue()).isEqualTo(0.0520);
            assertThat(raw.absLift()).isEqualTo(0.0091);
            assertThat(raw.absCiLow()).isEqualTo(0.00005);
            assertThat(raw.absCiHigh()).isEqualTo(0.01815);
            assertThat(raw.relLift()).isEqualTo(0.175);
            assertThat(raw.relCiLow()).isEqualTo(-0.0142);
            assertThat(raw.relCiHigh()).isEqualTo(0.3642);
            assertThat(raw.pValue()).isEqualTo(0.0486);
            assertThat(raw.pValueHolm()).isEqualTo(0.0972);
            assertThat(raw.pValueBh()).isEqualTo(0.0972);
            assertThat(raw.seqCiLow()).isEqualTo(-0.0061);
            assertThat(raw.seqCiHigh()).isEqualTo(0.0243);
            assertThat(raw.theta()).isNull();
            assertThat(raw.varianceReduction()).isNull();
            assertThat(raw.srmPValue()).isEqualTo(0.000145);
            assertThat(raw.errorCode()).isNull();
            ExperimentResult cuped = results.get(1);
            assertThat(cuped.adjusted()).isTrue();
            assertThat(cuped.theta()).isEqualTo(0.412);
            assertThat(cuped.varianceReduction()).isEqualTo(0.18);
        }

        @Test
        void notComputableRowKeepsItsErrorCodeAndNullNumbers() {
            pushExperiment();
            result("exp-push", "converted", "push", false).set("control_value", 0.0).set("rel_lift", null)
                    .set("rel_ci_low", null).set("rel_ci_high", Double.NaN).set("error_code", "zero_control_mean")
                    .insert(jdbc);

            ExperimentResult r = repository.findResults("exp-push").get(0);

            assertThat(r.errorCode()).isEqualTo("zero_control_mean");
            assertThat(r.controlValue()).isZero();
            assertThat(r.relLift()).isNull();
            assertThat(r.relCiHigh()).isNull();
            assertThat(r.absLift()).isEqualTo(0.0091);
        }
    }

    @Nested
    class Acknowledgement {
        @Test
        void isPerUser() {
            pushExperiment();
            srmAcknowledgement("exp-push", "alex", Instant.parse("2026-03-04T10:00:00Z")).insert(jdbc);

            assertThat(repository.findAcknowledgement("exp-push", "alex")).contains(Instant.parse("2026-03-04T10:00:00Z"));
            assertThat(repository.findAcknowledgement("exp-push", "maria")).isEmpty();
        }

        @Test
        void recordsTheClocksTimeAndKeepsTheFirstAcknowledgement() {
            pushExperiment();

            SrmAcknowledgement first = repository.acknowledge("exp-push", "alex");
            clock.advance(Duration.ofHours(2));
            SrmAcknowledgement second = repository.acknowledge("exp-push", "alex");

            assertThat(first).isEqualTo(new SrmAcknowledgement("exp-push", "alex", NOW));
            assertThat(second.acknowledgedAt()).isEqualTo(NOW);
            assertThat(jdbc.sql("SELECT count(*) FROM srm_acknowledgement").query(Long.class).single()).isEqualTo(1L);
        }
    }
}
