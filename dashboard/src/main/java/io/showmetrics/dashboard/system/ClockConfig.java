package io.showmetrics.dashboard.system;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock that decides whether KPIs are still provisional: the system clock in UTC, unless a
 * {@link Clock} singleton was registered before start ({@code ServeCommand.useClock}, for tests).
 */
@Configuration
class ClockConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
