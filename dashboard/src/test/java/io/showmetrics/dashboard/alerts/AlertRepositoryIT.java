package io.showmetrics.dashboard.alerts;

import static io.showmetrics.dashboard.testing.Fixtures.alert;
import static io.showmetrics.dashboard.testing.Fixtures.liveRun;
import static io.showmetrics.dashboard.testing.Fixtures.show;
import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.Fixtures;
import io.showmetrics.dashboard.testing.MutableClock;
import io.showmetrics.dashboard.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link AlertRepository} against a real, migrated PostgreSQL (migration V8's alert and live_run). */
class AlertRepositoryIT {
    private static final Instant START = Fixtures.SPRING_START;
    private static final Instant NOW = START.plus(Duration.ofMinutes(40));
    private static TestDatabase db;
    private JdbcClient jdbc;
    private MutableClock clock;
    private AlertRepository repository;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("alert_repository_it");
    }

    @BeforeEach
    void emptyTables() {
        db.truncateAll();
        jdbc = db.jdbc();
        clock = new MutableClock(NOW);
        repository = new AlertRepository(jdbc, clock);
    }

    @Nested
    class Alerts {
        @BeforeEach
        void threeAlertsOnTwoShows() {
            show("s-a").set("title", "Spring Live").insert(jdbc);
            Fixtures.definition("live_orders", 1).set("label", "Live orders").insert(jdbc);
            alert("s-a", START.plus(Duration.ofMinutes(20)), "goal_behind_pace", "live_orders").insert(jdbc);
            alert("s-a", START.plus(Duration.ofMinutes(31)), "viewers_falling", null)
                    .set("message", "Viewers 70 at 19:31, down 42 % from 120 at 19:27").set("webhook_status", "failed")
                    .set("webhook_attempts", 5).set("webhook_error", "HTTP 500").insert(jdbc);
            // A show that a publish removed from the show table: its alert stays.
            alert("s-gone", START.plus(Duration.ofMinutes(25)), "goal_behind_pace", "live_gmv").insert(jdbc);
        }

        @Test
        void newestFirstByTheInstantOnTheShowsTimelineWithTitlesAndTheKindInWords() {
            var alerts = repository.find(AlertFilter.of(null, null, null, AlertFilter.DEFAULT_LIMIT));

            assertThat(alerts).extracting(Alert::showId).containsExactly("s-a", "s-gone", "s-a");
            assertThat(alerts).extracting(Alert::headline)
                    .containsExactly("Viewers falling", "Behind pace: Live GMV", "Behind pace: Live orders");
            assertThat(alerts.get(0).showTitle()).isEqualTo("Spring Live");
            assertThat(alerts.get(1).showTitle()).as("no show row, no title").isNull();
            assertThat(alerts.get(0).webhookStatus()).isEqualTo("failed");
            assertThat(alerts.get(0).webhookAttempts()).isEqualTo(5);
            assertThat(alerts.get(0).webhookError()).isEqualTo("HTTP 500");
            assertThat(alerts.get(2).webhookStatus()).isEqualTo("none");
            assertThat(alerts.get(2).at()).isEqualTo(START.plus(Duration.ofMinutes(20)));
            assertThat(alerts.get(2).actual()).isEqualTo(12.0);
        }

        @Test
        void filtersByShowAndKindAndKeepsTheNewestUpToTheLimit() {
            assertThat(repository.find(new AlertFilter("s-a", null, 200))).hasSize(2);
            assertThat(repository.find(new AlertFilter(null, "goal_behind_pace", 200))).extracting(Alert::showId)
                    .containsExactly("s-gone", "s-a");
            assertThat(repository.find(new AlertFilter("s-a", "goal_behind_pace", 200))).hasSize(1);
            assertThat(repository.find(new AlertFilter(null, null, 1))).extracting(Alert::kind)
                    .containsExactly("viewers_falling");
            assertThat(repository.find(new AlertFilter("s-none", null, 200))).isEmpty();
        }

        @Test
        void aShowsAlertsAreFoundEvenWhenTheShowIsGone() {
            assertThat(repository.anyForShow("s-gone")).isTrue();
            assertThat(repository.showExists("s-gone")).isFalse();
            assertThat(repository.anyForShow("s-none")).isFalse();
            assertThat(repository.showsWithAlerts()).extracting(AlertRepository.ShowOption::showId)
                    .containsExactly("s-a", "s-gone");
        }
    }

    @Nested
    class LiveMode {
        @Test
        void withoutAnyHeartbeatLiveModeHasNeverRun() {
            LiveStatus s = repository.liveStatus();

            assertThat(s.state()).isEqualTo("never");
            assertThat(s.summary()).isEqualTo("Live mode has never run: start it with ./showmetrics live --input DIR");
        }

        @Test
        void aRecentPollIsRunningWithTheTitlesOfTheShowsOnAir() {
            show("s-a").set("title", "Spring Live").insert(jdbc);
            liveRun("live-1", START, NOW.minusSeconds(4)).set("shows_on_air", new String[] {"s-a", "s-unknown"})
                    .insert(jdbc);

            LiveStatus s = repository.liveStatus();

            assertThat(s.state()).isEqualTo("running");
            assertThat(s.secondsSinceLastPoll()).isEqualTo(4);
            assertThat(s.showsOnAir()).containsExactly(new LiveStatus.OnAir("s-a", "Spring Live"),
                    new LiveStatus.OnAir("s-unknown", null));
            assertThat(s.summary()).isEqualTo(
                    "Live mode running: last poll 4 s ago, 12 files loaded, on air: Spring Live, s-unknown");
        }

        @Test
        void runningLastsThreeIntervalsPlusTenSecondsAfterTheLastPoll() {
            // interval 5 s: running up to 25 s after the last poll, not after.
            liveRun("live-1", START, NOW.minusSeconds(25)).insert(jdbc);
            assertThat(repository.liveStatus().state()).isEqualTo("running");

            clock.advance(Duration.ofSeconds(1));
            LiveStatus s = repository.liveStatus();
            assertThat(s.state()).isEqualTo("stopped");
            assertThat(s.stoppedAt()).isNull();
            assertThat(s.summary()).startsWith("Live mode not running; it stopped polling without stopping cleanly");
        }

        @Test
        void aCleanStopIsNotRunningAndSaysWhenItStopped() {
            liveRun("live-1", START, NOW.minusSeconds(2)).set("stopped_at", NOW.minusSeconds(1)).insert(jdbc);

            LiveStatus s = repository.liveStatus();

            assertThat(s.state()).isEqualTo("stopped");
            assertThat(s.summary()).isEqualTo("Live mode not running; last stopped 2026-03-01 19:39:59 UTC");
        }

        @Test
        void aRunningProcessWinsOverALaterOneThatStopped() {
            liveRun("live-old", START, NOW.minusSeconds(3)).insert(jdbc);
            liveRun("live-new", START.plusSeconds(600), NOW.minusSeconds(60)).set("stopped_at", NOW.minusSeconds(60))
                    .insert(jdbc);

            assertThat(repository.liveStatus().liveId()).isEqualTo("live-old");
            assertThat(repository.liveStatus().state()).isEqualTo("running");
        }
    }
}
