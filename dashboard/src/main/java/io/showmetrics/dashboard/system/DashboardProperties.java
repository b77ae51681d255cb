package io.showmetrics.dashboard.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code showmetrics.*}.
 *
 * @param users users seeded into an empty {@code app_user} table, each {@code name:role:password}
 *     (env {@code SHOWMETRICS_USERS="name:role:password,..."}); none by default
 * @param demoUsers whether an empty {@code app_user} table with no {@code users} configured gets the well-known demo
 *     users {@link DemoUsers#DEMO} (password {@code showtime}) and the start-up banner prints them with their
 *     password; set only by {@code ./showmetrics demo} (through {@code serve --demo-users}) and the browser tests
 */
@ConfigurationProperties("showmetrics")
record DashboardProperties(@DefaultValue List<String> users, @DefaultValue("false") boolean demoUsers) {

    /** The parsed {@link #users()}; fails with a message naming the bad entry. */
    List<DemoUser> configuredUsers() {
        return users.stream().map(String::trim).filter(s -> !s.isEmpty()).map(DemoUser::parse).toList();
    }
}
