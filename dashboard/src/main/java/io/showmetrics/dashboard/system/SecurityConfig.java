package io.showmetrics.dashboard.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in and authorisation. Every request but the sign-in page and its stylesheet needs a signed-in
 * user with a dashboard role, checked here on the server (pages, JSON API, CSV and OpenAPI alike).
 * Anonymous page requests are redirected to {@code /login}; anonymous API requests get 401.
 * Goal writes (POST, PUT, PATCH, DELETE under {@code /api/goals} and {@code /goals}) need the marketing role: 403
 * for executives and analysts. CSRF protection stays on for every write: the forms (sign-in, sign-out, goals) and
 * the API's writes, the sample-ratio acknowledgement and the goals (header {@code X-CSRF-TOKEN}, from the page's
 * {@code _csrf} meta tag).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {
    /** The goal endpoints that change data (for POST, PUT, PATCH, DELETE): the API and the Goals page's forms. */
    private static final String[] GOAL_WRITES = {"/api/goals", "/api/goals/**", "/goals", "/goals/**"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        RequestMatcher api = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs"));
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/favicon.svg", "/error").permitAll()
                        // Goals are written by marketing only: every write of the API and of the page's forms.
                        .requestMatchers(HttpMethod.POST, GOAL_WRITES).hasRole(Role.MARKETING.name())
                        .requestMatchers(HttpMethod.PUT, GOAL_WRITES).hasRole(Role.MARKETING.name())
                        .requestMatchers(HttpMethod.DELETE, GOAL_WRITES).hasRole(Role.MARKETING.name())
                        .requestMatchers(HttpMethod.PATCH, GOAL_WRITES).hasRole(Role.MARKETING.name())
                        .anyRequest().hasAnyRole(Role.all()))
                .formLogin(form -> form.loginPage("/login").successHandler(homeAfterSignIn()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(api)));
        return http.build();
    }

    /** 401 for the API (a script cannot follow a redirect to a form), the sign-in page for everything else. */
    private static AuthenticationEntryPoint entryPoint(RequestMatcher api) {
        AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        AuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) -> (api.matches(request) ? unauthorized : signIn).commence(request, response, e);
    }

    /** After sign-in: the page that asked for it, else the role's start page ({@link HomePage}). */
    private static AuthenticationSuccessHandler homeAfterSignIn() {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) {
                return HomePage.pathFor(authentication);
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AppUserRepository users) {
        return username -> users.findByUsername(username)
                .map(u -> User.withUsername(u.username())
                        .password(u.passwordHash())
                        .roles(u.role().name())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }
}
