package io.showmetrics.dashboard.runs;

import static io.showmetrics.dashboard.testing.Fixtures.ingestFile;
import static io.showmetrics.dashboard.testing.Fixtures.quarantineReason;
import static io.showmetrics.dashboard.testing.Fixtures.quarantineSample;
import static io.showmetrics.dashboard.testing.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link RunRepository} against a real, migrated PostgreSQL. */
class RunRepositoryIT {
    private static TestDatabase db;
    private JdbcClient jdbc;
    private RunRepository repository;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("run_repository_it");
    }

    @BeforeEach
    void emptyTables() {
        db.truncateAll();
        jdbc = db.jdbc();
        repository = new RunRepository(jdbc);
    }

    @Nested
    class FindAll {
        @Test
        void listsRunsLatestFirstWithCountsAndDuration() {
            run("r1").set("started_at", Instant.parse("2026-03-01T03:00:00Z"))
                    .set("finished_at", Instant.parse("2026-03-01T03:00:42Z")).insert(jdbc);
            run("r2").insert(jdbc);

            var runs = repository.findAll();

            assertThat(runs).extracting(RunSummary::runId).containsExactly("r2", "r1");
            RunSummary latest = runs.get(0);
            assertThat(latest.status()).isEqualTo("succeeded");
            assertThat(latest.durationSeconds()).isEqualTo(12 * 60 + 34);
            assertThat(latest.recordsRead()).isEqualTo(10_480);
            assertThat(latest.recordsAccepted()).isEqualTo(10_300);
            assertThat(latest.recordsQuarantined()).isEqualTo(150);
            assertThat(latest.recordsDuplicate()).isEqualTo(30);
            assertThat(latest.filesLoaded()).isEqualTo(3);
            assertThat(latest.showsComputed()).isEqualTo(2);
            assertThat(latest.message()).isEqualTo("Loaded 3 new files");
            assertThat(latest.reconciled()).isTrue();
            assertThat(runs.get(1).durationSeconds()).isEqualTo(42);
        }

        @Test
        void runningRunHasNoFinishOrDuration() {
            run("r1").set("status", "running").set("finished_at", null).set("message", null).insert(jdbc);

            RunSummary running = repository.findAll().get(0);

            assertThat(running.finishedAt()).isNull();
            assertThat(running.durationSeconds()).isNull();
            assertThat(running.message()).isNull();
        }
    }

    @Nested
    class FindDetail {
        @Test
        void readsFilesReasonsAndSamplesOfTheRunOnly() {
            run("r1").insert(jdbc);
            run("other").insert(jdbc);
            ingestFile("r1", "viewer_events", "viewer_events/part-2.jsonl", 100, 5, 1).insert(jdbc);
            ingestFile("r1", "chat_events", "chat_events/part-1.csv", 50, 2, 0).insert(jdbc);
            ingestFile("other", "orders", "orders/o.jsonl", 1, 0, 0).insert(jdbc);
            quarantineReason("r1", "viewer_events", "bad_timestamp", 5).insert(jdbc);
            quarantineReason("r1", "chat_events", "unknown_type", 2).insert(jdbc);
            quarantineReason("other", "orders", "negative_price", 9).insert(jdbc);
            quarantineSample("r1", "viewer_events/part-2.jsonl", 17).insert(jdbc);
            quarantineSample("r1", "viewer_events/part-2.jsonl", 3).set("field", null).set("raw", null).insert(jdbc);

            RunDetail detail = repository.findDetail("r1").orElseThrow();

            assertThat(detail.run().runId()).isEqualTo("r1");
            assertThat(detail.files()).extracting(IngestFile::entity).containsExactly("chat_events", "viewer_events");
            assertThat(detail.files().get(1).recordsRead()).isEqualTo(106);
            assertThat(detail.files()).allMatch(IngestFile::reconciled);
            assertThat(detail.quarantineReasons()).extracting(QuarantineReason::reason)
                    .containsExactly("bad_timestamp", "unknown_type");
            assertThat(detail.quarantineReasons().get(0).records()).isEqualTo(5);
            assertThat(detail.quarantineSamples()).extracting(QuarantineSample::line).containsExactly(3L, 17L);
            QuarantineSample bare = detail.quarantineSamples().get(0);
            assertThat(bare.field()).isNull();
            assertThat(bare.raw()).isNull();
            assertThat(detail.quarantineSamples().get(1).message()).contains("has no offset");
        }

        @Test
        void fileWhoseCountsDoNotAddUpIsNotReconciled() {
            run("r1").insert(jdbc);
            ingestFile("r1", "orders", "orders/o.jsonl", 10, 1, 0).set("records_read", 12L).insert(jdbc);

            assertThat(repository.files("r1").get(0).reconciled()).isFalse();
        }

        @Test
        void unknownRunIsEmpty() {
            assertThat(repository.findDetail("nope")).isEmpty();
        }
    }
}
