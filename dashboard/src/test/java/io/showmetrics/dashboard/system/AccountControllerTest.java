package io.showmetrics.dashboard.system;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The "Change password" page: reachable from the header, for any signed-in user, and what signing in does after. */
@WebMvcTest({AccountController.class, LoginController.class})
@Import({WebSecurityTestConfig.class, PasswordService.class})
class AccountControllerTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    /** The mocked table holds one user, eve, whose stored hash follows every password change. */
    @BeforeEach
    void eveWithTheDemoPassword() {
        store("eve", new BCryptPasswordEncoder(4).encode("showtime"));
        willAnswer(call -> {
            store(call.getArgument(0), call.getArgument(1));
            return 1;
        }).given(users).updatePasswordHash(anyString(), anyString());
    }

    private void store(String username, String hash) {
        given(users.findByUsername(username)).willReturn(Optional.of(new AppUser(username, hash, Role.EXECUTIVE, null)));
    }

    private static MockHttpServletRequestBuilder change(String current, String next, String again) {
        return post("/account/password").param("currentPassword", current).param("newPassword", next)
                .param("confirmPassword", again).with(user("eve").roles("EXECUTIVE")).with(csrf());
    }

    @Test
    void everySignedInUserReachesThePageFromTheHeader() throws Exception {
        mvc.perform(get("/account/password").with(user("alex").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"change-password-link\" class=\"btn btn-quiet active\" "
                        + "href=\"/account/password\"")))
                .andExpect(content().string(containsString("name=\"currentPassword\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/account/password")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theNewPasswordSignsInAndTheOldOneNoLonger() throws Exception {
        mvc.perform(change("showtime", "eve's long new password", "eve's long new password"))
                .andExpect(redirectedUrl("/account/password"))
                .andExpect(flash().attribute("notice", "Your password was changed: sign in with the new one from now on."));

        mvc.perform(formLogin().user("eve").password("eve's long new password"))
                .andExpect(authenticated().withUsername("eve"));
        mvc.perform(formLogin().user("eve").password("showtime")).andExpect(unauthenticated());
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndChangesNothing() throws Exception {
        mvc.perform(change("guess", "eve's long new password", "eve's long new password"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The current password is wrong: nothing was changed.")));

        mvc.perform(formLogin().user("eve").password("showtime")).andExpect(authenticated().withUsername("eve"));
        mvc.perform(formLogin().user("eve").password("eve's long new password")).andExpect(unauthenticated());
    }

    @Test
    void aTooShortOrMistypedNewPasswordIsRefused() throws Exception {
        mvc.perform(change("showtime", "short", "shor"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("use at least 12 characters")))
                .andExpect(content().string(containsString("The two new passwords differ")));

        mvc.perform(formLogin().user("eve").password("showtime")).andExpect(authenticated().withUsername("eve"));
    }

    @Test
    void theFormNeedsItsCsrfToken() throws Exception {
        mvc.perform(post("/account/password").param("currentPassword", "showtime")
                        .param("newPassword", "eve's long new password").param("confirmPassword", "eve's long new password")
                        .with(user("eve").roles("EXECUTIVE")))
                .andExpect(status().isForbidden());
    }
}
