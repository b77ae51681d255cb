package io.showmetrics.dashboard.system;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first users of an empty {@code app_user} table, and the start-up banner saying where and as whom to sign in.
 *
 * <p>An empty table gets, in this order of preference: the users configured in {@code showmetrics.users}
 * ({@code SHOWMETRICS_USERS}); the well-known {@link #DEMO} users when {@code showmetrics.demo-users} is set (only
 * {@code ./showmetrics demo} sets it); otherwise one {@value #ADMIN} user with the marketing role (it can read
 * every page and edit goals) and a random password, stored as a bcrypt hash and printed once in the banner.
 * A table that has users is never changed.
 */
@Component
class DemoUsers implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
    /** The demo users of {@code ./showmetrics demo}; their password is public, so only the demo seeds them. */
    static final List<DemoUser> DEMO = List.of(new DemoUser("maria", Role.MARKETING, "showtime"),
            new DemoUser("eve", Role.EXECUTIVE, "showtime"), new DemoUser("alex", Role.ANALYST, "showtime"));
    /** The user created when nothing else is configured. */
    static final String ADMIN = "admin";
    /** Random bytes of the generated password: 144 bits, 24 characters of URL-safe Base64. */
    private static final int GENERATED_PASSWORD_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final List<DemoUser> configured;
    private final boolean demo;
    private final Environment environment;
    /** The generated admin password until the banner has printed it; then null. */
    private String generatedPassword;

    DemoUsers(AppUserRepository users, PasswordEncoder passwordEncoder, DashboardProperties properties,
              Environment environment) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.configured = properties.configuredUsers();
        this.demo = properties.demoUsers();
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seedIfEmpty();
    }

    /** Seeds an empty {@code app_user} table (see the class comment); returns how many users were inserted. */
    int seedIfEmpty() {
        if (users.count() > 0) {
            return 0;
        }
        List<DemoUser> seed = !configured.isEmpty() ? configured : demo ? DEMO : List.of();
        if (seed.isEmpty()) {
            generatedPassword = generatePassword();
            users.insert(new AppUser(ADMIN, passwordEncoder.encode(generatedPassword), Role.MARKETING, "Administrator"));
            LOG.info("Created user {} (marketing) with a generated password in the empty app_user table", ADMIN);
            return 1;
        }
        for (DemoUser user : seed) {
            users.insert(new AppUser(user.username(), passwordEncoder.encode(user.password()), user.role(),
                    displayName(user.username())));
        }
        LOG.info("Seeded {} user(s) into the empty app_user table", seed.size());
        return seed.size();
    }

    static String generatePassword() {
        byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @EventListener(ApplicationReadyEvent.class)
    void printSignIn() {
        // Printed, not logged: this is the answer to "where do I sign in?" and must stand out in the console.
        System.out.println(signInBlock(environment.getProperty("local.server.port", "8080")));
        System.out.flush();
    }

    /**
     * The block telling where to sign in: the generated admin password (once: the next call no longer has it); in
     * demo mode the seeded users whose password still matches the stored hash; otherwise a pointer to
     * {@code app_user}, with a warning for every demo user that still has the public demo password.
     */
    String signInBlock(String port) {
        StringBuilder block = new StringBuilder();
        String rule = "=".repeat(64);
        String nl = System.lineSeparator();
        block.append(nl).append(rule).append(nl);
        block.append("  showmetrics dashboard is running").append(nl);
        List<DemoUser> advertised = demo ? usable(configured.isEmpty() ? DEMO : configured) : List.of();
        if (generatedPassword != null) {
            block.append("  Sign in at http://localhost:").append(port).append(" as:").append(nl);
            block.append(String.format(Locale.ROOT, "    %-10s / %s (%s)%n", ADMIN, generatedPassword,
                    Role.MARKETING.code()));
            block.append("  This password is shown only this once: change it with \"Change password\" in the page")
                    .append(nl).append("  header after signing in.").append(nl);
            generatedPassword = null;
        } else if (!advertised.isEmpty()) {
            block.append("  Sign in at http://localhost:").append(port).append(" as:").append(nl);
            for (DemoUser u : advertised) {
                block.append(String.format(Locale.ROOT, "    %-10s / %-12s (%s)%n", u.username(), u.password(),
                        u.role().code()));
            }
        } else {
            block.append("  Sign in at http://localhost:").append(port)
                    .append(" with an account of table app_user.").append(nl);
            if (!demo) {
                for (DemoUser u : usable(DEMO)) {
                    block.append("  Warning: user ").append(u.username()).append(" still has the public demo password ")
                            .append(u.password()).append(": change it (\"Change password\" in the page header).")
                            .append(nl);
                }
            }
        }
        block.append(rule);
        return block.toString();
    }

    /** Those of {@code candidates} whose password still matches the stored hash. */
    private List<DemoUser> usable(List<DemoUser> candidates) {
        return candidates.stream()
                .filter(u -> users.findByUsername(u.username())
                        .filter(stored -> passwordEncoder.matches(u.password(), stored.passwordHash()))
                        .isPresent())
                .toList();
    }

    private static String displayName(String username) {
        return username.substring(0, 1).toUpperCase(Locale.ROOT) + username.substring(1);
    }
}
