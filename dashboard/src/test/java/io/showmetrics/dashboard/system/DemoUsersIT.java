package io.showmetrics.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Seeding of {@code app_user} and the sign-in block, against a real, migrated PostgreSQL. */
class DemoUsersIT {
    private static TestDatabase db;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
    private AppUserRepository users;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create("demo_users_it");
    }

    @BeforeEach
    void emptyTables() {
        db.truncateAll();
        users = new AppUserRepository(db.jdbc());
    }

    private DemoUsers demoUsers(String... entries) {
        return new DemoUsers(users, encoder, new DashboardProperties(List.of(entries)), new MockEnvironment());
    }

    @Nested
    class Seeding {
        @Test
        void emptyTableGetsEveryConfiguredUserWithABcryptHash() {
            int seeded = demoUsers("maria:marketing:showtime", "eve:executive:s3cret:x").seedIfEmpty();

            assertThat(seeded).isEqualTo(2);
            AppUser maria = users.findByUsername("maria").orElseThrow();
            assertThat(maria.role()).isEqualTo(Role.MARKETING);
            assertThat(maria.displayName()).isEqualTo("Maria");
            assertThat(maria.passwordHash()).startsWith("$2a$").isNotEqualTo("showtime");
            assertThat(encoder.matches("showtime", maria.passwordHash())).isTrue();
            assertThat(encoder.matches("s3cret:x", users.findByUsername("eve").orElseThrow().passwordHash())).isTrue();
        }

        @Test
        void tableWithUsersIsLeftAlone() {
            users.insert(new AppUser("owner", encoder.encode("pw"), Role.ANALYST, "Owner"));

            int seeded = demoUsers("maria:marketing:showtime").seedIfEmpty();

            assertThat(seeded).isZero();
            assertThat(users.count()).isEqualTo(1);
            assertThat(users.findByUsername("maria")).isEmpty();
        }
    }

    @Nested
    class SignInBlock {
        @Test
        void listsTheSeededUsersWithTheirPasswordsAndRoles() {
            DemoUsers demo = demoUsers("maria:marketing:showtime", "alex:analyst:showtime");
            demo.seedIfEmpty();

            String block = demo.signInBlock("9090");

            assertThat(block).contains("Sign in at http://localhost:9090 as:")
                    .containsPattern("maria\\s+/ showtime\\s+\\(marketing\\)")
                    .containsPattern("alex\\s+/ showtime\\s+\\(analyst\\)");
        }

        @Test
        void userWhosePasswordChangedIsNotAdvertised() {
            users.insert(new AppUser("maria", encoder.encode("changed"), Role.MARKETING, "Maria"));

            String block = demoUsers("maria:marketing:showtime").signInBlock("8080");

            assertThat(block).doesNotContain("showtime").contains("with an account of table app_user");
        }
    }
}
