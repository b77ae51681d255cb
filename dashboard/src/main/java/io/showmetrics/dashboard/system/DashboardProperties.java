package io.showmetrics.dashboard.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code showmetrics.*}.
 *
 * @param users demo users seeded into an empty {@code app_user} table, each {@code name:role:password}
 *     (env {@code SHOWMETRICS_USERS="name:role:password,..."})
 */
@ConfigurationProperties("showmetrics")
record DashboardProperties(
        @DefaultValue({"maria:marketing:showtime", "eve:executive:showtime", "alex:analyst:showtime"})
        List<String> users) {

    /** The parsed {@link #users()}; fails with a message naming the bad entry. */
    List<DemoUser> demoUsers() {
        return users.stream().map(String::trim).filter(s -> !s.isEmpty()).map(DemoUser::parse).toList();
    }
}
