package io.showmetrics.dashboard.system;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password: its user name or client address is locked ({@link SignInThrottle}). */
class SignInThrottledException extends AuthenticationException {
    private final Duration wait;

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins: try again in " + minutes(wait) + " minute" + (minutes(wait) == 1 ? "" : "s") + ".");
        this.wait = wait;
    }

    /** How long the lock still lasts. */
    Duration waitTime() {
        return wait;
    }

    /** {@code wait} in whole minutes, rounded up, at least 1. */
    static long minutes(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return (seconds + 59) / 60;
    }
}
