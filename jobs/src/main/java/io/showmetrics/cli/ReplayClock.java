package io.showmetrics.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A show's time in an accelerated replay ({@code demo --live}, the live-latency benchmark): it reads
 * {@code origin} when created, and then runs {@code speed} times faster than {@code wall}:
 * {@code instant() = origin + speed × (wall.instant() − wall at creation)}, to the millisecond. With speed 10 a
 * 60-minute show plays in 6 minutes. Always UTC.
 */
final class ReplayClock extends Clock {
    /** The fastest replay: beyond it a slice of one second of wall time holds minutes of a show. */
    static final double MAX_SPEED = 600;

    private final Clock wall;
    private final Instant wallOrigin;
    private final Instant origin;
    private final double speed;

    /**
     * @param wall the real clock
     * @param origin the show time the replay starts at
     * @param speed show seconds per wall second, in (0, {@link #MAX_SPEED}]
     */
    ReplayClock(Clock wall, Instant origin, double speed) {
        this(wall, wall.instant(), origin, speed);
    }

    private ReplayClock(Clock wall, Instant wallOrigin, Instant origin, double speed) {
        if (!(speed > 0) || speed > MAX_SPEED) {
            throw new IllegalArgumentException("speed must be in (0, " + MAX_SPEED + "], got " + speed);
        }
        this.wall = wall;
        this.wallOrigin = wallOrigin;
        this.origin = origin;
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        Duration elapsed = Duration.between(wallOrigin, wall.instant());
        return origin.plusMillis(Math.round(elapsed.toNanos() / 1e6 * speed));
    }

    /** The wall time it takes the replay to advance {@code showTime}. */
    Duration wallTimeFor(Duration showTime) {
        return Duration.ofMillis(Math.round(showTime.toMillis() / speed));
    }

    double speed() {
        return speed;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("a replay clock is UTC only");
    }
}
