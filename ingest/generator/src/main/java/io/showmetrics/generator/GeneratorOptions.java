package io.showmetrics.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param out     landing folder to write (created; must be empty or hold an earlier generator output)
 * @param scale   multiplies customers and viewers, not the show calendar; 1.0 is about 10 million records,
 *                fractional values such as 0.02 make a small demo
 * @param seed    every random decision is a pure function of this seed and the record's keys
 * @param start   first day of data (UTC); the planted experiments sit at fixed day offsets from it
 * @param days    number of days of data; generating {@code days + 1} reproduces the first {@code days}
 *                byte for byte and adds one more day
 * @param badRate probability, per good record, of planting one bad record after it (and, separately,
 *                of planting one exact duplicate of it)
 */
public record GeneratorOptions(Path out, double scale, long seed, LocalDate start, int days, double badRate) {

    public static final double DEFAULT_SCALE = 1.0;
    public static final long DEFAULT_SEED = 42L;
    /** A Monday, so the generator's weeks line up with ISO weeks. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 9, 7);
    public static final int DEFAULT_DAYS = 56;
    public static final double DEFAULT_BAD_RATE = 0.0005;

    public GeneratorOptions {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(start, "start");
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("scale must be in (0, 100], got " + scale);
        }
        if (days < 1 || days > 3660) {
            throw new IllegalArgumentException("days must be in [1, 3660], got " + days);
        }
        if (!(badRate >= 0) || badRate > 0.1) {
            throw new IllegalArgumentException("badRate must be in [0, 0.1], got " + badRate);
        }
    }

    /** Defaults: scale 1.0, seed 42, start 2026-09-07 (a Monday), 56 days, bad rate 0.0005. */
    public static GeneratorOptions defaults(Path out) {
        return new GeneratorOptions(out, DEFAULT_SCALE, DEFAULT_SEED, DEFAULT_START, DEFAULT_DAYS, DEFAULT_BAD_RATE);
    }

    public GeneratorOptions withScale(double newScale) {
        return new GeneratorOptions(out, newScale, seed, start, days, badRate);
    }

    public GeneratorOptions withSeed(long newSeed) {
        return new GeneratorOptions(out, scale, newSeed, start, days, badRate);
    }

    public GeneratorOptions withDays(int newDays) {
        return new GeneratorOptions(out, scale, seed, start, newDays, badRate);
    }

    public GeneratorOptions withOut(Path newOut) {
        return new GeneratorOptions(newOut, scale, seed, start, days, badRate);
    }

    public GeneratorOptions withBadRate(double newBadRate) {
        return new GeneratorOptions(out, scale, seed, start, days, newBadRate);
    }

    public GeneratorOptions withStart(LocalDate newStart) {
        return new GeneratorOptions(out, scale, seed, newStart, days, badRate);
    }
}
