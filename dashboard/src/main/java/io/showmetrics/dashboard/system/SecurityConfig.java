package io.showmetrics.dashboard.system;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in and authorisation. Every request but the sign-in page and the static assets ({@link #STATIC_ASSETS}: the
 * stylesheet, the scripts, the icon and ECharts, which hold no data) needs a signed-in user with a dashboard role,
 * checked here on the server (pages, JSON API, CSV and OpenAPI alike).
 * Anonymous page requests are redirected to {@code /login}; anonymous API requests get 401.
 * Goal writes (POST, PUT, PATCH, DELETE under {@code /api/goals} and {@code /goals}) need the marketing role: 403
 * for executives and analysts, and so do a show's audiences (lists of customers: JSON and CSV). CSRF protection stays on for every write: the forms (sign-in, sign-out, goals) and
 * the API's writes, the sample-ratio acknowledgement and the goals (header {@code X-CSRF-TOKEN}, from the page's
 * {@code _csrf} meta tag).
 *
 * <p>Failed sign-ins are throttled per user name and per client address ({@link SignInThrottle}). Every response
 * carries a Content-Security-Policy ({@link #CONTENT_SECURITY_POLICY}) and {@code Referrer-Policy: same-origin};
 * secure (HTTPS) requests also get HSTS. Every redirect is relative (never built from the request's {@code Host}).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {
    /**
     * Files that are the same for everyone and carry no data, served by {@link StaticAssets} with a year-long
     * {@code Cache-Control}: open without sign-in, so a shared cache may keep them and the sign-in page can use them.
     */
    static final String[] STATIC_ASSETS = {"/css/**", "/js/**", "/webjars/**", "/*.svg"};
    /** The goal endpoints that change data (for POST, PUT, PATCH, DELETE): the API and the Goals page's forms. */
    private static final String[] GOAL_WRITES = {"/api/goals", "/api/goals/**", "/goals", "/goals/**"};
    /**
     * Scripts, styles, images, fonts and API calls from the dashboard itself only; no inline or injected script,
     * no plugins, no framing. Inline styles stay allowed: ECharts writes {@code style} attributes into its tooltip
     * HTML. {@code data:} and {@code blob:} images: Swagger UI's icons and ECharts' PNG download.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** HSTS lifetime on HTTPS responses: one year. */
    static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 60 * 60;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserDetailsService userDetailsService,
                                            PasswordEncoder passwordEncoder, SignInThrottle throttle) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetailsService);
        passwords.setPasswordEncoder(passwordEncoder);
        RequestMatcher api = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs"));
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error").permitAll()
                        .requestMatchers(STATIC_ASSETS).permitAll()
                        // Goals are written by marketing only: every write of the API and of the page's forms.
                        .requestMatchers(HttpMethod.POST, GOAL_WRITES).hasRole(Role.MARKETING.name())
                        .requestMatchers(HttpMethod.PUT, GOAL_WRITES).hasRole(Role.MARKETING.name())
                        .requestMatchers(HttpMethod.DELETE, GOAL_WRITES).hasRole(Role.MARKETING.name())
                        .requestMatchers(HttpMethod.PATCH, GOAL_WRITES).hasRole(Role.MARKETING.name())
                        // Audiences name customers: marketing only, the list and its CSV alike (SPEC section 6).
                        .requestMatchers("/api/shows/*/audiences", "/api/shows/*/audiences/**")
                        .hasRole(Role.MARKETING.name())
                        .anyRequest().hasAnyRole(Role.all()))
                .authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle)))
                .formLogin(form -> form.loginPage("/login").successHandler(new RelativeSignInSuccessHandler())
                        .failureHandler(new SignInFailureHandler()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(api)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // Sent on HTTPS requests only (behind a TLS proxy: when it says X-Forwarded-Proto: https);
                        // this host only, other hosts of the domain are not ours to decide for.
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(false)
                                .maxAgeInSeconds(HSTS_MAX_AGE_SECONDS)));
        return http.build();
    }

    /** 401 for the API (a script cannot follow a redirect to a form), the sign-in page for everything else. */
    private static AuthenticationEntryPoint entryPoint(RequestMatcher api) {
        AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        // "/login", not "http://<Host header>/login": a forged Host must not steer the redirect.
        signIn.setFavorRelativeUris(true);
        return (request, response, e) -> (api.matches(request) ? unauthorized : signIn).commence(request, response, e);
    }

    /**
     * A refused sign-in goes back to the form: {@code /login?locked} when the throttle refused it (the refusal stays in
     * the session, so the page can say for how long), {@code /login?error} otherwise.
     */
    private static final class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {
        SignInFailureHandler() {
            super("/login?error");
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException exception) throws IOException, ServletException {
            if (exception instanceof SignInThrottledException) {
                saveException(request, exception);
                getRedirectStrategy().sendRedirect(request, response, "/login?locked");
            } else {
                super.onAuthenticationFailure(request, response, exception);
            }
        }
    }

    /**
     * After sign-in: the page that asked for it, else the role's start page ({@link HomePage}); always as a relative
     * redirect (the saved request's own URL is absolute, built from the request's {@code Host}).
     */
    private static final class RelativeSignInSuccessHandler implements AuthenticationSuccessHandler {
        private final RequestCache requestCache = new HttpSessionRequestCache();

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws IOException {
            SavedRequest saved = requestCache.getRequest(request, response);
            String target = HomePage.pathFor(authentication);
            if (saved != null) {
                URI asked = URI.create(saved.getRedirectUrl());
                target = asked.getRawPath() + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
                requestCache.removeRequest(request, response);
            }
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
            response.sendRedirect(target);
        }
    }

    @Bean
    SignInThrottle signInThrottle(ObjectProvider<Clock> clock) {
        return new SignInThrottle(clock.getIfAvailable(Clock::systemUTC));
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
