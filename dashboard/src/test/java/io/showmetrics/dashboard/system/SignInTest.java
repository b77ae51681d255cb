package io.showmetrics.dashboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.showmetrics.dashboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Form sign-in against users of {@code app_user}, CSRF and the navigation bar. */
@WebMvcTest(LoginController.class)
@Import({WebSecurityTestConfig.class, SignInTest.Time.class})
class SignInTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    /** The throttle's clock, moved by the tests instead of sleeping. */
    @TestConfiguration
    static class Time {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        }
    }

    @Autowired
    AppUserRepository users;

    private void givenUser(String name, Role role, String password) {
        given(users.findByUsername(name)).willReturn(Optional.of(
                new AppUser(name, new BCryptPasswordEncoder(4).encode(password), role, null)));
    }

    @Nested
    class SignInPage {
        @Test
        void isOpenToAnonymousVisitorsAndCarriesACsrfToken() throws Exception {
            mvc.perform(get("/login"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("name=\"_csrf\"")));
        }

        @Test
        void stylesheetIsOpenSoTheSignInPageIsStyled() throws Exception {
            mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        }

        @Test
        void homeRedirectsMarketingToTheShows() throws Exception {
            mvc.perform(get("/").with(user("maria").roles("MARKETING")))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/shows"));
        }

        @Test
        void homeRedirectsExecutivesToTheOmnichannelView() throws Exception {
            mvc.perform(get("/").with(user("eve").roles("EXECUTIVE")))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/omnichannel"));
        }

        @Test
        void homeRedirectsAnalystsToTheExperiments() throws Exception {
            mvc.perform(get("/").with(user("alex").roles("ANALYST")))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/experiments"));
        }
    }

    @Nested
    class SigningIn {
        @Test
        void rightPasswordSignsInWithTheRoleFromTheTable() throws Exception {
            givenUser("maria", Role.MARKETING, "showtime");

            mvc.perform(formLogin().user("maria").password("showtime"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/shows"))
                    .andExpect(authenticated().withUsername("maria").withRoles("MARKETING"));
        }

        @Test
        void analystLandsOnTheExperimentsAfterSigningIn() throws Exception {
            givenUser("alex", Role.ANALYST, "showtime");

            mvc.perform(formLogin().user("alex").password("showtime"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/experiments"))
                    .andExpect(authenticated().withUsername("alex").withRoles("ANALYST"));
        }

        @Test
        void executiveLandsOnTheOmnichannelViewAfterSigningIn() throws Exception {
            givenUser("eve", Role.EXECUTIVE, "showtime");

            mvc.perform(formLogin().user("eve").password("showtime"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/omnichannel"))
                    .andExpect(authenticated().withUsername("eve").withRoles("EXECUTIVE"));
        }

        @Test
        void wrongPasswordIsRejected() throws Exception {
            givenUser("eve", Role.EXECUTIVE, "showtime");

            mvc.perform(formLogin().user("eve").password("guess"))
                    .andExpect(redirectedUrl("/login?error"))
                    .andExpect(unauthenticated());
        }

        @Test
        void unknownUserIsRejected() throws Exception {
            given(users.findByUsername("nobody")).willReturn(Optional.empty());

            mvc.perform(formLogin().user("nobody").password("x")).andExpect(unauthenticated());
        }

        @Test
        void formPostWithoutCsrfTokenIsForbidden() throws Exception {
            givenUser("alex", Role.ANALYST, "showtime");

            mvc.perform(post("/login").param("username", "alex").param("password", "showtime"))
                    .andExpect(status().isForbidden());
        }

        @Test
        void signOutNeedsCsrfAndReturnsToTheSignInPage() throws Exception {
            mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
            mvc.perform(post("/logout").with(user("maria").roles("MARKETING"))).andExpect(status().isForbidden());
            mvc.perform(post("/logout").with(user("maria").roles("MARKETING")).with(csrf()))
                    .andExpect(redirectedUrl("/login?logout"));
        }
    }

    /** Sign-in from {@code address} (MockMvc's default is 127.0.0.1). */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder signIn(String user, String password) {
        return post("/login").param("username", user).param("password", password).with(csrf());
    }

    @Nested
    class Throttling {
        @Test
        void thirtyWrongPasswordsLockTheUserEvenForTheRightPasswordUntilTheLockEnds() throws Exception {
            givenUser("rita", Role.MARKETING, "right-password");
            for (int i = 1; i <= 30; i++) {
                mvc.perform(signIn("rita", "guess-" + i).with(from("192.0.2.1")))
                        .andExpect(redirectedUrl(i <= SignInThrottle.USER_FREE_FAILURES ? "/login?error" : "/login?locked"))
                        .andExpect(unauthenticated());
            }

            mvc.perform(signIn("rita", "right-password").with(from("192.0.2.1")))
                    .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
            mvc.perform(signIn("rita", "right-password").with(from("192.0.2.2")))
                    .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
            clock.advance(SignInThrottle.FIRST_LOCK.minusSeconds(1));
            mvc.perform(signIn("rita", "right-password").with(from("192.0.2.1")))
                    .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());

            clock.advance(Duration.ofSeconds(1));
            mvc.perform(signIn("rita", "right-password").with(from("192.0.2.1")))
                    .andExpect(redirectedUrl("/shows")).andExpect(authenticated().withUsername("rita"));
            // The success cleared the count: the next wrong password is an ordinary failure, not a lock.
            mvc.perform(signIn("rita", "wrong").with(from("192.0.2.1"))).andExpect(redirectedUrl("/login?error"));
        }

        @Test
        void eachFailureAfterTheLockDoublesItUpToFifteenMinutes() {
            assertThat(SignInThrottle.lock(0)).isEqualTo(Duration.ofMinutes(1));
            assertThat(SignInThrottle.lock(1)).isEqualTo(Duration.ofMinutes(2));
            assertThat(SignInThrottle.lock(3)).isEqualTo(Duration.ofMinutes(8));
            assertThat(SignInThrottle.lock(4)).isEqualTo(Duration.ofMinutes(15));
            assertThat(SignInThrottle.lock(62)).isEqualTo(Duration.ofMinutes(15));
        }

        @Test
        void anAttackerCyclingUserNamesFromOneAddressIsThrottledToo() throws Exception {
            for (int i = 0; i < SignInThrottle.ADDRESS_FREE_FAILURES; i++) {
                mvc.perform(signIn("visitor" + i, "guess").with(from("198.51.100.7")))
                        .andExpect(redirectedUrl("/login?error"));
            }

            mvc.perform(signIn("visitor-next", "guess").with(from("198.51.100.7")))
                    .andExpect(redirectedUrl("/login?locked"));
            givenUser("sam", Role.ANALYST, "right-password");
            mvc.perform(signIn("sam", "right-password").with(from("198.51.100.7")))
                    .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
            mvc.perform(signIn("sam", "right-password").with(from("198.51.100.8")))
                    .andExpect(authenticated().withUsername("sam"));
        }

        @Test
        void theSignInPageSaysTheLockAndForHowLong() throws Exception {
            MockHttpSession session = new MockHttpSession();
            for (int i = 0; i <= SignInThrottle.USER_FREE_FAILURES; i++) {
                mvc.perform(signIn("lena", "guess").with(from("192.0.2.9")).session(session));
            }

            mvc.perform(get("/login").param("locked", "").session(session))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Too many failed sign-ins for this user name or from "
                            + "this address: sign-in is locked, try again in 1 minute.")));
        }
    }

    @Nested
    class ProxyAndHeaders {
        @Test
        void aForgedHostDoesNotSteerTheRedirectToSignIn() throws Exception {
            mvc.perform(get("/shows").header("Host", "evil.example"))
                    .andExpect(status().isFound())
                    .andExpect(header().string("Location", "/login"));
        }

        @Test
        void afterSignInTheRedirectToTheAskedPageIsRelative() throws Exception {
            givenUser("tom", Role.MARKETING, "right-password");
            MockHttpSession session = new MockHttpSession();
            mvc.perform(get("/retention?segment=new").header("Host", "evil.example").session(session))
                    .andExpect(header().string("Location", "/login"));

            mvc.perform(signIn("tom", "right-password").header("Host", "evil.example").session(session))
                    .andExpect(status().isFound())
                    .andExpect(header().string("Location", startsWith("/retention?segment=new")));
        }

        @Test
        void everyResponseCarriesAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
            mvc.perform(get("/login"))
                    .andExpect(header().string("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                            containsString("script-src 'self';"), containsString("object-src 'none'"),
                            containsString("frame-ancestors 'none'"))))
                    .andExpect(header().string("Referrer-Policy", "same-origin"))
                    .andExpect(header().doesNotExist("Strict-Transport-Security"));
        }

        @Test
        void secureRequestsGetHsts() throws Exception {
            mvc.perform(get("/login").secure(true))
                    .andExpect(header().string("Strict-Transport-Security", "max-age=31536000"));
        }
    }

    @Nested
    class OpenApi {
        @Test
        void apiDocsNeedSignIn() throws Exception {
            mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
            mvc.perform(get("/swagger-ui.html")).andExpect(status().isFound());
        }
    }
}
