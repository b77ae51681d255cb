package io.showmetrics.dashboard.system;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * For {@code @WebMvcTest} slices: the real {@link SecurityConfig} (so the slices test the server-side
 * authorisation), a mocked user table, and MockMvc with Spring Security's test support.
 */
@TestConfiguration
@Import(SecurityConfig.class)
public class WebSecurityTestConfig {

    @Bean
    AppUserRepository appUserRepository() {
        return Mockito.mock(AppUserRepository.class);
    }

    @Bean
    MockMvcBuilderCustomizer springSecurityMockMvc() {
        return builder -> builder.apply(springSecurity());
    }
}
