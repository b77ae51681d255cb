package io.showmetrics.core.attribution;

import java.util.List;

/** Test-data builders: times are given in days from {@link #T0}, so a test states only what it is about. */
final class Fixtures {
    static final long DAY = 24L * 60 * 60 * 1000;
    /** 2026-01-01T00:00:00Z. */
    static final long T0 = 1_767_225_600_000L;

    private Fixtures() {}

    static long at(double day) {
        return T0 + Math.round(day * DAY);
    }

    static Touch touch(String showId, double endDay) {
        return new Touch(showId, at(endDay));
    }

    /** A visit on day 10 ("v") with the given touches. */
    static Journey visit(Touch... touches) {
        return visitOn(10, touches);
    }

    static Journey visitOn(double day, Touch... touches) {
        return new Journey("v", at(day), List.of(touches));
    }

    static Path converted(String... shows) {
        return Path.of(true, shows);
    }

    static Path lost(String... shows) {
        return Path.of(false, shows);
    }
}
