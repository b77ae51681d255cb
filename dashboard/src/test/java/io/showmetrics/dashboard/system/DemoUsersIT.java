package io.showmetrics.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.showmetrics.dashboard.testing.TestDatabase;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** {@code serve --demo-users} with these users configured. */
    private DemoUsers demoUsers(String... entries) {
        return new DemoUsers(users, encoder, new DashboardProperties(List.of(entries), true), new MockEnvironment());
    }

    /** Plain {@code serve} with these users configured. */
    private DemoUsers serveUsers(String... entries) {
        return new DemoUsers(users, encoder, new DashboardProperties(List.of(entries), false), new MockEnvironment());
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
        void demoWithoutConfiguredUsersSeedsMariaEveAndAlex() {
            int seeded = demoUsers().seedIfEmpty();

            assertThat(seeded).isEqualTo(3);
            assertThat(users.findByUsername("eve").orElseThrow().role()).isEqualTo(Role.EXECUTIVE);
            assertThat(encoder.matches("showtime", users.findByUsername("alex").orElseThrow().passwordHash())).isTrue();
        }

        @Test
        void serveWithoutConfiguredUsersCreatesOneAdminWithAGeneratedPasswordPrintedOnce() {
            DemoUsers serve = serveUsers();

            assertThat(serve.seedIfEmpty()).isEqualTo(1);
            assertThat(users.count()).isEqualTo(1);
            assertThat(users.findByUsername("maria")).isEmpty();
            AppUser admin = users.findByUsername("admin").orElseThrow();
            assertThat(admin.role()).isEqualTo(Role.MARKETING);
            String block = serve.signInBlock("8080");
            Matcher printed = Pattern
                    .compile("admin\\s+/ ([A-Za-z0-9_-]{24}) \\(marketing\\)").matcher(block);
            assertThat(printed.find()).as(block).isTrue();
            assertThat(admin.passwordHash()).startsWith("$2a$").doesNotContain(printed.group(1));
            assertThat(encoder.matches(printed.group(1), admin.passwordHash())).isTrue();
            assertThat(block).contains("shown only this once");
            assertThat(serve.signInBlock("8080")).doesNotContain(printed.group(1))
                    .contains("with an account of table app_user");
        }

        @Test
        void everyGeneratedPasswordIsNew() {
            assertThat(DemoUsers.generatePassword()).hasSize(24).isNotEqualTo(DemoUsers.generatePassword());
        }

        @Test
        void serveSeedsTheConfiguredUsersNotTheDemoOnes() {
            assertThat(serveUsers("owner:analyst:long-secret-1").seedIfEmpty()).isEqualTo(1);

            assertThat(users.findByUsername("owner")).isPresent();
            assertThat(users.findByUsername("maria")).isEmpty();
            assertThat(users.findByUsername("admin")).isEmpty();
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
        void serveNeverPrintsConfiguredPasswordsAndWarnsAboutTheDemoPassword() {
            users.insert(new AppUser("maria", encoder.encode("showtime"), Role.MARKETING, "Maria"));
            users.insert(new AppUser("eve", encoder.encode("changed-long-password"), Role.EXECUTIVE, "Eve"));

            String block = serveUsers("eve:executive:changed-long-password").signInBlock("8080");

            assertThat(block).contains("with an account of table app_user")
                    .contains("Warning: user maria still has the public demo password showtime")
                    .doesNotContain("changed-long-password").doesNotContain("user eve");
        }

        @Test
        void userWhosePasswordChangedIsNotAdvertised() {
            users.insert(new AppUser("maria", encoder.encode("changed"), Role.MARKETING, "Maria"));

            String block = demoUsers("maria:marketing:showtime").signInBlock("8080");

            assertThat(block).doesNotContain("showtime").contains("with an account of table app_user");
        }
    }
}
