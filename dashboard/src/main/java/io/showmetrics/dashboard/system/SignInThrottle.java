package io.showmetrics.dashboard.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per user name and per client address, with an exponential lock-out: after
 * {@link #USER_FREE_FAILURES} failures for one user name (or {@link #ADDRESS_FREE_FAILURES} from one address, across
 * every name it tried), every sign-in for that name (or from that address) is refused for {@link #FIRST_LOCK}, and
 * each further failure doubles the lock up to {@link #MAX_LOCK}. While a name or address is locked its attempts are
 * refused without checking the password and without counting, so a lock always ends on time. A failure older than
 * {@link #FORGET_AFTER} without a newer one is forgotten; a successful sign-in clears its user name's count (not its
 * address's, so an attacker cannot reset the address count with an account of their own).
 *
 * <p>The counts live in this process's memory: they are lost on restart and not shared between dashboard processes
 * (one dashboard process is the supported deployment; see docs/operations.md, "Security").
 */
final class SignInThrottle {
    /** Failures one user name may have before it is locked. */
    static final int USER_FREE_FAILURES = 5;
    /** Failures one client address may have (over every user name) before it is locked. */
    static final int ADDRESS_FREE_FAILURES = 20;
    /** The first lock; each further failure doubles it. */
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    /** The longest lock. */
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    /** A count with no failure for this long starts again from zero. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Beyond this many tracked names and addresses, the forgotten ones are dropped at the next failure. */
    private static final int PRUNE_ABOVE = 100_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** The failures of one user name or address: how many, the latest, and until when it is locked. */
    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /**
     * How long a sign-in as {@code username} from {@code address} must still wait; {@link Duration#ZERO} when it may
     * go ahead.
     */
    Duration waitBefore(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(userKey(username), now);
        Duration from = remaining(addressKey(address), now);
        return user.compareTo(from) >= 0 ? user : from;
    }

    /** Counts a failed sign-in (wrong password or unknown user name) for the name and the address. */
    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(f -> forgotten(f, now));
        }
        count(userKey(username), USER_FREE_FAILURES, now);
        count(addressKey(address), ADDRESS_FREE_FAILURES, now);
    }

    /** Clears the count of {@code username} after a successful sign-in. */
    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil() == null || !f.lockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil());
    }

    private void count(String key, int freeFailures, Instant now) {
        failures.compute(key, (k, f) -> {
            int count = (f == null || forgotten(f, now)) ? 1 : f.count() + 1;
            return new Failures(count, now, count < freeFailures ? null : now.plus(lock(count - freeFailures)));
        });
    }

    /** {@link #FIRST_LOCK} doubled {@code doublings} times, at most {@link #MAX_LOCK}. */
    static Duration lock(int doublings) {
        if (doublings >= 20) {
            return MAX_LOCK;
        }
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private static boolean forgotten(Failures f, Instant now) {
        boolean locked = f.lockedUntil() != null && f.lockedUntil().isAfter(now);
        return !locked && f.last().plus(FORGET_AFTER).isBefore(now);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
