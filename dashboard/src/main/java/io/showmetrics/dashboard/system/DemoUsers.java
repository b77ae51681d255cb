package io.showmetrics.dashboard.system;

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
 * Seeds the demo users of {@code showmetrics.users} into an empty {@code app_user} table, and once the
 * server is up prints where and as whom to sign in.
 */
@Component
class DemoUsers implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final List<DemoUser> configured;
    private final Environment environment;

    DemoUsers(AppUserRepository users, PasswordEncoder passwordEncoder, DashboardProperties properties,
              Environment environment) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.configured = properties.demoUsers();
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seedIfEmpty();
    }

    /** Inserts every configured user when {@code app_user} has no row; returns how many were inserted. */
    int seedIfEmpty() {
        if (users.count() > 0) {
            return 0;
        }
        for (DemoUser user : configured) {
            users.insert(new AppUser(user.username(), passwordEncoder.encode(user.password()), user.role(),
                    displayName(user.username())));
        }
        LOG.info("Seeded {} demo user(s) into the empty app_user table", configured.size());
        return configured.size();
    }

    @EventListener(ApplicationReadyEvent.class)
    void printSignIn() {
        // Printed, not logged: this is the answer to "where do I sign in?" and must stand out in the console.
        System.out.println(signInBlock(environment.getProperty("local.server.port", "8080")));
        System.out.flush();
    }

    /**
     * The block telling where to sign in: the configured users whose password still matches the stored
     * hash, or a pointer to {@code app_user} when none does.
     */
    String signInBlock(String port) {
        List<DemoUser> usable = configured.stream()
                .filter(u -> users.findByUsername(u.username())
                        .filter(stored -> passwordEncoder.matches(u.password(), stored.passwordHash()))
                        .isPresent())
                .toList();
        StringBuilder block = new StringBuilder();
        String rule = "=".repeat(64);
        block.append(System.lineSeparator()).append(rule).append(System.lineSeparator());
        block.append("  showmetrics dashboard is running").append(System.lineSeparator());
        if (usable.isEmpty()) {
            block.append("  Sign in at http://localhost:").append(port)
                    .append(" with an account of table app_user.").append(System.lineSeparator());
        } else {
            block.append("  Sign in at http://localhost:").append(port).append(" as:").append(System.lineSeparator());
            for (DemoUser u : usable) {
                block.append(String.format(Locale.ROOT, "    %-10s / %-12s (%s)%n", u.username(), u.password(),
                        u.role().code()));
            }
        }
        block.append(rule);
        return block.toString();
    }

    private static String displayName(String username) {
        return username.substring(0, 1).toUpperCase(Locale.ROOT) + username.substring(1);
    }
}
