package io.showmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code demo --live}'s cheap parts: its replay clock, its goal, its show and its arguments. */
class LiveDemoTest {
    private static final Instant SHOW_START = Instant.parse("2026-11-01T17:00:00Z");

    /** A wall clock a test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Nested
    class ReplayClockTest {
        @Test
        void startsAtTheShowStartAndRunsSpeedTimesFasterThanTheWall() {
            HandClock wall = new HandClock();
            ReplayClock show = new ReplayClock(wall, SHOW_START, 10);
            assertThat(show.instant()).isEqualTo(SHOW_START);
            wall.advance(Duration.ofSeconds(1));
            assertThat(show.instant()).isEqualTo(SHOW_START.plusSeconds(10));
            wall.advance(Duration.ofMinutes(6).minusSeconds(1));
            assertThat(show.instant()).isEqualTo(SHOW_START.plus(Duration.ofHours(1)));
        }

        @Test
        void keepsMillisecondsAtAFractionalSpeed() {
            HandClock wall = new HandClock();
            ReplayClock show = new ReplayClock(wall, SHOW_START, 2.5);
            wall.advance(Duration.ofMillis(333));
            assertThat(show.instant()).isEqualTo(SHOW_START.plusMillis(833)); // 832.5 rounded half up
        }

        @Test
        void saysHowMuchWallTimeAStretchOfTheShowTakes() {
            ReplayClock show = new ReplayClock(new HandClock(), SHOW_START, 10);
            assertThat(show.wallTimeFor(Duration.ofMinutes(75))).isEqualTo(Duration.ofSeconds(450));
        }

        @Test
        void refusesASpeedOutsideItsRange() {
            assertThatThrownBy(() -> new ReplayClock(new HandClock(), SHOW_START, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReplayClock(new HandClock(), SHOW_START, ReplayClock.MAX_SPEED + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void isUtc() {
            assertThat(new ReplayClock(new HandClock(), SHOW_START, 10).getZone()).isEqualTo(ZoneOffset.UTC);
        }
    }

    @Nested
    class Goal {
        @Test
        void isTwiceTheMedianRoundedUpToAHundred() {
            assertThat(LiveDemo.goalTarget(List.of(1000.0, 3000.0, 2010.0))).contains(4100.0);
        }

        @Test
        void takesTheMeanOfTheMiddleTwoOfAnEvenCount() {
            assertThat(LiveDemo.goalTarget(List.of(1000.0, 2000.0, 3000.0, 9000.0))).contains(5000.0);
        }

        @Test
        void isAtLeastAHundredAndAbsentWithoutHistory() {
            assertThat(LiveDemo.goalTarget(List.of(0.0))).contains(100.0);
            assertThat(LiveDemo.goalTarget(List.of())).isEmpty();
        }
    }

    @Nested
    class Show {
        private final List<LiveReplay.Show> shows = List.of(
                new LiveReplay.Show("SH-B", "B", SHOW_START, SHOW_START.plusSeconds(3600)),
                new LiveReplay.Show("SH-A", "A", SHOW_START.minusSeconds(86_400), SHOW_START.minusSeconds(82_800)));

        @Test
        void isTheLastByStartByDefault() {
            assertThat(LiveDemo.pick(shows, null).showId()).isEqualTo("SH-B");
        }

        @Test
        void canBeChosen() {
            assertThat(LiveDemo.pick(shows, "SH-A").showId()).isEqualTo("SH-A");
        }

        @Test
        void anUnknownOneIsABadArgumentNamingTheShows() {
            assertThatThrownBy(() -> LiveDemo.pick(shows, "SH-X")).isInstanceOf(CliException.class)
                    .hasMessageContaining("SH-B, SH-A")
                    .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
        }
    }

    @Nested
    class Arguments {
        @TempDir
        Path dir;

        private int execute(StringWriter err, String... args) {
            CommandLine cmd = Showmetrics.commandLine();
            cmd.setErr(new PrintWriter(err, true));
            cmd.setOut(new PrintWriter(new StringWriter(), true));
            return cmd.execute(args);
        }

        @Test
        void speedAndShowNeedLive() {
            StringWriter err = new StringWriter();
            assertThat(execute(err, "demo", "--speed", "20", "--data", dir.toString())).isEqualTo(2);
            assertThat(err.toString()).contains("--show and --speed go with --live");
        }

        @Test
        void aSpeedOutOfRangeIsABadArgument() {
            StringWriter err = new StringWriter();
            assertThat(execute(err, "demo", "--live", "--speed", "0", "--data", dir.toString())).isEqualTo(2);
            assertThat(err.toString()).contains("--speed must be");
        }

        @Test
        void theLiveDemoKeepsItsOwnFolderUnderTheDataFolder() {
            assertThat(DemoCommand.liveDataDir(Path.of("data"))).isEqualTo(Path.of("data", "live"));
        }

        @Test
        void theLiveDemoRefusesAFolderHoldingOtherData() throws Exception {
            java.nio.file.Files.createDirectories(dir.resolve("landing/shows"));
            StringWriter err = new StringWriter();
            assertThat(execute(err, "demo", "--live", "--no-serve", "--data", dir.toString())).isEqualTo(2);
            assertThat(err.toString()).contains("already holds other data");
        }
    }

    @Test
    void aSpeedIsPrintedAsAFactor() {
        assertThat(LiveDemo.speedText(10)).isEqualTo("×10");
        assertThat(LiveDemo.speedText(2.5)).isEqualTo("×2.5");
    }
}
