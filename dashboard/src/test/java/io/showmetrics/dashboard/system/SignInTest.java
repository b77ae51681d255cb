package io.showmetrics.dashboard.system;

import static org.hamcrest.Matchers.containsString;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** Form sign-in against users of {@code app_user}, CSRF and the navigation bar. */
@WebMvcTest(LoginController.class)
@Import(WebSecurityTestConfig.class)
class SignInTest {
    @Autowired
    MockMvc mvc;

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

    @Nested
    class OpenApi {
        @Test
        void apiDocsNeedSignIn() throws Exception {
            mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
            mvc.perform(get("/swagger-ui.html")).andExpect(status().isFound());
        }
    }
}
