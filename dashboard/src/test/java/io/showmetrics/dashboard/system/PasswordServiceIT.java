package io.showmetrics.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.MutableClock;
import io.showmetrics.dashboard.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Changing one's own password, against a real, migrated PostgreSQL. */
class PasswordServiceIT {
    private static TestDatabase db;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private AppUserRepository users;
    private PasswordService passwords;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("password_service_it");
    }

    @BeforeEach
    void oneUser() {
        db.truncateAll();
        users = new AppUserRepository(db.jdbc());
        users.insert(new AppUser("maria", encoder.encode("showtime"), Role.MARKETING, "Maria"));
        users.insert(new AppUser("eve", encoder.encode("showtime"), Role.EXECUTIVE, "Eve"));
        passwords = new PasswordService(users, encoder,
                new SignInThrottle(new MutableClock(Instant.parse("2026-03-01T12:00:00Z"))));
    }

    private boolean hasPassword(String user, String password) {
        return encoder.matches(password, users.findByUsername(user).orElseThrow().passwordHash());
    }

    @Test
    void theNewPasswordReplacesTheOldOne() {
        assertThat(passwords.change("maria", "192.0.2.1", "showtime", "a much longer one", "a much longer one"))
                .isEmpty();

        assertThat(hasPassword("maria", "a much longer one")).isTrue();
        assertThat(hasPassword("maria", "showtime")).isFalse();
        assertThat(users.findByUsername("maria").orElseThrow().passwordHash()).startsWith("$2a$");
        assertThat(hasPassword("eve", "showtime")).as("other users keep theirs").isTrue();
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        assertThat(passwords.change("maria", "192.0.2.1", "guess", "a much longer one", "a much longer one"))
                .containsExactly("The current password is wrong: nothing was changed.");

        assertThat(hasPassword("maria", "showtime")).isTrue();
    }

    @Test
    void theNewPasswordIsCheckedBeforeAnythingIsStored() {
        assertThat(passwords.change("maria", "192.0.2.1", "showtime", "short", "shorter")).containsExactly(
                "The new password is too short: use at least 12 characters.",
                "The two new passwords differ: type the same new password twice.");
        assertThat(passwords.change("maria", "192.0.2.1", "showtime", "é".repeat(40), "é".repeat(40))).containsExactly(
                "The new password is too long: use at most 72 bytes (about 72 letters without accents).");
        assertThat(passwords.change("eve", "192.0.2.1", "showtime", "showtime", "showtime")).contains(
                "The new password is the current one: choose another.");

        assertThat(hasPassword("maria", "showtime")).isTrue();
        assertThat(hasPassword("eve", "showtime")).isTrue();
    }

    @Test
    void wrongCurrentPasswordsCountTowardsTheSignInLock() {
        for (int i = 0; i < SignInThrottle.USER_FREE_FAILURES; i++) {
            passwords.change("maria", "192.0.2.1", "guess" + i, "a much longer one", "a much longer one");
        }

        assertThat(passwords.change("maria", "192.0.2.1", "showtime", "a much longer one", "a much longer one"))
                .containsExactly("Too many failed sign-ins: try again in 1 minute.");
        assertThat(hasPassword("maria", "showtime")).isTrue();
    }
}
